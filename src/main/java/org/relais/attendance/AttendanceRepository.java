package org.relais.attendance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AttendanceRepository {

    private final JdbcClient jdbc;

    AttendanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isRead(long documentId) {
        return jdbc.sql("select count(*) from attendance_sheet where document_id = :id").param("id", documentId)
                .query(Integer.class).single() > 0;
    }

    void insertSheet(long documentId, String reference, String seminarCode, String sheetName, String problem) {
        jdbc.sql("""
                        insert into attendance_sheet (document_id, reference, seminar_code, sheet_name, problem)
                        values (:documentId, :reference, :seminar, :sheet, :problem)
                        """)
                .param("documentId", documentId).param("reference", reference).param("seminar", seminarCode)
                .param("sheet", sheetName).param("problem", problem).update();
    }

    void recordHeldOn(long documentId, LocalDate heldOn) {
        jdbc.sql("update attendance_sheet set held_on = :heldOn where document_id = :documentId")
                .param("heldOn", heldOn).param("documentId", documentId).update();
    }

    void insertParticipant(long documentId, AttendanceReader.Participant participant) {
        jdbc.sql("""
                        insert into participant (document_id, cell, name, organisation, country, category,
                            category_as_read)
                        values (:documentId, :cell, :name, :organisation, :country, :category, :asRead)
                        """)
                .param("documentId", documentId).param("cell", participant.cell()).param("name", participant.name())
                .param("organisation", participant.organisation()).param("country", participant.country())
                .param("category", participant.category()).param("asRead", participant.categoryAsRead())
                .update();
    }

    /** Participants per category (null: not recognised) of one sheet, in a stable order. */
    Map<String, Integer> countsByCategory(long documentId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select coalesce(category, 'unknown') as category, count(*) as n from participant
                        where document_id = :id group by 1 order by 1
                        """)
                .param("id", documentId)
                .query(rs -> {
                    counts.put(rs.getString("category"), rs.getInt("n"));
                });
        return counts;
    }

    /** Every participant of the reference's sheets, numbered from 1 in the order they were read. */
    List<SheetParticipant> participants(String reference) {
        return jdbc.sql("""
                        select p.id, row_number() over (order by p.document_id, p.id) as number, p.document_id,
                            p.name, p.organisation, p.cell, p.category_as_read, p.category, p.corrected_by
                        from participant p join attendance_sheet s on s.document_id = p.document_id
                        where s.reference = :reference order by p.document_id, p.id
                        """)
                .param("reference", reference)
                .query((rs, row) -> new SheetParticipant(rs.getLong("id"), rs.getInt("number"),
                        rs.getLong("document_id"), rs.getString("name"),
                        rs.getString("organisation"), rs.getString("cell"), rs.getString("category_as_read"),
                        rs.getString("category"), rs.getString("corrected_by")))
                .list();
    }

    int correctCategory(long participantId, String category, String coordinator) {
        return jdbc.sql("""
                        update participant set category = :category, corrected_by = :by, corrected_at = now()
                        where id = :id
                        """)
                .param("id", participantId).param("category", category).param("by", coordinator).update();
    }
}
