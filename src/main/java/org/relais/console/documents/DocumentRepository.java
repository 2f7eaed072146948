package org.relais.console.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.relais.console.MailText;
import org.relais.intake.MailParts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Documents, their mails and files as the console reads them. */
@Repository
@Transactional(readOnly = true)
class DocumentRepository {

    /**
     * Where a document stands, from what the database has: a dead failure of its message wins, then the budget
     * (superseded, then the follow-up group's review, then the check's verdict), else it waits on (or was taken
     * from) its flow's queue.
     */
    static final String STATE = """
            case
              when exists (select 1 from failure f where f.state = 'dead'
                           and f.body ~ ('"documentId":' || d.id || '[,}]')) then 'failed'
              when b.superseded_by is not null then 'superseded'
              when r.state = 'approved' then 'approved'
              when r.state = 'objected' then 'objected'
              when r.state = 'open' then 'in-review'
              when b.verdict is not null then b.verdict
              else 'queued'
            end
            """;

    // concatenated, not formatted, so that the text stays a compile-time constant (SqlOnlyThroughParametersTest)
    private static final String LIST = """
            select d.id, d.reference, d.kind, d.flow, d.seminar_code, d.sender, d.language, d.file_name,
                   d.created_at, d.mail_id, d.part_id, m.subject,
            """ + STATE + """
             as state
            from document d
            join inbound_mail m on m.id = d.mail_id
            left join budget b on b.document_id = d.id
            left join budget_review r on r.budget_id = b.id
            """;

    record DocumentRow(long id, String reference, String kind, String flow, String seminar, String sender,
                       String language, String fileName, Instant createdAt, long mailId, long partId, String subject,
                       String state) {
    }

    record Filter(String kind, String seminar, String state, String language, String search) {
    }

    record MailRow(long id, String reference, String sender, String subject, String messageId, Instant fetchedAt,
                   Instant processedAt, String state, String seminar, String language, String problem,
                   int sizeBytes) {
    }

    record PartRow(long id, int position, String fileName, String declaredType, String detectedType, int sizeBytes,
                   String kind, String rejection, boolean stored) {
    }

    record Download(String fileName, byte[] content) {
    }

    /** How many of the newest documents a search looks through. */
    private static final int SEARCH_SCAN_LIMIT = 5_000;

    private final JdbcClient jdbc;
    private final MailParts mailParts;

    DocumentRepository(JdbcClient jdbc, MailParts mailParts) {
        this.jdbc = jdbc;
        this.mailParts = mailParts;
    }

    /**
     * The newest documents that pass the filters. The search runs here rather than in SQL because subjects are
     * stored as the mail's raw header (often MIME-encoded) and are matched as a person reads them.
     */
    List<DocumentRow> list(Filter filter, int limit) {
        String search = blankToNull(filter.search());
        return jdbc.sql("select * from (" + LIST + ") x" + """
                         where (cast(:kind as text) is null or kind = :kind)
                          and (cast(:seminar as text) is null or seminar_code = :seminar)
                          and (cast(:state as text) is null or state = :state)
                          and (cast(:language as text) is null or language = :language)
                        order by created_at desc, id desc
                        limit :scanned
                        """)
                .param("kind", blankToNull(filter.kind()))
                .param("seminar", blankToNull(filter.seminar()))
                .param("state", blankToNull(filter.state()))
                .param("language", blankToNull(filter.language()))
                .param("scanned", SEARCH_SCAN_LIMIT)
                .query(DocumentRepository::documentRow)
                .stream()
                .filter(row -> search == null || matches(row, search.toLowerCase(Locale.ROOT)))
                .limit(limit)
                .toList();
    }

    private static boolean matches(DocumentRow row, String search) {
        return Stream.of(row.reference(), row.fileName(), row.subject(), row.sender())
                .anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(search));
    }

    List<DocumentRow> ofReference(String reference) {
        return jdbc.sql(LIST + " where d.reference = :reference order by d.id")
                .param("reference", reference)
                .query(DocumentRepository::documentRow)
                .list();
    }

    Optional<MailRow> mailOfReference(String reference) {
        return jdbc.sql("""
                        select id, reference, sender, subject, message_id, fetched_at, processed_at, state,
                               seminar_code, language, problem, size_bytes
                        from inbound_mail where reference = :reference
                        """)
                .param("reference", reference)
                .query((rs, row) -> new MailRow(rs.getLong("id"), rs.getString("reference"), rs.getString("sender"),
                        MailText.header(rs.getString("subject")), rs.getString("message_id"),
                        instant(rs.getTimestamp("fetched_at")),
                        instant(rs.getTimestamp("processed_at")), rs.getString("state"),
                        rs.getString("seminar_code"), rs.getString("language"), rs.getString("problem"),
                        rs.getInt("size_bytes")))
                .optional();
    }

    List<PartRow> parts(long mailId) {
        return jdbc.sql("""
                        select id, position, file_name, declared_type, detected_type, size_bytes, kind, rejection,
                               content is not null or in_original as stored
                        from mail_part where mail_id = :mailId order by position
                        """)
                .param("mailId", mailId)
                .query((rs, row) -> new PartRow(rs.getLong("id"), rs.getInt("position"), rs.getString("file_name"),
                        rs.getString("declared_type"), rs.getString("detected_type"), rs.getInt("size_bytes"),
                        rs.getString("kind"), rs.getString("rejection"), rs.getBoolean("stored")))
                .list();
    }

    Optional<Download> part(String reference, long partId) {
        boolean ofTheMail = jdbc.sql("""
                        select count(*) > 0 from mail_part p join inbound_mail m on m.id = p.mail_id
                        where m.reference = :reference and p.id = :partId
                        """)
                .param("reference", reference)
                .param("partId", partId)
                .query(Boolean.class)
                .single();
        return ofTheMail ? mailParts.part(partId).filter(part -> part.content() != null)
                .map(part -> new Download(part.fileName(), part.content())) : Optional.empty();
    }

    Optional<Download> originalMail(String reference) {
        return jdbc.sql("select raw from inbound_mail where reference = :reference")
                .param("reference", reference)
                .query((rs, row) -> new Download(reference + ".eml", rs.getBytes("raw")))
                .optional();
    }

    Optional<Download> outgoingMail(String reference, long outgoingId) {
        return jdbc.sql("""
                        select o.purpose, o.raw from outgoing_mail o join inbound_mail m on m.id = o.mail_id
                        where m.reference = :reference and o.id = :id
                        """)
                .param("reference", reference)
                .param("id", outgoingId)
                .query((rs, row) -> new Download(reference + "-" + rs.getString("purpose") + "-" + outgoingId + ".eml",
                        rs.getBytes("raw")))
                .optional();
    }

    private static DocumentRow documentRow(ResultSet rs, int row) throws SQLException {
        return new DocumentRow(rs.getLong("id"), rs.getString("reference"), rs.getString("kind"),
                rs.getString("flow"), rs.getString("seminar_code"), rs.getString("sender"),
                rs.getString("language"), rs.getString("file_name"), instant(rs.getTimestamp("created_at")),
                rs.getLong("mail_id"), rs.getLong("part_id"), MailText.header(rs.getString("subject")),
                rs.getString("state"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
