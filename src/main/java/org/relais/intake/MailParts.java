package org.relais.intake;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the parts intake stored, for the flows that get their ids in a claim check. */
@Component
public class MailParts {

    /** A stored part: its bytes (null when refused for its size), name, detected type and text charset. */
    public record Part(long id, long mailId, String fileName, String declaredType, String detectedType,
                       String charset, byte[] content) {

        /** The part's text in its declared charset (UTF-8 when unknown); HTML is reduced to its text. */
        public String text() {
            return BodyText.of(new LeafPart(0, fileName, declaredType, charset, content == null ? new byte[0] : content,
                    content == null ? 0 : content.length, fileName != null, false));
        }
    }

    private final JdbcClient jdbc;

    MailParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Part> part(long partId) {
        return jdbc.sql("""
                        select id, mail_id, file_name, declared_type, detected_type, charset, content
                        from mail_part where id = :id
                        """)
                .param("id", partId)
                .query((rs, row) -> new Part(rs.getLong("id"), rs.getLong("mail_id"), rs.getString("file_name"),
                        rs.getString("declared_type"), rs.getString("detected_type"), rs.getString("charset"),
                        rs.getBytes("content")))
                .optional();
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
