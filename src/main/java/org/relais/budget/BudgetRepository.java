package org.relais.budget;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Budgets, their amounts and their issues as PostgreSQL holds them. */
@Repository
class BudgetRepository {

    /** The file of a document and the mail it came in, to answer on its thread. */
    record DocumentFile(byte[] content, String fileName, long mailId, String messageId, String subject) {
    }

    private final JdbcClient jdbc;

    BudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isChecked(long documentId) {
        return jdbc.sql("select count(*) from budget where document_id = :id").param("id", documentId)
                .query(Integer.class).single() > 0;
    }

    DocumentFile file(long partId) {
        return jdbc.sql("""
                        select p.content, p.file_name, m.id as mail_id, m.message_id, m.subject
                        from mail_part p join inbound_mail m on m.id = p.mail_id where p.id = :id
                        """)
                .param("id", partId)
                .query((rs, row) -> new DocumentFile(rs.getBytes("content"), rs.getString("file_name"),
                        rs.getLong("mail_id"), rs.getString("message_id"), rs.getString("subject")))
                .single();
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

    Optional<String> seminarTitle(String seminarCode) {
        return jdbc.sql("select title from seminar where code = :code").param("code", seminarCode)
                .query(String.class).optional();
    }
}
