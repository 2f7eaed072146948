package org.relais.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as the pages show them ({@code ${@consoleTime.format(at)}}): the hub's own time zone, to the second. */
@Component("consoleTime")
public class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String format(Instant at) {
        return at == null ? "—" : FORMAT.format(at.atZone(ZoneId.systemDefault()));
    }

    /** The day only, for what happens on a day (a seminar held). */
    public String day(Instant at) {
        return at == null ? "—" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneId.systemDefault()));
    }

    public String format(OffsetDateTime at) {
        return at == null ? "—" : format(at.toInstant());
    }
}
