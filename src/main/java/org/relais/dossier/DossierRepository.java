package org.relais.dossier;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.budget.BudgetColumn;
import org.relais.budget.BudgetLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the dossier reads from every flow's tables, and the dossiers built (the table dossier). */
@Repository
class DossierRepository {

    private static final String BUDGET_COLUMNS = """
            select b.id, b.reference, b.version, b.currency, b.checked_at, d.part_id, d.file_name
            from budget b join document d on d.id = b.document_id
            """;

    private final JdbcClient jdbc;

    DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seminar's newest financial report that could be read. */
    Optional<Dossier.Budget> report(String seminarCode) {
        return jdbc.sql(BUDGET_COLUMNS + """
                        where b.seminar_code = :seminar and b.kind = 'financial_report' and b.verdict <> 'unreadable'
                        order by b.id desc limit 1
                        """)
                .param("seminar", seminarCode).query(this::budget).optional();
    }

    /**
     * The forecast a report was compared with; without a report, the one a report would be compared with: the newest
     * approved by the follow-up group, else the newest accepted.
     */
    Optional<Dossier.Budget> forecast(String seminarCode, Optional<Dossier.Budget> report) {
        Optional<Long> comparedWith = report.flatMap(r -> jdbc.sql("select compared_with from budget where id = :id")
                .param("id", r.id()).query((rs, row) -> Optional.ofNullable((Long) rs.getObject("compared_with")))
                .single());
        if (comparedWith.isPresent()) {
            return jdbc.sql(BUDGET_COLUMNS + " where b.id = :id").param("id", comparedWith.get()).query(this::budget)
                    .optional();
        }
        return jdbc.sql(BUDGET_COLUMNS + """
                        left join budget_review r on r.budget_id = b.id
                        where b.seminar_code = :seminar and b.kind = 'budget_forecast' and b.verdict = 'accepted'
                        order by (r.state = 'approved') desc nulls last, b.version desc limit 1
                        """)
                .param("seminar", seminarCode).query(this::budget).optional();
    }

    List<Dossier.Receipt> receipts(long reportId) {
        return jdbc.sql("""
                        select s.line, d.part_id, d.file_name from supporting_document s
                        join document d on d.id = s.document_id
                        where s.report_id = :report order by s.line nulls last, d.id
                        """)
                .param("report", reportId)
                .query((rs, row) -> new Dossier.Receipt(rs.getString("line") == null ? null
                        : BudgetLine.valueOf(rs.getString("line")), original(rs)))
                .list();
    }

    Optional<Dossier.Review> review(long forecastId) {
        List<Dossier.Decision> decisions = jdbc.sql("""
                        select d.decided_at, d.reviewer, c.name, d.decision, d.comment from review_decision d
                        left join contact c on c.address = d.reviewer
                        where d.budget_id = :budget order by d.decided_at, d.id
                        """)
                .param("budget", forecastId)
                .query((rs, row) -> new Dossier.Decision(instant(rs.getTimestamp("decided_at")), rs.getString("reviewer"),
                        rs.getString("name"), rs.getString("decision"), rs.getString("comment")))
                .list();
        return jdbc.sql("select state, decided_at, decided_by from budget_review where budget_id = :budget")
                .param("budget", forecastId)
                .query((rs, row) -> new Dossier.Review(rs.getString("state"), instant(rs.getTimestamp("decided_at")),
                        rs.getString("decided_by"), decisions))
                .optional();
    }

    Dossier.Attendance attendance(String seminarCode) {
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        int[] participants = {0};
        jdbc.sql("""
                        select coalesce(p.category, 'unknown') as category, coalesce(nullif(trim(p.country), ''), '?')
                               as country, count(*) as n
                        from participant p join attendance_sheet a on a.document_id = p.document_id
                        where a.seminar_code = :seminar group by 1, 2 order by 1, 2
                        """)
                .param("seminar", seminarCode)
                .query(rs -> {
                    int n = rs.getInt("n");
                    participants[0] += n;
                    byCategory.merge(rs.getString("category"), n, Integer::sum);
                    byCountry.merge(rs.getString("country"), n, Integer::sum);
                });
        List<Dossier.Original> sheets = jdbc.sql("""
                        select d.part_id, d.file_name from attendance_sheet a join document d on d.id = a.document_id
                        where a.seminar_code = :seminar order by d.id
                        """)
                .param("seminar", seminarCode).query((rs, row) -> original(rs)).list();
        return new Dossier.Attendance(participants[0], byCategory, byCountry, sheets);
    }

    List<Dossier.MinutesVersion> minutes(String seminarCode) {
        return jdbc.sql("""
                        select v.language, v.origin, v.author, v.added_at, v.part_id, v.file_name
                        from minutes_version v join minutes m on m.reference = v.reference
                        where m.seminar_code = :seminar and m.kind = 'minutes' order by m.received_at, v.added_at
                        """)
                .param("seminar", seminarCode)
                .query((rs, row) -> new Dossier.MinutesVersion(rs.getString("language"), rs.getString("origin"),
                        rs.getString("author"), instant(rs.getTimestamp("added_at")), original(rs)))
                .list();
    }

    List<Dossier.Sending> sendings(String seminarCode) {
        return jdbc.sql("""
                        select kind, state, count(*) as mails from distribution_ledger
                        where seminar_code = :seminar group by kind, state order by kind, state
                        """)
                .param("seminar", seminarCode)
                .query((rs, row) -> new Dossier.Sending(rs.getString("kind"), rs.getString("state"), rs.getInt("mails")))
                .list();
    }

    long store(String seminarCode, String language, String requestedBy, Long mailId, DossierArchive.Archive archive) {
        return jdbc.sql("""
                        insert into dossier (seminar_code, language, requested_by, mail_id, file_name, content, size_bytes)
                        values (:seminar, :language, :requestedBy, :mail, :fileName, :content, :size)
                        returning id
                        """)
                .param("seminar", seminarCode).param("language", language).param("requestedBy", requestedBy)
                .param("mail", mailId).param("fileName", archive.fileName()).param("content", archive.content())
                .param("size", archive.content().length)
                .query(Long.class).single();
    }

    /** A stored dossier's file, for its signed link. */
    Optional<DossierArchive.Archive> archive(long dossierId) {
        return jdbc.sql("select file_name, content from dossier where id = :id").param("id", dossierId)
                .query((rs, row) -> new DossierArchive.Archive(rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    private Dossier.Budget budget(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<BudgetLine, Map<BudgetColumn, BigDecimal>> amounts = new EnumMap<>(BudgetLine.class);
        jdbc.sql("""
                        select line, column_name, sum(amount) as amount from budget_amount
                        where budget_id = :id and amount is not null group by line, column_name
                        """)
                .param("id", id)
                .query(amount -> {
                    amounts.computeIfAbsent(BudgetLine.valueOf(amount.getString("line")),
                                    line -> new EnumMap<>(BudgetColumn.class))
                            .put(BudgetColumn.valueOf(amount.getString("column_name")), amount.getBigDecimal("amount"));
                });
        return new Dossier.Budget(id, rs.getString("reference"), rs.getInt("version"), rs.getString("currency"),
                instant(rs.getTimestamp("checked_at")), original(rs), amounts);
    }

    private static Dossier.Original original(ResultSet rs) throws SQLException {
        return new Dossier.Original(rs.getLong("part_id"), rs.getString("file_name"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
