package org.relais.budget;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.intake.MailParts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Budgets, their amounts and their issues as PostgreSQL holds them. */
@Repository
class BudgetRepository {

    /** The file of a document and the mail it came in, to answer on its thread. */
    record DocumentFile(byte[] content, String fileName, long mailId, String messageId, String subject) {
    }

    private final JdbcClient jdbc;
    private final MailParts parts;

    BudgetRepository(JdbcClient jdbc, MailParts parts) {
        this.jdbc = jdbc;
        this.parts = parts;
    }

    boolean isChecked(long documentId) {
        return jdbc.sql("select count(*) from budget where document_id = :id").param("id", documentId)
                .query(Integer.class).single() > 0;
    }

    /** A checked budget's verdict (accepted, rejected, unreadable) and how many errors it had. */
    record Verdict(String verdict, int errors) {
    }

    Verdict verdict(long documentId) {
        return jdbc.sql("""
                        select b.verdict, (select count(*) from budget_issue i
                                           where i.budget_id = b.id and i.severity = 'ERROR') as errors
                        from budget b where b.document_id = :id
                        """)
                .param("id", documentId)
                .query((rs, row) -> new Verdict(rs.getString("verdict"), rs.getInt("errors")))
                .single();
    }

    DocumentFile file(long partId) {
        MailParts.Part part = parts.part(partId).orElseThrow();
        MailParts.Origin origin = parts.origin(part.mailId());
        return new DocumentFile(part.content(), part.fileName(), part.mailId(), origin.messageId(), origin.subject());
    }

    /** Records a checked budget as the newest version for its seminar; the previous version points to it. */
    long insert(long documentId, String reference, String seminarCode, String kind, String sheetName, String currency,
                String verdict, String unreadableReason) {
        int version = 1 + jdbc.sql("select count(*) from budget where seminar_code = :seminar and kind = :kind")
                .param("seminar", seminarCode).param("kind", kind).query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into budget (document_id, reference, seminar_code, kind, version, sheet_name, currency,
                            verdict, unreadable_reason)
                        values (:documentId, :reference, :seminar, :kind, :version, :sheet, :currency, :verdict, :reason)
                        returning id
                        """)
                .param("documentId", documentId).param("reference", reference).param("seminar", seminarCode)
                .param("kind", kind).param("version", version).param("sheet", sheetName)
                .param("currency", currency).param("verdict", verdict).param("reason", unreadableReason)
                .query(Long.class).single();
        jdbc.sql("""
                        update budget set superseded_by = :id
                        where seminar_code = :seminar and kind = :kind and id <> :id and superseded_by is null
                        """)
                .param("id", id).param("seminar", seminarCode).param("kind", kind).update();
        return id;
    }

    void insertAmount(long budgetId, BudgetRow row, BudgetColumn column, Amount amount) {
        jdbc.sql("""
                        insert into budget_amount (budget_id, line, label, column_name, cell, raw_text, amount)
                        values (:budgetId, :line, :label, :column, :cell, :raw, :amount)
                        on conflict do nothing
                        """)
                .param("budgetId", budgetId).param("line", row.line().name()).param("label", row.label())
                .param("column", column.name()).param("cell", amount.cell()).param("raw", amount.rawText())
                .param("amount", amount.value().orElse(null))
                .update();
    }

    void insertIssue(long budgetId, Finding finding) {
        jdbc.sql("""
                        insert into budget_issue (budget_id, code, severity, cell, found, expected)
                        values (:budgetId, :code, :severity, :cell, :found, :expected)
                        """)
                .param("budgetId", budgetId).param("code", finding.code().name())
                .param("severity", finding.severity().name()).param("cell", finding.cell())
                .param("found", finding.found()).param("expected", finding.expected())
                .update();
    }

    /** A forecast's amounts by line and column: what a report is compared with. */
    record Forecast(long budgetId, String reference, Map<BudgetLine, Map<BudgetColumn, BigDecimal>> amounts) {
    }

    /** A supporting document received for a report: in the report's mail or a later one quoting its reference. */
    record Supporting(long documentId, String fileName) {
    }

    /** The approved forecast of a seminar (the newest), else its newest accepted one. */
    Optional<Forecast> referenceForecast(String seminarCode) {
        Optional<Long> id = jdbc.sql("""
                        select b.id from budget b left join budget_review r on r.budget_id = b.id
                        where b.seminar_code = :seminar and b.kind = 'budget_forecast' and b.verdict = 'accepted'
                        order by (r.state = 'approved') desc nulls last, b.version desc limit 1
                        """)
                .param("seminar", seminarCode).query(Long.class).optional();
        return id.map(budgetId -> {
            Map<BudgetLine, Map<BudgetColumn, BigDecimal>> amounts = new EnumMap<>(BudgetLine.class);
            jdbc.sql("select line, column_name, amount from budget_amount where budget_id = :id and amount is not null")
                    .param("id", budgetId)
                    .query(rs -> {
                        amounts.computeIfAbsent(BudgetLine.valueOf(rs.getString("line")),
                                line -> new EnumMap<>(BudgetColumn.class))
                                .merge(BudgetColumn.valueOf(rs.getString("column_name")), rs.getBigDecimal("amount"),
                                        BigDecimal::add);
                    });
            String reference = jdbc.sql("select reference from budget where id = :id").param("id", budgetId)
                    .query(String.class).single();
            return new Forecast(budgetId, reference, amounts);
        });
    }

    void comparedWith(long reportId, long forecastId) {
        jdbc.sql("update budget set compared_with = :forecast where id = :id")
                .param("forecast", forecastId).param("id", reportId).update();
    }

    List<Supporting> supportingFor(long reportMailId, String reportReference) {
        return jdbc.sql("""
                        select d.id, d.file_name from document d join inbound_mail m on m.id = d.mail_id
                        where d.kind = 'supporting_document'
                          and (d.mail_id = :mailId or m.quoted_reference = :reference)
                        order by d.id
                        """)
                .param("mailId", reportMailId).param("reference", reportReference)
                .query((rs, row) -> new Supporting(rs.getLong("id"), rs.getString("file_name")))
                .list();
    }

    void attribute(long documentId, Long reportId, BudgetLine line) {
        jdbc.sql("""
                        insert into supporting_document (document_id, report_id, line) values (:documentId, :reportId, :line)
                        on conflict (document_id) do update set report_id = excluded.report_id, line = excluded.line
                        """)
                .param("documentId", documentId).param("reportId", reportId)
                .param("line", line == null ? null : line.name()).update();
    }

    /** The financial report a reference names, with the mail it came in. */
    record Report(long budgetId, long documentId, long mailId, String reference, String seminarCode) {
    }

    Optional<Report> report(String reference) {
        return jdbc.sql("""
                        select b.id, b.document_id, d.mail_id, b.reference, b.seminar_code
                        from budget b join document d on d.id = b.document_id
                        where b.reference = :reference and b.kind = 'financial_report' and b.verdict <> 'unreadable'
                        order by b.id desc limit 1
                        """)
                .param("reference", reference)
                .query((rs, row) -> new Report(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("mail_id"),
                        rs.getString("reference"), rs.getString("seminar_code")))
                .optional();
    }

    Map<BudgetLine, BigDecimal> cashSpending(long budgetId) {
        Map<BudgetLine, BigDecimal> spending = new EnumMap<>(BudgetLine.class);
        jdbc.sql("""
                        select line, sum(amount) as amount from budget_amount
                        where budget_id = :id and column_name = 'EXPENSES_CASH' and amount > 0
                          and line not in ('TOTAL', 'OTHER')
                        group by line
                        """)
                .param("id", budgetId)
                .query(rs -> {
                    spending.put(BudgetLine.valueOf(rs.getString("line")), rs.getBigDecimal("amount"));
                });
        return spending;
    }

    boolean mailHasReport(long mailId) {
        return jdbc.sql("select count(*) from document where mail_id = :mailId and kind = 'financial_report'")
                .param("mailId", mailId).query(Integer.class).single() > 0;
    }

    String quotedReferenceOf(long mailId) {
        return jdbc.sql("select quoted_reference from inbound_mail where id = :id").param("id", mailId)
                .query(String.class).optional().orElse(null);
    }

    Optional<String> seminarTitle(String seminarCode) {
        return jdbc.sql("select title from seminar where code = :code").param("code", seminarCode)
                .query(String.class).optional();
    }
}
