package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A budget review a member objected to waits for the coordinators: they approve or reject it, with a comment, from
 * the console or by replying to the mail that told them of the objection; the organiser, the coordinators and the
 * funders are told. A reply that is not bound to that mail decides nothing.
 */
class BudgetDecisionTest extends ObjectedForecasts {

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorRejectsAnObjectedBudgetFromTheConsoleWithACommentAndTheOrganiserIsTold() throws Exception {
        String reference = objectedForecast();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        long budgetId = jdbc.sql("select budget_id from budget_review").query(Long.class).single();
        assertThat(coordinator.get("/documents/" + reference + "?lang=fr").body())
                .contains("Décisions attendues", "Revue du budget du séminaire n° 1 (Argeș)", "Rejeter",
                        "/documents/" + reference + "/decisions/budget/" + budgetId);

        var answer = coordinator.post("/documents/" + reference + "/decisions/budget/" + budgetId,
                Map.of("approve", "false", "comment", "Le traiteur doit être remis en concurrence."));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select state || ' ' || decided_by || ' ' || decision_comment from budget_review")
                .query(String.class).single())
                .isEqualTo("rejected coordinator Le traiteur doit être remis en concurrence.");
        MimeMessage toOrganiser = awaitMailsTo("arges@relais.test", "budget-review-outcome", 1).get(0);
        assertThat(toOrganiser.getSubject()).contains("[" + reference + "]", "respins");
        assertThat((String) toOrganiser.getContent()).contains("Le traiteur doit être remis en concurrence.");
        awaitMailsTo("savoie@relais.test", "budget-review-outcome", 1);
        assertThat(jdbc.sql("select actor || ' ' || action || ' ' || outcome || ' ' || detail from console_action"
                        + " where target = :reference").param("reference", reference).query(String.class).list())
                .containsExactly("coordinator decision.budget done rejected: Le traiteur doit être remis en concurrence.");
        String page = coordinator.get("/documents/" + reference + "?lang=ro").body();
        assertThat(page).contains("Decizii luate", "evaluarea bugetului încheiată").doesNotContain("Decizii așteptate");

        // settled: the same button again changes nothing and says why
        coordinator.post("/documents/" + reference + "/decisions/budget/" + budgetId, Map.of("approve", "true"));
        assertThat(jdbc.sql("select state from budget_review").query(String.class).single()).isEqualTo("rejected");
        assertThat(jdbc.sql("select outcome from console_action where target = :reference order by id")
                .param("reference", reference).query(String.class).list()).containsExactly("done", "refused");
    }

    @Test
    void anObserverSeesTheObjectionButCannotDecide() throws Exception {
        String reference = objectedForecast();
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        long budgetId = jdbc.sql("select budget_id from budget_review").query(Long.class).single();

        assertThat(observer.get("/documents/" + reference + "?lang=bg").body())
                .contains("Очаквани решения", "Преглед на бюджета на семинар").doesNotContain("Отхвърли");
        assertThat(observer.post("/documents/" + reference + "/decisions/budget/" + budgetId,
                Map.of("approve", "true")).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select state from budget_review").query(String.class).single()).isEqualTo("objected");
    }

    @Test
    void aCoordinatorsReplyToTheObjectionApprovesTheBudgetAndAReplyWithoutADecisionIsAskedAgain() throws Exception {
        String reference = objectedForecast();
        MimeMessage objection = awaitMailsTo(COORDINATOR, "budget-review-objection", 1).get(0);

        mail().from(COORDINATOR).answering(objection).text("Je regarde cela avec le partenaire.").send();
        MimeMessage unclear = awaitMailsTo(COORDINATOR, "decision-answer", 1).get(0);
        assertThat(unclear.getSubject()).contains("réponse non comprise");
        assertThat((String) unclear.getContent()).contains(
                "« approuvé » ou « rejeté », suivi de votre commentaire, pour régler la revue du budget du séminaire "
                        + "n° 1 (Argeș)");
        assertThat(jdbc.sql("select state from budget_review").query(String.class).single()).isEqualTo("objected");

        mail().from(COORDINATOR).answering(objection)
                .text("Approuvé : le devis du traiteur a été revu.\n\nLe 12 octobre, Relais a écrit :\n> rejeté").send();

        MimeMessage noted = awaitMailsTo(COORDINATOR, "decision-answer", 2).get(1);
        assertThat(noted.getSubject()).contains("décision enregistrée");
        assertThat((String) noted.getContent()).contains(
                "le budget prévisionnel du séminaire n° 1 (Argeș) est approuvé");
        assertThat(jdbc.sql("select state || ' ' || decided_by || ' ' || decision_comment from budget_review")
                .query(String.class).single())
                .isEqualTo("approved " + COORDINATOR + " Approuvé : le devis du traiteur a été revu.");
        assertThat(awaitMailsTo("arges@relais.test", "budget-review-outcome", 1).get(0).getSubject())
                .contains("aprobat");
        assertThat(jdbc.sql("select count(*) from awaited_reply where reference = :reference and flow = 'decision'")
                .param("reference", reference).query(Integer.class).single()).isZero();
    }

    @Test
    void aForgedApprovalOrAReferenceInASubjectDecidesNothing() throws Exception {
        String reference = objectedForecast();
        MimeMessage objection = awaitMailsTo(COORDINATOR, "budget-review-objection", 1).get(0);

        // the organiser writes as the coordinator with the reference, and replies to the objection forwarded to it
        mail().from(COORDINATOR).subject("Re: [" + reference + "] Objection").text("Approuvé.").send();
        mail().from("arges@relais.test").answering(objection).text("Approuvé.").send();

        MimeMessage question = awaitMailsTo(COORDINATOR, "claim-confirmation", 1).get(0);
        assertThat(question.getSubject()).contains("[" + reference + "]");
        settle();
        assertThat(jdbc.sql("select state from budget_review").query(String.class).single()).isEqualTo("objected");
        assertThat(mailsTo("arges@relais.test", "budget-review-outcome")).isEmpty();
        assertThat(mailsTo(COORDINATOR, "decision-answer")).isEmpty();
        assertThat(jdbc.sql("select claimed_sender || ' ' || state from unconfirmed_claim").query(String.class).list())
                .containsExactly(COORDINATOR + " pending");
    }
}
