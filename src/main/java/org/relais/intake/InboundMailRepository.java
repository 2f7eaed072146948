package org.relais.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;

/** The mails fetched from the hub mailbox, their parts and the documents found in them. */
@Repository
class InboundMailRepository {

    /**
     * A stored mail as its processing finds it. A mail still to process comes with the first slice of its original
     * ({@code head}, the whole of most mails; null when the consumer holds the original, FreshOriginals) and what a
     * coordinator chose for it in the console's upload form: read with the row's lock, one statement instead of three
     * a mail.
     */
    record StoredMail(long id, String state, long size, String reference, byte[] head,
                      Optional<ConsoleUploads.Chosen> upload) {
    }

    /** The original is read back in slices of this size: PostgreSQL returns a whole bytea value at once. */
    private static final int SLICE_BYTES = 1 << 20;
    /** PostgreSQL's SQL state for a lock it gave up waiting for (lock_timeout). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /**
     * A part to record. {@code inOriginal}: a leaf of the stored original, its bytes read from there when needed
     * ({@link MailParts}); else no bytes are kept for it.
     */
    record NewPart(int position, String fileName, String declaredType, String charset, String detectedType, long size,
                   boolean inOriginal, String kind, String rejection) {
    }

    private final JdbcClient jdbc;

    InboundMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the mail unless a mail with the same key is there; either way returns the stored row's id and state.
     * The original is streamed from its spool into the row, and PostgreSQL hashes it for the key there.
     */
    MailReceipt storeIfNew(DedupKey key, String messageId, String sender, String subject, SpooledMail raw)
            throws IOException {
        long size = raw.size();
        Stored stored;
        try (InputStream content = raw.stream()) {
            stored = jdbc.sql("""
                            with incoming as (
                                select encode(sha256(:authorHeaders || substring(original from :bodyStart)), 'hex')
                                        as dedup_key, original
                                from (select cast(:raw as bytea) as original) mail),
                            inserted as (
                                insert into inbound_mail (dedup_key, message_id, sender, subject, raw, size_bytes)
                                select dedup_key, :messageId, :sender, :subject, original, :size from incoming
                                on conflict (dedup_key) do nothing
                                returning id)
                            select (select dedup_key from incoming) as dedup_key, (select id from inserted) as id
                            """)
                    .param("authorHeaders", key.authorHeaders())
                    .param("bodyStart", Math.toIntExact(key.bodyStart() + 1))
                    .param("messageId", text(messageId))
                    .param("sender", text(sender))
                    .param("subject", text(subject))
                    .param("raw", new SqlBinaryValue(content, size))
                    .param("size", size)
                    .query((rs, row) -> new Stored(rs.getString("dedup_key"), (Long) rs.getObject("id")))
                    .single();
        }
        if (stored.id() != null) {
            return new MailReceipt(stored.id(), true, true);
        }
        return jdbc.sql("select id, state from inbound_mail where dedup_key = :key")
                .param("key", stored.dedupKey())
                .query((rs, row) -> new MailReceipt(rs.getLong("id"), rs.getString("state").equals("received"),
                        false))
                .single();
    }

    /** What the insert found: the mail's key, and its new row's id (null when the key was there already). */
    private record Stored(String dedupKey, Long id) {
    }

    /**
     * In the rest of the current transaction, a statement that waits for a lock fails after a tenth of a second
     * ({@link #gaveUpWaitingForALock}): for work that must never hold up other work, the rehearsal's.
     */
    void waitForLocksBriefly() {
        jdbc.sql("set local lock_timeout = '100ms'").update();
    }

    /** Whether the failure is a statement's wait for a lock ended by {@link #waitForLocksBriefly}. */
    static boolean gaveUpWaitingForALock(DataAccessException failure) {
        return failure.getMostSpecificCause() instanceof SQLException e && LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    /**
     * The mail, locked until the end of the transaction so that two consumers never process it together; with the
     * first slice of its original while it waits for processing, unless the caller holds the original already.
     */
    Optional<StoredMail> lockForProcessing(long id, boolean withHead) {
        return jdbc.sql("""
                        select m.id, m.state, length(m.raw) as size, m.reference,
                               case when m.state = 'received' and :withHead
                                   then substring(m.raw from 1 for :slice) end as head,
                               u.kind as upload_kind, u.seminar_code as upload_seminar
                        from inbound_mail m left join console_upload u on u.mail_id = m.id
                        where m.id = :id
                        for update of m
                        """)
                .param("id", id)
                .param("withHead", withHead)
                .param("slice", SLICE_BYTES)
                .query((rs, row) -> {
                    String uploadKind = rs.getString("upload_kind");
                    return new StoredMail(rs.getLong("id"), rs.getString("state"), rs.getLong("size"),
                            rs.getString("reference"), rs.getBytes("head"), uploadKind == null ? Optional.empty()
                            : Optional.of(new ConsoleUploads.Chosen(DocumentKind.of(uploadKind),
                                    rs.getString("upload_seminar"))));
                })
                .optional();
    }

    /**
     * Writes the mail's original to {@code out} a slice at a time, so that a large one is never whole in memory: the
     * slice read with the lock first, then the rest.
     */
    void copyOriginal(StoredMail mail, OutputStream out) throws IOException {
        out.write(mail.head());
        copyOriginal(mail.id(), mail.head().length, mail.size(), out);
    }

    /** The same, for the mail of that id and size (its original's length). */
    void copyOriginal(long mailId, long size, OutputStream out) throws IOException {
        copyOriginal(mailId, 0, size, out);
    }

    private void copyOriginal(long mailId, long from, long size, OutputStream out) throws IOException {
        for (long offset = from; offset < size; offset += SLICE_BYTES) {
            byte[] slice = jdbc.sql("select substring(raw from :from for :length) from inbound_mail where id = :id")
                    .param("from", Math.toIntExact(offset + 1))
                    .param("length", SLICE_BYTES)
                    .param("id", mailId)
                    .query(byte[].class)
                    .single();
            out.write(slice);
        }
    }

    void markDone(long id, String state, String reference, String quotedReference, String language,
                  String seminarCode, String problem) {
        jdbc.sql("""
                        update inbound_mail set state = :state, reference = :reference, quoted_reference = :quoted,
                            language = :language, seminar_code = :seminar, problem = :problem, processed_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("state", state)
                .param("reference", reference)
                .param("quoted", quotedReference)
                .param("language", language)
                .param("seminar", seminarCode)
                .param("problem", text(problem))
                .update();
    }

    /** The kind and seminar a coordinator chose for the documents of a mail written from the console's form. */
    void recordUpload(long mailId, ConsoleUploads.Chosen chosen, String uploadedBy) {
        jdbc.sql("""
                        insert into console_upload (mail_id, kind, seminar_code, uploaded_by)
                        values (:mailId, :kind, :seminar, :by)
                        """)
                .param("mailId", mailId)
                .param("kind", chosen.kind().code())
                .param("seminar", chosen.seminarCode())
                .param("by", uploadedBy)
                .update();
    }

    /** A coordinator released the mail from quarantine, vouching for its sender. */
    boolean isReleasedFromQuarantine(long id) {
        return jdbc.sql("select released_by is not null from inbound_mail where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /**
     * Records a mail's parts in one statement (a round trip a part fewer: bench/README.md, "PostgreSQL over its socket
     * file"); their ids in the order of the parts.
     */
    List<Long> insertParts(long mailId, List<NewPart> parts) {
        List<Long> ids = new ArrayList<>(jdbc.sql("""
                        insert into mail_part (mail_id, position, file_name, declared_type, charset, detected_type,
                            size_bytes, in_original, kind, rejection)
                        select :mailId, p.position, p.file_name, p.declared_type, p.charset, p.detected_type,
                            p.size_bytes, p.in_original, p.kind, p.rejection
                        from unnest(cast(:positions as int[]), cast(:fileNames as text[]),
                            cast(:declaredTypes as text[]), cast(:charsets as text[]), cast(:detectedTypes as text[]),
                            cast(:sizes as bigint[]), cast(:inOriginal as boolean[]), cast(:kinds as text[]),
                            cast(:rejections as text[])) with ordinality
                            as p(position, file_name, declared_type, charset, detected_type, size_bytes, in_original,
                                 kind, rejection, rank)
                        order by p.rank
                        returning id
                        """)
                .param("mailId", mailId)
                .param("positions", parts.stream().mapToInt(NewPart::position).toArray())
                .param("fileNames", texts(parts, NewPart::fileName))
                .param("declaredTypes", texts(parts, NewPart::declaredType))
                .param("charsets", texts(parts, NewPart::charset))
                .param("detectedTypes", parts.stream().map(NewPart::detectedType).toArray(String[]::new))
                .param("sizes", parts.stream().mapToLong(NewPart::size).toArray())
                .param("inOriginal", parts.stream().map(NewPart::inOriginal).toArray(Boolean[]::new))
                .param("kinds", parts.stream().map(NewPart::kind).toArray(String[]::new))
                .param("rejections", parts.stream().map(NewPart::rejection).toArray(String[]::new))
                .query(Long.class)
                .list());
        // one statement's ids are drawn from the sequence in the order its rows are inserted, the parts' order
        ids.sort(null);
        return ids;
    }

    long insertDocument(DocumentMessage document) {
        return jdbc.sql("""
                        insert into document (reference, mail_id, part_id, kind, flow, seminar_code, sender, language,
                            file_name)
                        values (:reference, :mailId, :partId, :kind, :flow, :seminar, :sender, :language, :fileName)
                        returning id
                        """)
                .param("reference", document.reference())
                .param("mailId", document.mailId())
                .param("partId", document.partId())
                .param("kind", document.kind())
                .param("flow", document.flow())
                .param("seminar", document.seminar())
                .param("sender", document.sender())
                .param("language", document.language())
                .param("fileName", text(document.fileName()))
                .query(Long.class)
                .single();
    }

    List<DocumentMessage> documentsOf(long mailId) {
        return jdbc.sql("""
                        select id, reference, kind, flow, seminar_code, sender, language, file_name, mail_id, part_id
                        from document where mail_id = :mailId order by id
                        """)
                .param("mailId", mailId)
                .query((rs, row) -> new DocumentMessage(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("kind"), rs.getString("flow"), rs.getString("seminar_code"),
                        rs.getString("sender"), rs.getString("language"), rs.getString("file_name"),
                        rs.getLong("mail_id"), rs.getLong("part_id")))
                .list();
    }

    void insertReply(ReplyMessage reply) {
        jdbc.sql("""
                        insert into inbound_reply (mail_id, flow, quoted_reference, context, body_part_id,
                            attachment_ids)
                        values (:mailId, :flow, :quoted, :context, :bodyPartId,
                            cast(string_to_array(:attachmentIds, ',') as bigint[]))
                        """)
                .param("mailId", reply.mailId())
                .param("flow", reply.flow())
                .param("quoted", reply.quotedReference())
                .param("context", reply.context())
                .param("bodyPartId", reply.bodyPartId())
                .param("attachmentIds", String.join(",", reply.attachmentIds().stream().map(String::valueOf).toList()))
                .update();
    }

    /** The replies a mail handed to flows: its own, and the claims it confirmed (see ClaimConfirmations). */
    List<ReplyMessage> repliesOf(long mailId) {
        return jdbc.sql("""
                        select r.flow, r.mail_id, m.reference, r.quoted_reference, m.sender, m.language, r.context,
                            m.subject, r.body_part_id, r.attachment_ids
                        from inbound_reply r join inbound_mail m on m.id = r.mail_id
                        where r.mail_id = :mailId
                           or r.mail_id in (select c.mail_id from unconfirmed_claim c
                                            where c.answer_mail_id = :mailId and c.state = 'confirmed')
                        order by r.mail_id, r.flow
                        """)
                .param("mailId", mailId)
                .query((rs, row) -> new ReplyMessage(rs.getString("flow"), rs.getLong("mail_id"),
                        rs.getString("reference"), rs.getString("quoted_reference"), rs.getString("sender"),
                        rs.getString("language"), rs.getString("context"), rs.getString("subject"),
                        (Long) rs.getObject("body_part_id"),
                        java.util.Arrays.asList((Long[]) rs.getArray("attachment_ids").getArray())))
                .list();
    }

    boolean hasFinancialReport(String reference) {
        return jdbc.sql("select count(*) from document where reference = :reference and kind = 'financial_report'")
                .param("reference", reference)
                .query(Integer.class)
                .single() > 0;
    }

    /** A reference Relais gave to a mail it received, or one a flow awaits replies for (a list subscription). */
    boolean isKnownReference(String reference) {
        return jdbc.sql("""
                        select exists (select 1 from inbound_mail where reference = :reference)
                            or exists (select 1 from awaited_reply where reference = :reference)
                        """)
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    /** One text field of each part, as {@link #text} keeps it. */
    private static String[] texts(List<NewPart> parts, Function<NewPart, String> field) {
        return parts.stream().map(field).map(InboundMailRepository::text).toArray(String[]::new);
    }

    /** PostgreSQL text cannot hold NUL, which hostile headers and names may carry. */
    private static String text(String value) {
        return value == null ? null : value.replace("\0", "");
    }
}
