package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.relais.support.RobotAtItsBound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The loop guard through SMTP into the running hub: a busy person gets every answer, at once or in a summary a few
 * minutes later (the delay is a second in the tests); a robot answering the hub's mails is bounded.
 */
class LoopGuardTest extends HubTest {

    private static final String PARTNER = "tulcea@relais.test";
    private static final Pattern REFERENCE = Pattern.compile("REL-\\d{4}-\\d+");

    @Autowired
    LoopGuardProperties properties;

    @Autowired
    DataSource dataSource;

    @Autowired
    LoopSignRepository signs;

    @Autowired
    OutgoingMailRepository outgoing;

    @Autowired
    GatheredAnswerRepository gathered;

    @Autowired
    ReplyLimiter limiter;

    @LocalServerPort
    int port;

    @Test
    void aPersonSendingThirtyMailsInAFewMinutesHasEveryOneAcknowledgedOnceAtOnceOrInASummary() throws Exception {
        Instant firstWritten = Instant.now().minus(Duration.ofMinutes(4));
        for (int i = 1; i <= 30; i++) {
            // supporting documents one by one, a mail every 8 seconds over four minutes (their Date says when)
            mail().from(PARTNER).subject("Document justificativ " + i)
                    .header("Date", new MailDateFormat().format(Date.from(firstWritten.plusSeconds(8L * i))))
                    .attach("chitanta-" + i + ".pdf", Files.pdf("chitanța nr. " + i), "application/pdf")
                    .send();
        }

        Map<String, String> subjectByReference = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            subjectByReference.clear();
            jdbc.sql("select reference, subject from inbound_mail where state = 'processed'")
                    .query((rs, row) -> subjectByReference.put(rs.getString(1), rs.getString(2))).list();
            return subjectByReference.size() == 30;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> subjectByReference.keySet().stream()
                .allMatch(reference -> mailsNaming(reference).size() == 1));

        List<MimeMessage> acknowledgements = mailsTo(PARTNER, "intake-ack");
        List<MimeMessage> summaries = mailsTo(PARTNER, Answer.ANSWERS_SUMMARY);
        assertThat(acknowledgements).hasSize(properties.answersAtOnce());
        assertThat(summaries).isNotEmpty();
        // with a gathering delay of a second here (three minutes in production) several summaries follow each other
        assertThat(acknowledgements.size() + summaries.size()).isEqualTo(mailsTo(PARTNER).size()).isLessThan(30);
        subjectByReference.forEach((reference, subject) -> assertThat(mailsNaming(reference))
                .as("%s is answered once", reference).hasSize(1));
        for (MimeMessage summary : summaries) {
            String text = text(summary);
            assertThat(summary.getSubject()).startsWith("Relais: răspunsuri la ultimele dumneavoastră mesaje");
            assertThat(text).contains("Bună ziua, Consiliul Județean Tulcea", "„Document justificativ ",
                    "„chitanta-", "document justificativ — atașat raportului financiar al seminarului.");
            List<String> listed = referencesIn(text);
            List<String> answeredIds = jdbc.sql("select message_id from inbound_mail where reference in (:listed)")
                    .param("listed", listed).query(String.class).list();
            assertThat(answeredIds).as("threaded on the last mail it answers")
                    .contains(summary.getHeader("In-Reply-To", null));
            // References may be shortened (RFC 5322): the mail answered and the 20 before it
            assertThat(summary.getHeader("References", " ").split("\\s+"))
                    .as("and referring to each of them, or to the 21 newest").doesNotHaveDuplicates()
                    .isSubsetOf(answeredIds).hasSize(Math.min(answeredIds.size(), 21));
        }
        assertThat(jdbc.sql("select count(*) from withheld_reply").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from gathered_answer where outgoing_mail_id is null")
                .query(Integer.class).single()).as("nothing left waiting").isZero();
        String gathered = referencesIn(text(summaries.get(0))).get(0);
        assertThat(ConsoleClient.loggedIn(port, "observer").get("/api/documents/" + gathered).body())
                .as("the document's trail names the summary that answered it").contains("answers-summary");
    }

    @Test
    void anAutoResponderAnsweringTheHubsAnswersIsBoundedAndWhatIsHeldBackWaitsForACoordinator() throws Exception {
        String robot = "neamt@relais.test";
        mail().from(robot).subject("Întrebare despre seminar").text("Bună ziua, când are loc seminarul?").send();

        int rounds = answerEveryMailOfTheHubUntilItStops(robot);

        assertThat(mailsTo(robot)).hasSize(properties.robotAnswersPerHour());
        assertThat(rounds).isEqualTo(properties.robotAnswersPerHour());
        assertThat(jdbc.sql("select sign from loop_arrival where sender = :robot and sign is not null")
                .param("robot", robot).query(String.class).list()).contains("quick-reply");
        assertThat(jdbc.sql("select purpose || ' ' || recipient from withheld_reply").query(String.class).list())
                .containsExactly("intake-ack " + robot);
        assertThat(jdbc.sql("""
                        select count(*) from gathered_answer
                        where recipient = :robot and held and due_at is null and outgoing_mail_id is null""")
                .param("robot", robot).query(Integer.class).single())
                .as("kept for the coordinators, never mailed on its own: that would start the loop again").isOne();
    }

    @Test
    void aFloodIsCountedOnlyUpToEachBoundYetEveryKindOfSignItShowedIsSeen() {
        String flood = "flood@relais.test";
        for (int i = 0; i < 40; i++) {
            mailShowingSign(flood, i, i == 17 ? "repeated" : "pace");
            answerWrittenTo(flood, i);
        }

        assertThat(signs.signs(flood, Duration.ofHours(1), 3))
                .isEqualTo(Map.of(RobotSign.PACE, 3, RobotSign.REPEATED, 1));
        assertThat(outgoing.reached(40, flood, Duration.ofHours(1))).isTrue();
        assertThat(outgoing.reached(41, flood, Duration.ofHours(1))).isFalse();
        assertThat(outgoing.reached(40, flood, List.of("intake-ack"), Duration.ofHours(1))).isTrue();
        assertThat(outgoing.reached(41, flood, List.of("intake-ack", "answers-summary"), Duration.ofHours(1)))
                .isFalse();
        assertThat(outgoing.reachedOfPurpose(40, "intake-ack", Duration.ofHours(1))).isTrue();
        assertThat(outgoing.reachedOfPurpose(41, "intake-ack", Duration.ofHours(1))).isFalse();
    }

    @Test
    void withBothBoundsLeftEmptyARobotAtItsBoundAndABusyPersonAreAnsweredAtOnce() {
        String robot = "robot@relais.test";
        String person = "person@relais.test";
        for (int i = 0; i < properties.robotAnswersPerHour(); i++) {
            mailShowingSign(robot, i, "pace");
            answerWrittenTo(robot, i);
        }
        for (int i = 0; i < properties.answersAtOnce(); i++) {
            answerWrittenTo(person, i);
        }
        assertThat(limiter.robotBoundReached(robot)).as("the robot is at its bound").isTrue();
        assertThat(outgoing.reached(properties.answersAtOnce(), person, List.of("intake-ack", Answer.ANSWERS_SUMMARY),
                properties.gatherWithin())).as("the person's next answers are gathered").isTrue();

        ReplyLimiter unbounded = new ReplyLimiter(outgoing, gathered, signs, new LoopGuardProperties(
                properties.window(), properties.robotSigns(), null, properties.quickReply(), properties.personPace(),
                null, properties.gatherWithin(), properties.gatherDelay(), properties.unknownSendersPerHour(),
                properties.sweepMs()));

        assertThat(unbounded.answer(acknowledgementTo(robot))).isEqualTo(ReplyLimiter.Delivery.AT_ONCE);
        assertThat(unbounded.answer(acknowledgementTo(person))).isEqualTo(ReplyLimiter.Delivery.AT_ONCE);
        assertThat(unbounded.notice(acknowledgementTo(person))).isEqualTo(ReplyLimiter.Delivery.AT_ONCE);
        assertThat(unbounded.robotBoundReached(robot)).isFalse();
        assertThat(jdbc.sql("select count(*) from withheld_reply").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from gathered_answer").query(Integer.class).single()).isZero();
    }

    /** The sender's i-th mail, stored and noted by the loop guard with this sign of a robot. */
    private void mailShowingSign(String sender, int i, String sign) {
        long mailId = jdbc.sql("""
                        insert into inbound_mail (dedup_key, sender, raw, size_bytes)
                        values (:key, :sender, '', 0) returning id""")
                .param("key", sender + " " + i).param("sender", sender).query(Long.class).single();
        jdbc.sql("""
                        insert into loop_arrival (mail_id, sender, written_at, sign)
                        values (:mailId, :sender, now(), :sign)""")
                .param("mailId", mailId).param("sender", sender).param("sign", sign).update();
    }

    /** The i-th acknowledgement written to the recipient, now. */
    private void answerWrittenTo(String recipient, int i) {
        jdbc.sql("""
                        insert into outgoing_mail (purpose, recipient, subject, message_id, raw)
                        values ('intake-ack', :to, 'Re', :id, '')""")
                .param("to", recipient).param("id", "<written." + i + "." + recipient + ">").update();
    }

    private static Answer acknowledgementTo(String recipient) {
        return new Answer("intake-ack", null, recipient, "", "fr", Answer.ANSWERS_SUMMARY, true, "Reçus",
                "REL-2026-0001", List.of(), "<answered@relais.test>");
    }

    @Test
    void aPersonReplyingAtOnceToTheAcknowledgmentWithTheRightFileIsAnsweredAsAPerson() throws Exception {
        mail().from(PARTNER).subject("Raport financiar").text("Vă trimit raportul.").send();
        MimeMessage acknowledgement = awaitMailsTo(PARTNER, 1).get(0);

        mail().from(PARTNER).subject("Re: " + acknowledgement.getSubject())
                .header("In-Reply-To", acknowledgement.getMessageID())
                .text("Scuze, am uitat fișierul.")
                .attach("raport.pdf", Files.pdf("raport"), "application/pdf").send();

        assertThat(awaitMailsTo(PARTNER, 2)).hasSize(2);
        assertThat(jdbc.sql("select sign from loop_arrival where sign is not null").query(String.class).list())
                .containsExactly("quick-reply");
        assertThat(jdbc.sql("select count(*) from withheld_reply").query(Integer.class).single()).isZero();
    }

    @Test
    void aSenderWritingFasterThanAPersonGetsItsHeldAnswersInOneSummaryWhenTheHourTurns() throws Exception {
        String sender = "arad@relais.test";
        new RobotAtItsBound(this, jdbc, sender, RobotAtItsBound.Manner.WRITES_FAST)
                .atItsBound(properties.robotAnswersPerHour()).sendsOneMoreHeldBack();
        String reference = jdbc.sql("select reference from gathered_answer where held and due_at is not null")
                .query(String.class).single();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo(sender, Answer.ANSWERS_SUMMARY).isEmpty());

        // the hour turns: the hub's mails to the sender and the held answer's hour are an hour older
        jdbc.sql("update outgoing_mail set created_at = created_at - interval '1 hour' where recipient = :sender")
                .param("sender", sender).update();
        jdbc.sql("update gathered_answer set due_at = due_at - interval '1 hour' where recipient = :sender")
                .param("sender", sender).update();

        MimeMessage summary = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo(sender, Answer.ANSWERS_SUMMARY), mails -> mails.size() == 1).get(0);
        assertThat(text(summary)).contains(reference, "„" + RobotAtItsBound.SUBJECT + " ");
        assertThat(jdbc.sql("select count(*) from gathered_answer where outgoing_mail_id is null")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSendersMailsWaitForEachOtherOnlyForTheDecisionTheAcknowledgementIsWrittenBefore() throws Exception {
        drawnIdsUsedUp();
        long idBefore = lastOutgoingId();
        try (Connection other = dataSource.getConnection()) {
            // another of the partner's mails being decided about: holds the partner's lock until it commits
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "loop-guard " + PARTNER);
                lock.executeQuery();
            }
            mail().from(PARTNER).subject("Raport financiar").text("Vă trimit raportul.")
                    .attach("raport.pdf", Files.pdf("raport"), "application/pdf").send();

            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'
                    """).query(Integer.class).single() == 1);
            long idWhileWaiting = lastOutgoingId();
            assertThat(idWhileWaiting).as("the acknowledgement was written before its turn came")
                    .isGreaterThan(idBefore);
            assertThat(mailsTo(PARTNER)).isEmpty();
            other.commit();

            awaitMailsTo(PARTNER, 1);
            assertThat(jdbc.sql("select id from outgoing_mail where recipient = :partner and purpose = 'intake-ack'")
                    .param("partner", PARTNER).query(Long.class).single())
                    .isGreaterThan(idBefore).isLessThanOrEqualTo(idWhileWaiting);
        }
    }

    private long lastOutgoingId() {
        return jdbc.sql("select last_value from outgoing_mail_id_seq").query(Long.class).single();
    }

    /** Gives out the outgoing ids drawn ahead, so that the next mail written draws from the sequence, which is seen. */
    private void drawnIdsUsedUp() {
        long drawn = lastOutgoingId();
        while (lastOutgoingId() == drawn) {
            outgoing.nextId();
        }
        for (int i = 1; i < OutgoingMailRepository.IDS_DRAWN_AT_ONCE; i++) {
            outgoing.nextId();
        }
    }

    /**
     * A naive vacation robot: answers each mail of the hub (threaded on it, unmarked) until the hub writes no more
     * for a few seconds. Returns how many answers it wrote.
     */
    private int answerEveryMailOfTheHubUntilItStops(String robot) throws MessagingException {
        Set<String> answered = new HashSet<>();
        int rounds = 0;
        while (rounds <= 3 * properties.robotAnswersPerHour()) {
            List<MimeMessage> fresh;
            try {
                fresh = await().atMost(Duration.ofSeconds(5)).until(() -> mailsTo(robot).stream()
                        .filter(mail -> !answered.contains(messageId(mail))).toList(), mails -> !mails.isEmpty());
            } catch (ConditionTimeoutException quiet) {
                return rounds;
            }
            for (MimeMessage mail : fresh) {
                answered.add(mail.getMessageID());
                mail().from(robot).subject("Re: " + mail.getSubject())
                        .header("In-Reply-To", mail.getMessageID())
                        .text("Sunt în concediu până la 15 septembrie.").send();
                rounds++;
            }
        }
        throw new AssertionError("the hub kept answering the robot: " + rounds + " rounds");
    }

    private List<MimeMessage> mailsNaming(String reference) {
        return mailsTo(PARTNER).stream()
                .filter(mail -> referencesIn(subject(mail) + "\n" + text(mail)).contains(reference)).toList();
    }

    private static List<String> referencesIn(String text) {
        List<String> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            references.add(matcher.group());
        }
        return references;
    }

    private static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
