package org.relais.support;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Brings a directory contact to where the loop guard holds its answers back: its mailbox sends the same automatic
 * mail again and again (signs of a robot), and the hub's answers to it use up the hour's bound. The first answers
 * come through SMTP; the rest of the hour's bound is written into the ledger as mails already sent.
 */
public final class RobotAtItsBound {

    public static final String SUBJECT = "Réponse automatique";
    private static final String TEXT = "Absent jusqu'au 15.";
    private static final int SIGNS_AND_ONE = 4;

    private RobotAtItsBound() {
    }

    /** The robot's mails answered so far: at once, until the hour's bound is used up. */
    public static void bring(HubTest test, JdbcClient jdbc, String address, int answersPerHour) {
        for (int i = 0; i < SIGNS_AND_ONE; i++) {
            sendAgain(test, address);
        }
        test.awaitMailsTo(address, SIGNS_AND_ONE);
        for (int i = 0; i < answersPerHour - SIGNS_AND_ONE; i++) {
            jdbc.sql("""
                            insert into outgoing_mail (purpose, recipient, subject, message_id, raw, sent_at)
                            values ('intake-ack', :to, :subject, :id, '', now())""")
                    .param("to", address).param("subject", "Re: " + SUBJECT)
                    .param("id", "<earlier." + i + "." + address + ">").update();
        }
    }

    /** One more of the robot's mails, whose answer the loop guard holds back; waits until it is held. */
    public static void sendOneMoreHeld(HubTest test, JdbcClient jdbc, String address) {
        int held = heldFor(jdbc, address);
        sendAgain(test, address);
        await().atMost(Duration.ofSeconds(20)).until(() -> heldFor(jdbc, address) == held + 1);
    }

    private static void sendAgain(HubTest test, String address) {
        test.mail().from(address).subject(SUBJECT).text(TEXT).send();
    }

    private static int heldFor(JdbcClient jdbc, String address) {
        return jdbc.sql("select count(*) from withheld_reply where recipient = :address").param("address", address)
                .query(Integer.class).single();
    }
}
