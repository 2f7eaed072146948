package org.relais.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What a newsletter tells, read from the database, and the issues sent. */
@Repository
class NewsletterRepository {

    /** A seminar: planned month, when its minutes arrived (it was held), its latest budget forecast's verdict. */
    record SeminarLine(String code, int number, String organiser, LocalDate plannedMonth, Instant minutesReceivedAt,
                       String budgetVerdict, Integer budgetVersion) {
    }

    record Version(String language, long partId, String fileName) {
    }

    /** A document distributed to the partnership, with its versions. */
    record DocumentLine(String reference, String kind, String seminarCode, String title, Instant receivedAt,
                        List<Version> versions) {
    }

    private final JdbcClient jdbc;

    NewsletterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<SeminarLine> seminars() {
        return jdbc.sql("""
                        select s.code, s.number, o.name as organiser, s.planned_month,
                               (select min(d.created_at) from document d
                                 where d.seminar_code = s.code and d.kind = 'minutes') as minutes_received_at,
                               b.verdict, b.version
                        from seminar s
                        join organisation o on o.code = s.organiser_code
                        left join lateral (
                            select verdict, version from budget
                            where seminar_code = s.code and kind = 'budget_forecast' and superseded_by is null
                            order by version desc limit 1) b on true
                        order by s.number
                        """)
                .query((rs, row) -> new SeminarLine(rs.getString("code"), rs.getInt("number"),
                        rs.getString("organiser"), rs.getDate("planned_month").toLocalDate(),
                        instant(rs.getTimestamp("minutes_received_at")), rs.getString("verdict"),
                        (Integer) rs.getObject("version")))
                .list();
    }

    /** Documents of these kinds whose distribution has started, newest first. */
    @Transactional(readOnly = true)
    List<DocumentLine> documents(List<String> kinds, int limit) {
        Map<Long, DocumentLine> documents = new LinkedHashMap<>();
        jdbc.sql("""
                        select d.id, d.reference, d.kind, d.seminar_code, d.title, d.received_at,
                               v.language, v.part_id, v.file_name
                        from distribution d join distribution_version v on v.distribution_id = d.id
                        where d.kind in (:kinds) and d.state in ('sending', 'done')
                          and d.id in (select id from distribution where kind in (:kinds)
                                       and state in ('sending', 'done') order by received_at desc limit :limit)
                        order by d.received_at desc, d.id, v.language
                        """)
                .param("kinds", kinds)
                .param("limit", limit)
                .query(rs -> {
                    DocumentLine line = documents.computeIfAbsent(rs.getLong("id"), id -> {
                        try {
                            return new DocumentLine(rs.getString("reference"), rs.getString("kind"),
                                    rs.getString("seminar_code"), rs.getString("title"),
                                    rs.getTimestamp("received_at").toInstant(), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    line.versions().add(new Version(rs.getString("language"), rs.getLong("part_id"),
                            rs.getString("file_name")));
                });
        return List.copyOf(documents.values());
    }

    /** The issue of a schedule for a due time, made if new. */
    long issue(String schedule, Instant scheduledFor, String requestedBy) {
        jdbc.sql("""
                        insert into newsletter_issue (schedule, scheduled_for, requested_by)
                        values (:schedule, :scheduledFor, :requestedBy)
                        on conflict (schedule, scheduled_for) do nothing
                        """)
                .param("schedule", schedule)
                .param("scheduledFor", Timestamp.from(scheduledFor))
                .param("requestedBy", requestedBy)
                .update();
        return jdbc.sql("""
                        select id from newsletter_issue where schedule = :schedule and scheduled_for = :scheduledFor
                        for update
                        """)
                .param("schedule", schedule)
                .param("scheduledFor", Timestamp.from(scheduledFor))
                .query(Long.class)
                .single();
    }

    Set<String> recipients(long issueId) {
        return new TreeSet<>(jdbc.sql("select recipient from newsletter_delivery where issue_id = :id")
                .param("id", issueId)
                .query(String.class)
                .list());
    }

    void delivery(long issueId, String recipient, String language, Long outgoingMailId, String skipped) {
        jdbc.sql("""
                        insert into newsletter_delivery (issue_id, recipient, language, outgoing_mail_id, skipped)
                        values (:issueId, :recipient, :language, :outgoingMailId, :skipped)
                        """)
                .param("issueId", issueId)
                .param("recipient", recipient)
                .param("language", language)
                .param("outgoingMailId", outgoingMailId)
                .param("skipped", skipped)
                .update();
    }

    List<Long> unsentMails(long issueId) {
        return jdbc.sql("""
                        select o.id from newsletter_delivery nd join outgoing_mail o on o.id = nd.outgoing_mail_id
                        where nd.issue_id = :id and o.sent_at is null and o.failed_at is null order by o.id
                        """)
                .param("id", issueId)
                .query(Long.class)
                .list();
    }

    int skipped(long issueId) {
        return jdbc.sql("select count(*) from newsletter_delivery where issue_id = :id and skipped is not null")
                .param("id", issueId)
                .query(Integer.class)
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
