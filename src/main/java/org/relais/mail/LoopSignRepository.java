package org.relais.mail;

import java.sql.Timestamp;
import java.time.Duration;
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

    /** Once per mail: a mail processed again (after a crash, or released from quarantine) keeps its first note. */
    void insert(Arrival arrival, RobotSign sign) {
        jdbc.sql("""
                        insert into loop_arrival (mail_id, sender, written_at, fingerprint, sign)
                        values (:mailId, :sender, :writtenAt, :fingerprint, :sign)
                        on conflict (mail_id) do nothing
                        """)
                .param("mailId", arrival.mailId())
                .param("sender", arrival.sender())
                .param("writtenAt", Timestamp.from(arrival.writtenAt()))
                .param("fingerprint", arrival.fingerprint())
                .param("sign", sign == null ? null : sign.code())
                .update();
    }

    /**
     * The sender's other mails of the window that a rule could match: the latest with the same fingerprint and the
     * latest written less than {@code pace} before or after this one; two rows at most, however many mails the sender
     * wrote in the window. Reading every earlier mail back for each new one made a flood's burst cost grow with its
     * square (bench/README.md, "Intake against its peers").
     */
    List<Arrival> candidates(Arrival arrival, Duration window, Duration pace) {
        return jdbc.sql("""
                        (select mail_id, sender, written_at, fingerprint from loop_arrival
                         where sender = :sender and mail_id <> :mailId
                           and arrived_at > now() - make_interval(secs => :seconds)
                           and fingerprint = :fingerprint
                         order by arrived_at desc limit 1)
                        union all
                        (select mail_id, sender, written_at, fingerprint from loop_arrival
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
                .query((rs, row) -> new Arrival(rs.getLong("mail_id"), rs.getString("sender"),
                        rs.getTimestamp("written_at").toInstant(), rs.getString("fingerprint"), List.of()))
                .list();
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
