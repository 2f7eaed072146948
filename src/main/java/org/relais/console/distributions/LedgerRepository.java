package org.relais.console.distributions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery ledgers as the console reads them (read only): each distribution and each newsletter issue with the
 * state of every mail, and the coordinators' actions on them. The flows write these tables; the console only counts.
 */
@Repository
class LedgerRepository {

    /** Counts over rows {@code l} having a ledger state (pending, deferred, sent, failed, bounced, skipped). */
    private static final String FIGURES = """
            count(l.state) as total,
            count(*) filter (where l.state = 'sent') as sent,
            count(*) filter (where l.state = 'deferred') as deferred,
            count(*) filter (where l.state = 'pending') as pending,
            count(*) filter (where l.state in ('failed', 'bounced')) as failed,
            count(*) filter (where l.state = 'skipped') as skipped
            """;

    private static final String DISTRIBUTIONS = """
            select d.id, d.reference, d.kind, d.title, d.state, d.received_at,
                   array_to_string(d.audiences, ',') as audiences, s.number as seminar_number,
                   s.title as seminar_title,
                   (select string_agg(v.language, ',' order by v.language) from distribution_version v
                     where v.distribution_id = d.id) as languages,
            """ + FIGURES + """
            from distribution d
            left join seminar s on s.code = d.seminar_code
            left join distribution_ledger l on l.distribution_id = d.id
            """;

    /** A newsletter mail's state, worked out as distribution_ledger works out a distribution mail's. */
    private static final String ISSUES = """
            select i.id, i.schedule, i.scheduled_for, i.requested_by,
                   (select a.actor from console_action a
                     where a.action = 'newsletter.send' and a.target = 'newsletter-issue-' || i.id
                     order by a.id limit 1) as actor,
            """ + FIGURES + """
            from newsletter_issue i
            left join (
                select nd.issue_id,
                       case when nd.skipped is not null then 'skipped'
                            when o.bounced_at is not null then 'bounced'
                            when o.failed_at is not null then 'failed'
                            when o.sent_at is not null then 'sent'
                            when o.attempts > 0 then 'deferred'
                            else 'pending' end as state
                from newsletter_delivery nd left join outgoing_mail o on o.id = nd.outgoing_mail_id) l
              on l.issue_id = i.id
            group by i.id
            order by i.id desc limit :limit
            """;

    private static final String ACTIONS = """
            select a.id, a.at, a.actor, a.action, a.outcome, a.detail, d.id as distribution_id, d.reference,
                   i.schedule
            from console_action a
            left join distribution d on a.target = 'distribution-' || d.id
            left join newsletter_issue i on a.target = 'newsletter-issue-' || i.id
            where a.action in ('distribution.resend-failed', 'newsletter.send')
            """;

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<DistributionPages.Distribution> distributions(int limit) {
        return jdbc.sql(DISTRIBUTIONS + " group by d.id, s.number, s.title order by d.id desc limit :limit")
                .param("limit", limit)
                .query(LedgerRepository::distribution)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<DistributionPages.Distribution> distribution(long id) {
        return jdbc.sql(DISTRIBUTIONS + " where d.id = :id group by d.id, s.number, s.title")
                .param("id", id)
                .query(LedgerRepository::distribution)
                .optional();
    }

    @Transactional(readOnly = true)
    List<DistributionPages.Recipient> recipients(long distributionId) {
        return jdbc.sql("""
                        select l.recipient, c.name, l.language, l.state, l.skipped, coalesce(l.attempts, 0) as attempts,
                               l.last_reply, l.sent_at
                        from distribution_ledger l left join contact c on c.address = l.recipient
                        where l.distribution_id = :id
                        order by l.recipient
                        """)
                .param("id", distributionId)
                .query((rs, row) -> new DistributionPages.Recipient(rs.getString("recipient"), rs.getString("name"),
                        rs.getString("language"), rs.getString("state"),
                        rs.getString("skipped") == null ? null : rs.getString("skipped").replace(' ', '-'),
                        rs.getInt("attempts"), rs.getString("last_reply"), instant(rs.getTimestamp("sent_at"))))
                .list();
    }

    @Transactional(readOnly = true)
    List<DistributionPages.Issue> issues(int limit) {
        return jdbc.sql(ISSUES)
                .param("limit", limit)
                .query((rs, row) -> new DistributionPages.Issue(progress(rs, rs.getLong("id"), null),
                        rs.getString("schedule"), instant(rs.getTimestamp("scheduled_for")),
                        rs.getString("requested_by"), rs.getString("actor")))
                .list();
    }

    /** The coordinators' resends and newsletters sent, newest first. */
    @Transactional(readOnly = true)
    List<DistributionPages.Action> actions(int limit) {
        return jdbc.sql(ACTIONS + " order by a.id desc limit :limit")
                .param("limit", limit)
                .query(LedgerRepository::action)
                .list();
    }

    /** The coordinators' actions on one distribution, oldest first. */
    @Transactional(readOnly = true)
    List<DistributionPages.Action> actionsOn(long distributionId) {
        return jdbc.sql(ACTIONS + " and d.id = :id order by a.id")
                .param("id", distributionId)
                .query(LedgerRepository::action)
                .list();
    }

    private static DistributionPages.Distribution distribution(ResultSet rs, int row) throws SQLException {
        Integer seminarNumber = (Integer) rs.getObject("seminar_number");
        return new DistributionPages.Distribution(progress(rs, rs.getLong("id"), rs.getString("state")),
                rs.getString("reference"), rs.getString("kind"), rs.getString("title"), seminarNumber,
                rs.getString("seminar_title"), list(rs.getString("audiences")), list(rs.getString("languages")),
                instant(rs.getTimestamp("received_at")));
    }

    private static DistributionPages.Progress progress(ResultSet rs, long id, String state) throws SQLException {
        return new DistributionPages.Progress(id, state, rs.getInt("total"), rs.getInt("sent"), rs.getInt("deferred"),
                rs.getInt("pending"), rs.getInt("failed"), rs.getInt("skipped"));
    }

    private static DistributionPages.Action action(ResultSet rs, int row) throws SQLException {
        return new DistributionPages.Action(rs.getLong("id"), instant(rs.getTimestamp("at")), rs.getString("actor"),
                rs.getString("action"), rs.getString("outcome"), count(rs.getString("detail")),
                (Long) rs.getObject("distribution_id"), rs.getString("reference"), rs.getString("schedule"));
    }

    /** The number of mails an action handed on, as the controller records it. */
    private static Integer count(String detail) {
        return detail != null && detail.matches("\\d{1,9}") ? Integer.valueOf(detail) : null;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
