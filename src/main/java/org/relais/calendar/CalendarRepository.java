package org.relais.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar's rows: days held, the documents that meet each obligation, and the reminders already sent. */
@Repository
class CalendarRepository {

    /** The day a seminar was held: a coordinator's word, or else the earliest date read on its attendance sheets. */
    record Held(LocalDate heldOn, String recordedBy) {
    }

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Held> heldDays() {
        Map<String, Held> held = new HashMap<>();
        jdbc.sql("""
                        select s.code, h.held_on as coordinator_day, h.recorded_by,
                               (select min(a.held_on) from attendance_sheet a where a.seminar_code = s.code) as sheet_day
                        from seminar s left join seminar_held h on h.seminar_code = s.code
                        """)
                .query(rs -> {
                    Date coordinatorDay = rs.getDate("coordinator_day");
                    Date sheetDay = rs.getDate("sheet_day");
                    if (coordinatorDay != null) {
                        held.put(rs.getString("code"), new Held(coordinatorDay.toLocalDate(), rs.getString("recorded_by")));
                    } else if (sheetDay != null) {
                        held.put(rs.getString("code"), new Held(sheetDay.toLocalDate(), null));
                    }
                });
        return held;
    }

    /** When the first document of each kind arrived for each seminar, keyed "seminar|kind". */
    Map<String, Instant> firstDocuments() {
        Map<String, Instant> first = new HashMap<>();
        jdbc.sql("""
                        select seminar_code, kind, min(created_at) as first_at from document
                        where seminar_code is not null
                          and kind in ('budget_forecast', 'attendance', 'minutes', 'financial_report')
                        group by seminar_code, kind
                        """)
                .query(rs -> {
                    Timestamp at = rs.getTimestamp("first_at");
                    first.put(rs.getString("seminar_code") + "|" + rs.getString("kind"), at.toInstant());
                });
        return first;
    }

    /** Records a reminder; false when it was recorded before (each reminder happens once). */
    boolean record(String seminarCode, Obligation obligation, String stage, LocalDate dueOn) {
        return jdbc.sql("""
                        insert into calendar_reminder (seminar_code, obligation, stage, due_on)
                        values (:seminar, :obligation, :stage, :dueOn)
                        on conflict do nothing
                        """)
                .param("seminar", seminarCode).param("obligation", obligation.code()).param("stage", stage)
                .param("dueOn", dueOn)
                .update() == 1;
    }

    /** True when the seminar exists and its day held is now this one. */
    boolean recordHeld(String seminarCode, LocalDate heldOn, String coordinator) {
        return jdbc.sql("""
                        insert into seminar_held (seminar_code, held_on, recorded_by)
                        select code, :heldOn, :coordinator from seminar where code = :seminar
                        on conflict (seminar_code) do update set held_on = excluded.held_on,
                            recorded_by = excluded.recorded_by, recorded_at = now()
                        """)
                .param("seminar", seminarCode).param("heldOn", heldOn).param("coordinator", coordinator)
                .update() == 1;
    }
}
