package org.relais.minutes;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relais.intake.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Minutes, their documents and versions as PostgreSQL keeps them (tables of V4__minutes_and_translation.sql). */
@Repository
class MinutesRepository {

    /** A minutes document as intake recorded it. */
    record IntakeDocument(long documentId, long partId, long mailId, String fileName) {
    }

    private static final String MINUTES_COLUMNS = """
            select reference, kind, mail_id, seminar_code, sender, sender_language, title, state, deadline from minutes
            """;
    private static final String DOCUMENT_COLUMNS = """
            select document_id, reference, part_id, file_name, text, extraction_problem, detected_language,
                   confidence, language, language_state from minutes_document
            """;
    private static final String VERSION_COLUMNS = """
            select reference, language, origin, part_id, file_name, text, author from minutes_version
            """;

    private final JdbcClient jdbc;

    MinutesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertIfAbsent(String reference, String kind, long mailId, String seminar, String sender,
                        String senderLanguage, Instant deadline) {
        jdbc.sql("""
                        insert into minutes (reference, kind, mail_id, seminar_code, sender, sender_language, deadline)
                        values (:reference, :kind, :mailId, :seminar, :sender, :language, :deadline)
                        on conflict (reference) do nothing
                        """)
                .param("reference", reference)
                .param("kind", kind)
                .param("mailId", mailId)
                .param("seminar", seminar)
                .param("sender", sender)
                .param("language", senderLanguage)
                .param("deadline", Timestamp.from(deadline))
                .update();
    }

    /** The minutes, locked until the end of the transaction: its documents and versions change one step at a time. */
    Optional<Minutes> lock(String reference) {
        return jdbc.sql(MINUTES_COLUMNS + " where reference = :reference for update")
                .param("reference", reference)
                .query(MinutesRepository::minutes)
                .optional();
    }

    Optional<Minutes> find(String reference) {
        return jdbc.sql(MINUTES_COLUMNS + " where reference = :reference")
                .param("reference", reference)
                .query(MinutesRepository::minutes)
                .optional();
    }

    void setTitle(String reference, String title) {
        jdbc.sql("update minutes set title = :title where reference = :reference and title is null")
                .param("reference", reference)
                .param("title", title)
                .update();
    }

    /** Moves the minutes to complete; false when it already was (the caller then sends nothing). */
    boolean complete(String reference, String completedBy) {
        return jdbc.sql("""
                        update minutes set state = 'complete', completed_at = now(), completed_by = :by
                        where reference = :reference and state = 'collecting'
                        """)
                .param("reference", reference)
                .param("by", completedBy)
                .update() == 1;
    }

    /** The kind and seminar of outreach still collecting, on its row and on its documents as intake recorded them. */
    void changeScope(String reference, DocumentKind kind, String seminar) {
        jdbc.sql("update minutes set kind = :kind, seminar_code = :seminar where reference = :reference")
                .param("reference", reference)
                .param("kind", kind.distributedAs())
                .param("seminar", seminar)
                .update();
        jdbc.sql("""
                        update document set kind = :kind, seminar_code = :seminar
                        where reference = :reference and flow = 'minutes'
                        """)
                .param("reference", reference)
                .param("kind", kind.code())
                .param("seminar", seminar)
                .update();
    }

    List<String> overdue(Instant now) {
        return jdbc.sql("""
                        select reference from minutes
                        where state = 'collecting' and deadline < :now and overdue_notified_at is null
                        order by deadline
                        """)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
    }

    boolean markOverdueNotified(String reference) {
        return jdbc.sql("""
                        update minutes set overdue_notified_at = now()
                        where reference = :reference and state = 'collecting' and overdue_notified_at is null
                        """)
                .param("reference", reference)
                .update() == 1;
    }

    void extendDeadline(String reference, Instant deadline) {
        jdbc.sql("update minutes set deadline = :deadline, overdue_notified_at = null where reference = :reference")
                .param("reference", reference)
                .param("deadline", Timestamp.from(deadline))
                .update();
    }

    List<IntakeDocument> intakeDocuments(String reference) {
        return jdbc.sql("""
                        select id, part_id, mail_id, file_name from document
                        where reference = :reference and flow = 'minutes' order by id
                        """)
                .param("reference", reference)
                .query((rs, row) -> new IntakeDocument(rs.getLong("id"), rs.getLong("part_id"), rs.getLong("mail_id"),
                        rs.getString("file_name")))
                .list();
    }

    void insertDocument(MinutesDocument document) {
        jdbc.sql("""
                        insert into minutes_document (document_id, reference, part_id, file_name, text,
                            extraction_problem, detected_language, confidence, language, language_state)
                        values (:id, :reference, :partId, :fileName, :text, :problem, :detected, :confidence,
                            :language, :state)
                        on conflict (document_id) do nothing
                        """)
                .param("id", document.documentId())
                .param("reference", document.reference())
                .param("partId", document.partId())
                .param("fileName", document.fileName())
                .param("text", document.text())
                .param("problem", document.extractionProblem())
                .param("detected", document.detectedLanguage())
                .param("confidence", document.confidence())
                .param("language", document.language())
                .param("state", document.languageState())
                .update();
    }

    List<MinutesDocument> documents(String reference) {
        return jdbc.sql(DOCUMENT_COLUMNS + " where reference = :reference order by document_id")
                .param("reference", reference)
                .query(MinutesRepository::document)
                .list();
    }

    Optional<MinutesDocument> document(long documentId) {
        return jdbc.sql(DOCUMENT_COLUMNS + " where document_id = :id")
                .param("id", documentId)
                .query(MinutesRepository::document)
                .optional();
    }

    void setLanguage(long documentId, String language, String setBy) {
        jdbc.sql("""
                        update minutes_document set language = :language, language_state = 'set',
                            language_set_by = :by, language_set_at = now()
                        where document_id = :id
                        """)
                .param("id", documentId)
                .param("language", language)
                .param("by", setBy)
                .update();
    }

    /** Adds the version unless the language already has one; true when added. */
    boolean insertVersion(String reference, MinutesVersion version) {
        return jdbc.sql("""
                        insert into minutes_version (reference, language, origin, part_id, file_name, text, author)
                        values (:reference, :language, :origin, :partId, :fileName, :text, :author)
                        on conflict (reference, language) do nothing
                        """)
                .param("reference", reference)
                .param("language", version.language())
                .param("origin", version.origin())
                .param("partId", version.partId())
                .param("fileName", version.fileName())
                .param("text", version.text())
                .param("author", version.author())
                .update() == 1;
    }

    List<MinutesVersion> versions(String reference) {
        return jdbc.sql(VERSION_COLUMNS + " where reference = :reference order by added_at, language")
                .param("reference", reference)
                .query((rs, row) -> new MinutesVersion(rs.getString("language"), rs.getString("origin"),
                        rs.getLong("part_id"), rs.getString("file_name"), rs.getString("text"), rs.getString("author")))
                .list();
    }

    /**
     * Stores a text as a part of a mail, so that a version which came as a mail body or from the machine is a file
     * like any other for the distribution: UTF-8 plain text, kind 'minutes-text', numbered after the mail's own parts.
     */
    long insertTextPart(long mailId, String fileName, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return jdbc.sql("""
                        insert into mail_part (mail_id, position, file_name, declared_type, detected_type, charset,
                            size_bytes, content, kind)
                        values (:mailId,
                            (select greatest(coalesce(max(position), 0) + 1, 1000) from mail_part where mail_id = :mailId),
                            :fileName, 'text/plain', 'text', 'utf-8', :size, :content, 'minutes-text')
                        returning id
                        """)
                .param("mailId", mailId)
                .param("fileName", fileName)
                .param("size", content.length)
                .param("content", content)
                .query(Long.class)
                .single();
    }

    private static Minutes minutes(ResultSet rs, int row) throws SQLException {
        return new Minutes(rs.getString("reference"), rs.getString("kind"), rs.getLong("mail_id"),
                rs.getString("seminar_code"), rs.getString("sender"), rs.getString("sender_language"),
                rs.getString("title"), rs.getString("state"), rs.getTimestamp("deadline").toInstant());
    }

    private static MinutesDocument document(ResultSet rs, int row) throws SQLException {
        double confidence = rs.getDouble("confidence");
        return new MinutesDocument(rs.getLong("document_id"), rs.getString("reference"), rs.getLong("part_id"),
                rs.getString("file_name"), rs.getString("text"), rs.getString("extraction_problem"),
                rs.getString("detected_language"), rs.wasNull() ? 0 : confidence, rs.getString("language"),
                rs.getString("language_state"));
    }
}
