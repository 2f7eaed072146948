package org.relais.intake;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.relais.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the parts intake recorded, for the flows that get their ids in a claim check and for the console. A part taken
 * in from a mail is read from the stored original (the leaf at its position): its bytes are kept once.
 */
@Component
public class MailParts {

    /** A stored part: its bytes (null when refused for its size), name, detected type and text charset. */
    public record Part(long id, long mailId, String fileName, String declaredType, String detectedType,
                       String charset, byte[] content) {

        Part withContent(byte[] bytes) {
            return new Part(id, mailId, fileName, declaredType, detectedType, charset, bytes);
        }

        /** The part's text in its declared charset (UTF-8 when unknown); HTML is reduced to its text. */
        public String text() {
            return BodyText.of(new LeafPart(0, fileName, declaredType, charset, content == null ? new byte[0] : content,
                    content == null ? 0 : content.length, fileName != null, false));
        }
    }

    private final JdbcClient jdbc;
    private final InboundMailRepository mails;
    private final Path spool;

    MailParts(JdbcClient jdbc, InboundMailRepository mails, HubProperties hub) throws IOException {
        this.jdbc = jdbc;
        this.mails = mails;
        this.spool = SpooledMail.folderIn(hub.dataDir());
    }

    public Optional<Part> part(long partId) {
        return jdbc.sql("""
                        select p.id, p.mail_id, p.position, p.file_name, p.declared_type, p.detected_type, p.charset,
                               p.content, p.in_original, length(m.raw) as original_size
                        from mail_part p join inbound_mail m on m.id = p.mail_id
                        where p.id = :id
                        """)
                .param("id", partId)
                .query((rs, row) -> new Stored(new Part(rs.getLong("id"), rs.getLong("mail_id"),
                        rs.getString("file_name"), rs.getString("declared_type"), rs.getString("detected_type"),
                        rs.getString("charset"), rs.getBytes("content")), rs.getBoolean("in_original"),
                        rs.getInt("position"), rs.getLong("original_size")))
                .optional()
                .map(this::withContent);
    }

    /** A part's row, and where its bytes are when the row holds none. */
    private record Stored(Part part, boolean inOriginal, int position, long originalSize) {
    }

    private Part withContent(Stored stored) {
        Part part = stored.part();
        if (!stored.inOriginal()) {
            return part;
        }
        try (SpooledMail raw = SpooledMail.copy(stored.originalSize(), spool,
                out -> mails.copyOriginal(part.mailId(), stored.originalSize(), out))) {
            return part.withContent(MailParser.contentAt(raw.message(), stored.position()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read part " + part.id() + " from its mail", e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read part " + part.id() + " from its mail: " + e.getMessage(), e);
        }
    }

    /** The Message-ID and subject of the mail a part came in, to answer on its thread. */
    public record Origin(String messageId, String subject, String sender) {
    }

    public Origin origin(long mailId) {
        return jdbc.sql("select message_id, subject, sender from inbound_mail where id = :id")
                .param("id", mailId)
                .query((rs, row) -> new Origin(rs.getString("message_id"), rs.getString("subject"),
                        rs.getString("sender")))
                .single();
    }
}
