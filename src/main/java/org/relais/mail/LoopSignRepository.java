package org.relais.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The loop guard's notes on each mail (table loop_arrival). */
@Repository
class LoopSignRepository {

    private final JdbcClient jdbc;

    LoopSignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Notes the mail, once: a mail processed again (after a crash, or released from quarantine) keeps its first note.
     * Gives back whether this was its first note, and the sender's other mails of the window that a rule could match:
     * the latest with the same fingerprint and the latest written less than {@code pace} before or after this one;
     * two rows at most, however many mails the sender wrote in the window. Reading every earlier mail back for each
     * new one made a flood's burst cost grow with its square (bench/README.md, "Intake against its peers"). One
     * statement, so one round trip a mail; the sign, when the rules find one, is written after ({@link #sign}).
     */
    Noted note(Arrival arrival, Duration window, Duration pace) {
        List<Arrival> earlier = new ArrayList<>();
        boolean[] first = new boolean[1];
        jdbc.sql("""
                        with noted as (
                            insert into loop_arrival (mail_id, sender, written_at, fingerprint)
                            values (:mailId, :sender, :writtenAt, :fingerprint)
                            on conflict (mail_id) do nothing
                            returning mail_id)
                        select true as noted, null::bigint as mail_id, null::text as sender,
                               null::timestamptz as written_at, null::text as fingerprint
                        from noted
                        union all
                        (select false, mail_id, sender, written_at, fingerprint from loop_arrival
                         where sender = :sender and mail_id <> :mailId
                           and arrived_at > now() - make_interval(secs => :seconds)
                           and fingerprint = :fingerprint
                         order by arrived_at desc limit 1)
                        union all
                        (select false, mail_id, sender, written_at, fingerprint from loop_arrival
                         where sender = :sender and mail_id <> :mailId
                           and arrived_at > now() - make_interval(secs => :seconds)
                           and written_at > cast(:writtenAt as timestamptz) - make_interval(secs => :pace)
                           and written_at < cast(:writtenAt as timestamptz) + make_interval(secs => :pace)
                         order by arrived_at desc limit 1)
                        """)
                .param("sender", arrival.sender())
                .param("mailId", arrival.mailId())
                .param("seconds", window.toSeconds())
                .param("fingerprint", arrival.fingerprint())
                .param("writtenAt", Timestamp.from(arrival.writtenAt()))
                .param("pace", pace.toMillis() / 1000.0)
                .query(rs -> {
                    if (rs.getBoolean("noted")) {
                        first[0] = true;
                    } else {
                        earlier.add(new Arrival(rs.getLong("mail_id"), rs.getString("sender"),
                                rs.getTimestamp("written_at").toInstant(), rs.getString("fingerprint"), List.of()));
                    }
                });
        return new Noted(first[0], earlier);
    }

    /** The sign a mail noted for the first time shows. */
    void sign(long mailId, RobotSign sign) {
        jdbc.sql("update loop_arrival set sign = :sign where mail_id = :mailId")
                .param("mailId", mailId)
                .param("sign", sign.code())
                .update();
    }

    /** Whether the mail was noted now, for the first time, and the sender's other mails a rule could match. */
    record Noted(boolean first, List<Arrival> earlier) {
    }

    /**
     * The signs the sender's mails showed within the window, and how many mails showed each, counted up to
     * {@code enough}: a flood's mails make each decision no dearer than a few (bench/README.md, "Intake").
     */
    Map<RobotSign, Integer> signs(String sender, Duration window, int enough) {
        Map<RobotSign, Integer> signs = new EnumMap<>(RobotSign.class);
        jdbc.sql("""
                        select sign, mails from (
                            select kind.sign, (select count(*) from (select 1 from loop_arrival
                                               where sender = :sender and sign = kind.sign
                                                 and arrived_at > now() - make_interval(secs => :seconds)
                                               limit :enough) as shown) as mails
                            from unnest(cast(array[:kinds] as text[])) as kind (sign)) as counted
                        where mails > 0
                        """)
                .param("sender", sender)
                .param("seconds", window.toSeconds())
                .param("enough", enough)
                .param("kinds", Arrays.stream(RobotSign.values()).map(RobotSign::code).toList())
                .query((rs, row) -> signs.put(RobotSign.of(rs.getString("sign")), rs.getInt("mails")))
                .list();
        return signs;
    }
}
