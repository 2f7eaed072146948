package org.relais.support;

import jakarta.mail.internet.MailDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Brings a directory contact to where the loop guard holds its answers back: its mailbox writes like a robot (the same
 * mail again and again, or different mails a second apart), and the hub's answers to it use up the hour's bound.
 * The first answers come through SMTP; the rest of the hour's bound is written into the ledger as mails already sent.
 */
public final class RobotAtItsBound {

    /** How the robot gives itself away. */
    public enum Manner { REPEATS_ITSELF, WRITES_FAST }

    public static final String SUBJECT = "Réponse automatique";
    /** Enough mails to show the loop guard's three signs of a robot, after the first. */
    private static final int SIGNS_AND_ONE = 4;

    private final HubTest test;
    private final JdbcClient jdbc;
    private final String address;
    private final Manner manner;
    private final Instant firstWritten = Instant.now().minus(Duration.ofMinutes(1));
    private int sent;

    public RobotAtItsBound(HubTest test, JdbcClient jdbc, String address, Manner manner) {
        this.test = test;
        this.jdbc = jdbc;
        this.address = address;
        this.manner = manner;
    }

    /** Its mails answered at once until the hour's bound is used up. */
    public RobotAtItsBound atItsBound(int answersPerHour) {
        for (int i = 0; i < SIGNS_AND_ONE; i++) {
            send();
        }
        test.awaitMailsTo(address, SIGNS_AND_ONE);
        for (int i = 0; i < answersPerHour - SIGNS_AND_ONE; i++) {
            jdbc.sql("""
                            insert into outgoing_mail (purpose, recipient, subject, message_id, raw, sent_at)
                            values ('intake-ack', :to, :subject, :id, '', now())""")
                    .param("to", address).param("subject", "Re: " + SUBJECT)
                    .param("id", "<earlier." + i + "." + address + ">").update();
        }
        return this;
    }

    /** One more of its mails, whose answer the loop guard holds back; waits until it is held. */
    public void sendsOneMoreHeldBack() {
        int held = heldBack();
        send();
        await().atMost(Duration.ofSeconds(20)).until(() -> heldBack() == held + 1);
    }

    private void send() {
        sent++;
        TestMail mail = test.mail().from(address);
        if (manner == Manner.REPEATS_ITSELF) {
            mail.subject(SUBJECT).text("Absent jusqu'au 15.");
        } else {
            mail.subject(SUBJECT + " " + sent).text("Relevé n° " + sent)
                    .header("Date", new MailDateFormat().format(Date.from(firstWritten.plusSeconds(sent))));
        }
        mail.send();
    }

    private int heldBack() {
        return jdbc.sql("select count(*) from withheld_reply where recipient = :address").param("address", address)
                .query(Integer.class).single();
    }
}
