package org.relais.distribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cron schedules kept in PostgreSQL (schedule_run): a job asks whether its schedule is due and claims the due time
 * at once, so two instances or a restart never run it twice. If the hub was stopped over several due times, one
 * run makes up for them. The first check of a new schedule only notes the time: nothing runs for the past.
 */
@Component
public class Schedules {

    private final JdbcClient jdbc;

    Schedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Optional<ZonedDateTime> claimDue(String name, String cron, String zone, Instant now) {
        ZoneId zoneId = ZoneId.of(zone);
        CronExpression expression = CronExpression.parse(cron);
        Optional<Instant> last = jdbc.sql("select max(scheduled_for) from schedule_run where name = :name")
                .param("name", name)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
        if (last.isEmpty()) {
            insert(name, now);
            return Optional.empty();
        }
        ZonedDateTime due = null;
        ZonedDateTime next = expression.next(last.get().atZone(zoneId));
        while (next != null && !next.toInstant().isAfter(now)) {
            due = next;
            next = expression.next(next);
        }
        return due != null && insert(name, due.toInstant()) ? Optional.of(due) : Optional.empty();
    }

    /** The next time the schedule is due, for the console. */
    public static ZonedDateTime next(String cron, String zone, Instant after) {
        return CronExpression.parse(cron).next(after.atZone(ZoneId.of(zone)));
    }

    private boolean insert(String name, Instant scheduledFor) {
        return jdbc.sql("""
                        insert into schedule_run (name, scheduled_for) values (:name, :scheduledFor)
                        on conflict do nothing
                        """)
                .param("name", name)
                .param("scheduledFor", Timestamp.from(scheduledFor))
                .update() > 0;
    }
}
