package org.relais.console.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together everything known about one tracking reference, for its page and for the API. */
@Service
@Transactional(readOnly = true)
class DocumentPages {

    record Issue(long documentId, String code, String severity, String cell, String found, String expected) {
    }

    record BudgetVersion(long documentId, String reference, int version, String verdict, Instant checkedAt,
                         boolean current) {
    }

    record ReferenceView(DocumentRepository.MailRow mail, List<DocumentRepository.DocumentRow> documents,
                         List<DocumentRepository.PartRow> parts, List<TrailStep> trail,
                         List<DocumentVersion> versions, List<Issue> issues, List<BudgetVersion> budgetVersions,
                         List<Deliveries.Delivery> deliveries) {
    }

    private final DocumentRepository documents;
    private final Deliveries deliveries;
    private final List<TrailSource> trailSources;
    private final List<VersionSource> versionSources;
    private final JdbcClient jdbc;

    DocumentPages(DocumentRepository documents, Deliveries deliveries, List<TrailSource> trailSources,
                  List<VersionSource> versionSources, JdbcClient jdbc) {
        this.documents = documents;
        this.deliveries = deliveries;
        this.trailSources = trailSources;
        this.versionSources = versionSources;
        this.jdbc = jdbc;
    }

    Optional<ReferenceView> reference(String reference) {
        return documents.mailOfReference(reference).map(mail -> {
            List<DocumentRepository.DocumentRow> rows = documents.ofReference(reference);
            TrailSubject subject = new TrailSubject(reference, mail.id(),
                    rows.stream().map(DocumentRepository.DocumentRow::id).toList(),
                    rows.stream().map(DocumentRepository.DocumentRow::partId).toList());
            List<TrailStep> trail = new ArrayList<>();
            trailSources.forEach(source -> trail.addAll(source.steps(subject)));
            // stable: steps of the same instant keep the order their sources gave
            trail.sort(Comparator.comparing(TrailStep::at, Comparator.nullsLast(Comparator.naturalOrder())));
            List<DocumentVersion> versions = new ArrayList<>();
            for (DocumentRepository.DocumentRow row : rows) {
                versions.add(new DocumentVersion(row.id(), row.language(), "original", "received", row.createdAt(),
                        row.fileName(), row.partId()));
            }
            versionSources.forEach(source -> versions.addAll(source.versions(subject)));
            return new ReferenceView(mail, rows, documents.parts(mail.id()), trail, versions, issues(subject),
                    budgetVersions(rows), deliveries.ofMail(mail.id()));
        });
    }

    private List<Issue> issues(TrailSubject subject) {
        if (subject.documentIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select b.document_id, i.code, i.severity, i.cell, i.found, i.expected
                        from budget_issue i join budget b on b.id = i.budget_id
                        where b.document_id in (:ids) order by i.id
                        """)
                .param("ids", subject.documentIds())
                .query((rs, row) -> new Issue(rs.getLong("document_id"), rs.getString("code"),
                        rs.getString("severity"), rs.getString("cell"), rs.getString("found"),
                        rs.getString("expected")))
                .list();
    }

    /** Every version of the same seminar's budget of the same kind, to see this one among them. */
    private List<BudgetVersion> budgetVersions(List<DocumentRepository.DocumentRow> rows) {
        List<BudgetVersion> versions = new ArrayList<>();
        rows.stream().filter(row -> row.seminar() != null).map(row -> List.of(row.seminar(), row.kind())).distinct()
                .forEach(key -> versions.addAll(jdbc.sql("""
                                select document_id, reference, version, verdict, checked_at, superseded_by is null as current
                                from budget where seminar_code = :seminar and kind = :kind order by version
                                """)
                        .param("seminar", key.get(0))
                        .param("kind", key.get(1))
                        .query((rs, row) -> new BudgetVersion(rs.getLong("document_id"), rs.getString("reference"),
                                rs.getInt("version"), rs.getString("verdict"),
                                rs.getTimestamp("checked_at").toInstant(), rs.getBoolean("current")))
                        .list()));
        return versions;
    }
}
