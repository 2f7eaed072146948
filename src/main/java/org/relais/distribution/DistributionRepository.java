package org.relais.distribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Distributions, their versions and the delivery ledger. */
@Repository
class DistributionRepository {

    record Distribution(long id, String reference, String kind, String seminarCode, String title, String state) {
    }

    record StoredVersion(String language, long partId, String fileName) {
    }

    /** One line of the ledger: document × recipient × language, with the mail's state and last SMTP answer. */
    record LedgerLine(String recipient, String language, String messageId, String state, int attempts,
                      String lastReply, Instant sentAt, String skipped) {
    }

    record Summary(long id, String reference, String kind, String seminarCode, String title, String state,
                   int recipients, int sent, int failed, int skipped, String languages) {
    }

    private final JdbcClient jdbc;

    DistributionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The distribution of this (reference, kind), made if new, locked until the transaction ends. */
    Distribution lockOrCreate(DistributionRequest request) {
        jdbc.sql("""
                        insert into distribution (reference, kind, seminar_code, title, state)
                        values (:reference, :kind, :seminar, :title, 'received')
                        on conflict (reference, kind) do nothing
                        """)
                .param("reference", request.reference())
                .param("kind", request.kind())
                .param("seminar", request.seminar())
                .param("title", request.title())
                .update();
        return jdbc.sql("""
                        select id, reference, kind, seminar_code, title, state from distribution
                        where reference = :reference and kind = :kind for update
                        """)
                .param("reference", request.reference())
                .param("kind", request.kind())
                .query((rs, row) -> new Distribution(rs.getLong("id"), rs.getString("reference"), rs.getString("kind"),
                        rs.getString("seminar_code"), rs.getString("title"), rs.getString("state")))
                .single();
    }

    void addVersions(long distributionId, List<DistributionRequest.Version> versions) {
        for (DistributionRequest.Version version : versions) {
            jdbc.sql("""
                            insert into distribution_version (distribution_id, language, part_id, file_name)
                            values (:id, :language, :partId, :fileName)
                            on conflict (distribution_id, language) do nothing
                            """)
                    .param("id", distributionId)
                    .param("language", version.language())
                    .param("partId", version.partId())
                    .param("fileName", version.fileName())
                    .update();
        }
    }

    /** The language of a part that went out as a version of a distribution; empty for any other part. */
    Optional<String> languageOfDistributedPart(long partId) {
        return jdbc.sql("""
                        select v.language from distribution_version v join distribution d on d.id = v.distribution_id
                        where v.part_id = :partId and d.state in ('sending', 'done')
                        limit 1
                        """)
                .param("partId", partId)
                .query(String.class)
                .optional();
    }

    Map<String, StoredVersion> versions(long distributionId) {
        Map<String, StoredVersion> versions = new LinkedHashMap<>();
        jdbc.sql("""
                        select language, part_id, file_name from distribution_version
                        where distribution_id = :id order by language
                        """)
                .param("id", distributionId)
                .query((rs, row) -> new StoredVersion(rs.getString("language"), rs.getLong("part_id"),
                        rs.getString("file_name")))
                .list()
                .forEach(version -> versions.put(version.language(), version));
        return versions;
    }

    void state(long distributionId, String state, List<String> audiences) {
        jdbc.sql("""
                        update distribution set state = :state, audiences = string_to_array(:audiences, ','),
                            planned_at = case when :state = 'sending' then coalesce(planned_at, now()) else planned_at end,
                            done_at = case when :state = 'sending' then null else done_at end
                        where id = :id
                        """)
                .param("id", distributionId)
                .param("state", state)
                .param("audiences", String.join(",", audiences))
                .update();
    }

    List<String> summaryAudiences(long distributionId) {
        return jdbc.sql("select array_to_string(audiences, ',') from distribution where id = :id")
                .param("id", distributionId)
                .query(String.class)
                .optional()
                .filter(text -> !text.isEmpty())
                .map(text -> List.of(text.split(",")))
                .orElse(List.of());
    }

    Set<String> recipients(long distributionId) {
        return new TreeSet<>(jdbc.sql("select recipient from delivery where distribution_id = :id")
                .param("id", distributionId)
                .query(String.class)
                .list());
    }

    void insertDelivery(long distributionId, String recipient, String language, Long partId, Long outgoingMailId,
                        String skipped) {
        jdbc.sql("""
                        insert into delivery (distribution_id, recipient, language, part_id, outgoing_mail_id, skipped)
                        values (:id, :recipient, :language, :partId, :outgoingMailId, :skipped)
                        """)
                .param("id", distributionId)
                .param("recipient", recipient)
                .param("language", language)
                .param("partId", partId)
                .param("outgoingMailId", outgoingMailId)
                .param("skipped", skipped)
                .update();
    }

    /** The mails of a distribution still to send: pending, or deferred after a temporary refusal. */
    List<Long> unsentMails(long distributionId) {
        return jdbc.sql("""
                        select o.id from delivery dl join outgoing_mail o on o.id = dl.outgoing_mail_id
                        where dl.distribution_id = :id and o.sent_at is null and o.failed_at is null
                        order by o.id
                        """)
                .param("id", distributionId)
                .query(Long.class)
                .list();
    }

    /** The mails of a distribution that were refused for good or bounced. */
    List<Long> failedMails(long distributionId) {
        return jdbc.sql("""
                        select o.id from delivery dl join outgoing_mail o on o.id = dl.outgoing_mail_id
                        where dl.distribution_id = :id and (o.failed_at is not null or o.bounced_at is not null)
                        order by o.id
                        """)
                .param("id", distributionId)
                .query(Long.class)
                .list();
    }

    Optional<Long> distributionOf(long outgoingMailId) {
        return jdbc.sql("select distribution_id from delivery where outgoing_mail_id = :id")
                .param("id", outgoingMailId)
                .query(Long.class)
                .optional();
    }

    /** Marks the distribution done once no mail of it is pending or deferred; true only for the call that did. */
    boolean completeIfSettled(long distributionId) {
        return jdbc.sql("""
                        update distribution set state = 'done', done_at = now()
                        where id = :id and state = 'sending' and not exists (
                            select 1 from distribution_ledger
                            where distribution_id = :id and state in ('pending', 'deferred'))
                        """)
                .param("id", distributionId)
                .update() > 0;
    }

    void doneFacts(long distributionId, String factsJson) {
        jdbc.sql("update distribution set done_facts = cast(:facts as jsonb) where id = :id")
                .param("id", distributionId)
                .param("facts", factsJson)
                .update();
    }

    /** The facts of the done event, if the distribution is done. */
    Optional<String> doneFacts(long distributionId) {
        return jdbc.sql("select done_facts::text from distribution where id = :id and state = 'done'")
                .param("id", distributionId)
                .query(String.class)
                .optional()
                .filter(facts -> facts != null);
    }

    Summary summary(long distributionId) {
        return jdbc.sql("""
                        select d.id, d.reference, d.kind, d.seminar_code, d.title, d.state,
                               count(l.recipient) as recipients,
                               count(*) filter (where l.state = 'sent') as sent,
                               count(*) filter (where l.state in ('failed', 'bounced')) as failed,
                               count(*) filter (where l.state = 'skipped') as skipped,
                               coalesce(string_agg(distinct l.language, ','), '') as languages
                        from distribution d left join distribution_ledger l on l.distribution_id = d.id
                        where d.id = :id
                        group by d.id
                        """)
                .param("id", distributionId)
                .query((rs, row) -> new Summary(rs.getLong("id"), rs.getString("reference"), rs.getString("kind"),
                        rs.getString("seminar_code"), rs.getString("title"), rs.getString("state"),
                        rs.getInt("recipients"), rs.getInt("sent"), rs.getInt("failed"), rs.getInt("skipped"),
                        rs.getString("languages")))
                .single();
    }

    @Transactional(readOnly = true)
    List<Summary> recent(int limit) {
        return jdbc.sql("select id from distribution order by id desc limit :limit")
                .param("limit", limit)
                .query(Long.class)
                .list().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    List<LedgerLine> ledger(long distributionId) {
        return jdbc.sql("""
                        select recipient, language, message_id, state, coalesce(attempts, 0) as attempts, last_reply,
                               sent_at, skipped
                        from distribution_ledger where distribution_id = :id order by recipient
                        """)
                .param("id", distributionId)
                .query((rs, row) -> new LedgerLine(rs.getString("recipient"), rs.getString("language"),
                        rs.getString("message_id"), rs.getString("state"), rs.getInt("attempts"),
                        rs.getString("last_reply"), instant(rs.getTimestamp("sent_at")), rs.getString("skipped")))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
