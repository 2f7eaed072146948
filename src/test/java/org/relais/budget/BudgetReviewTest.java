package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutgoingTicket;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;

/** The follow-up group reviews an accepted forecast by mail; the rule or a coordinator decides; people are told. */
class BudgetReviewTest extends HubTest {

    @Autowired
    BudgetReview review;

    private String sendAcceptedForecast() throws Exception {
        mail().from("arges@relais.test").subject("Buget seminar")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        for (String member : List.of("suivi-fr@relais.test", "suivi-ro@relais.test", "suivi-bg@relais.test",
                "suivi-md@relais.test")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(member, "budget-review-request").isEmpty());
        }
        return jdbc.sql("select reference from budget").query(String.class).single();
    }

    /** The member answers the review request with their mail client. */
    private void reply(String member, String text) {
        mail().from(member).answering(mailsTo(member, "budget-review-request").get(0)).text(text).send();
    }

    /** The members' answers recorded so far. */
    private int decisionsRecorded() {
        return jdbc.sql("select count(*) from review_decision").query(Integer.class).single();
    }

    @Test
    void eachMemberIsAskedInTheirLanguageWithTheFileAndTwoApprovalsApproveTheBudget() throws Exception {
        String reference = sendAcceptedForecast();
        MimeMessage toBulgarian = mailsTo("suivi-bg@relais.test", "budget-review-request").get(0);
        assertThat(toBulgarian.getSubject()).contains("[" + reference + "]", "Прогнозен бюджет");
        assertThat(((Multipart) toBulgarian.getContent()).getCount()).isGreaterThan(1);
        assertThat(mailsTo("suivi-fr@relais.test", "budget-review-request").get(0).getSubject()).contains("votre avis");

        reply("suivi-fr@relais.test", "J'approuve.\n\n> citation");
        reply("suivi-ro@relais.test", "Aprob. Bugetul este realist.");

        MimeMessage outcome = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("arges@relais.test", "budget-review-outcome"), l -> !l.isEmpty()).get(0);
        assertThat(outcome.getSubject()).contains("aprobat");
        for (String told : List.of("coordination@relais.test", "savoie@relais.test", "solidarite-laique@relais.test")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(told, "budget-review-outcome").isEmpty());
        }
        assertThat(jdbc.sql("select state || ' ' || decided_by from budget_review").query(String.class).single())
                .isEqualTo("approved rule");
        assertThat(jdbc.sql("select reviewer || '=' || decision || ':' || comment from review_decision")
                .query(String.class).list())
                .containsExactlyInAnyOrder("suivi-fr@relais.test=APPROVE:J'approuve.",
                        "suivi-ro@relais.test=APPROVE:Aprob. Bugetul este realist.");
        assertThat(mailsTo("suivi-ro@relais.test", "budget-review-ack")).hasSize(1);
    }

    @Test
    void anObjectionWaitsForTheCoordinatorsDecision() throws Exception {
        sendAcceptedForecast();

        reply("suivi-bg@relais.test", "Възражение: кетърингът е твърде скъп.");
        // the objection first: the intake consumers take mails side by side, and two approvals taken before it would
        // settle the review by the rule
        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsRecorded() == 1);
        reply("suivi-fr@relais.test", "D'accord.");
        reply("suivi-ro@relais.test", "Sunt de acord.");

        MimeMessage objection = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("coordination@relais.test", "budget-review-objection"), l -> !l.isEmpty()).get(0);
        assertThat((String) objection.getContent()).contains("кетърингът е твърде скъп",
                "Répondez à ce message par « approuvé » ou « rejeté », suivi de votre commentaire");
        await().atMost(Duration.ofSeconds(10)).until(() -> decisionsRecorded() == 3);
        assertThat(jdbc.sql("select state from budget_review").query(String.class).single()).isEqualTo("objected");
        assertThat(mailsTo("arges@relais.test", "budget-review-outcome")).isEmpty();
        // the coordinators settle it from the console or by replying: org.relais.decision.BudgetDecisionTest
    }

    @Test
    void membersWhoHaveNotAnsweredAreRemindedAfterTheDelay() throws Exception {
        sendAcceptedForecast();
        reply("suivi-fr@relais.test", "J'approuve");
        await().atMost(Duration.ofSeconds(20)).until(() -> decisionsRecorded() == 1);

        assertThat(review.remind(Instant.now())).isEmpty();
        List<OutgoingTicket> reminders = review.remind(Instant.now().plus(Duration.ofDays(4)));

        assertThat(reminders).hasSize(3);
        assertThat(jdbc.sql("select recipient from outgoing_mail where purpose = 'budget-review-reminder' order by recipient")
                .query(String.class).list())
                .containsExactly("suivi-bg@relais.test", "suivi-md@relais.test", "suivi-ro@relais.test");
        assertThat(review.remind(Instant.now().plus(Duration.ofDays(4)))).isEmpty();
    }
}
