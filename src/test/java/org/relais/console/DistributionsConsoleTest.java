package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Distributions page over HTTP: a real distribution's progress and recipients in words of the page's language,
 * resend failed and send a newsletter now as a coordinator (recorded, with the CSRF token), an observer refused.
 */
class DistributionsConsoleTest extends DistributedMinutes {

    @LocalServerPort
    int port;

    @Test
    void aDistributionShowsItsProgressAndEachRecipientInWordsOfThePage() {
        long id = distributedMinutes("REL-2026-1101");
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");

        String list = observer.get("/distributions?lang=fr").body();
        assertThat(list).contains("Documents diffusés", "REL-2026-1101", "compte rendu de séminaire",
                "1. Séminaire de Argeș", "groupe de suivi", "réseaux de collectivités", "terminé",
                "data-progress=\"/api/distributions/progress\"", "/distributions.js");
        String page = observer.get("/distributions/" + id + "?lang=bg").body();
        assertThat(page).contains("протокол от семинар", "група за мониторинг", "мрежи на местните власти",
                "завършено", "изпратено", "румънски", BOUNCING, "250 ");
        for (String body : new String[] {list, page, observer.get("/distributions/" + id + "?lang=ro").body()}) {
            assertThat(body).doesNotContain("??", "follow-up-group", ">minutes<", ">done<", ">sent<");
        }
        assertThat(observer.get("/distributions/" + id + "?lang=ro").body()).contains("raport de seminar",
                "grupul de monitorizare", "trimis", "încheiat");

        String progress = observer.get("/api/distributions/" + id + "/progress").body();
        assertThat(progress).contains("\"id\":" + id, "\"state\":\"done\"", "\"total\":" + MINUTES_RECIPIENTS,
                "\"sent\":" + MINUTES_RECIPIENTS, "\"failed\":0", "\"address\":\"" + BOUNCING + "\"");
        assertThat(observer.get("/api/distributions/progress").body()).contains("\"id\":" + id,
                "\"sent\":" + MINUTES_RECIPIENTS);
        assertThat(observer.get("/distributions/999999").statusCode()).isEqualTo(404);
        assertThat(observer.get("/api/distributions/999999/progress").statusCode()).isEqualTo(404);
    }

    @Test
    void aBouncedMailIsSentAgainOnceWhenACoordinatorResendsTheFailedAndTheActionIsRecorded() throws Exception {
        long id = distributedMinutes("REL-2026-1102");
        bounceTheMailToTheBouncingNetwork();
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        await().atMost(Duration.ofSeconds(20)).until(() -> observer.get("/api/distributions/" + id + "/progress")
                .body().contains("\"failed\":1"));
        assertThat(observer.get("/distributions/" + id + "?lang=fr").body()).contains("revenu en erreur",
                "550 5.1.1").doesNotContain("resend-failed");

        assertThat(observer.post("/distributions/" + id + "/resend-failed", Map.of()).statusCode()).isEqualTo(403);
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/distributions/" + id).body()).contains("/distributions/" + id + "/resend-failed");
        assertThat(coordinator.postForm("/distributions/" + id + "/resend-failed", Map.of()).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(mailsTo(BOUNCING, "distribution")).hasSize(1);

        HttpResponse<String> resend = coordinator.post("/distributions/" + id + "/resend-failed", Map.of());

        assertThat(resend.statusCode()).isEqualTo(302);
        assertThat(resend.headers().firstValue("Location").orElseThrow()).endsWith("/distributions/" + id);
        var mails = awaitMailsTo(BOUNCING, "distribution", 2);
        assertThat(mails.get(1).getMessageID()).isEqualTo(mails.get(0).getMessageID());
        await().atMost(Duration.ofSeconds(10)).until(() -> ledgerState("REL-2026-1102", BOUNCING).equals("sent"));
        assertThat(coordinator.get("/distributions/" + id + "?lang=fr").body())
                .contains("courriels en échec renvoyés", "1 courriel(s)", "fait");
        assertThat(coordinator.post("/distributions/" + id + "/resend-failed", Map.of()).statusCode()).isEqualTo(302);
        settle();
        assertThat(mailsTo(BOUNCING, "distribution")).as("a delivered mail is never sent again").hasSize(2);
        for (String address : NETWORKS) {
            if (!address.equals(BOUNCING)) {
                assertThat(mailsTo(address, "distribution")).as(address).hasSize(1);
            }
        }
        assertThat(jdbc.sql("""
                        select actor || ' ' || outcome || ' ' || detail from console_action
                        where action = 'distribution.resend-failed' and target = :target order by id
                        """).param("target", "distribution-" + id).query(String.class).list())
                .containsExactly("coordinator done 1", "coordinator nothing 0");
    }

    @Test
    void aNewsletterIsPreviewedInEachLanguageAndSentNowByACoordinatorOnly() throws Exception {
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        String distributions = observer.get("/distributions?lang=ro").body();
        assertThat(distributions).contains("Buletine informative", "Buletin lunar pentru rețele, ONG-uri și parteneri",
                "ONG-uri", "/newsletters/monthly-networks?language=bg", "bulgară", "Niciun număr trimis deocamdată.")
                .doesNotContain("monthly-networks<", "ngos");
        assertThat(observer.get("/newsletters/monthly-networks?language=fr&lang=fr").body())
                .contains("Lettre d&#39;information du partenariat", "destinataire(s)").doesNotContain("send-now");
        assertThat(observer.get("/newsletters/monthly-networks?language=ro").body())
                .contains("Buletinul informativ al parteneriatului");
        assertThat(observer.get("/newsletters/monthly-networks?language=bg").body())
                .contains("Бюлетин на партньорството");
        assertThat(observer.get("/newsletters/monthly-networks?language=xx").statusCode()).isEqualTo(400);
        assertThat(observer.get("/newsletters/weekly-nothing").statusCode()).isEqualTo(404);
        assertThat(observer.post("/newsletters/monthly-networks/send", Map.of()).statusCode()).isEqualTo(403);
        assertThat(mailsTo("uncjr@relais.test")).isEmpty();

        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        HttpResponse<String> sent = coordinator.post("/newsletters/monthly-networks/send", Map.of());

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(awaitMailsTo("uncjr@relais.test", "newsletter", 1).get(0).getHeader("Content-Language", null))
                .isEqualTo("ro");
        awaitMailsTo("anmrb@relais.test", "newsletter", 1);
        int mails = jdbc.sql("select count(*) from newsletter_delivery where outgoing_mail_id is not null")
                .query(Integer.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> coordinator.get("/api/newsletters/issues").body()
                .contains("\"sent\":" + mails));
        assertThat(coordinator.get("/api/newsletters/issues").body()).contains("\"schedule\":\"monthly-networks\"",
                "\"requestedBy\":\"console\"", "\"actor\":\"coordinator\"");
        assertThat(coordinator.get("/distributions?lang=fr").body()).contains("Derniers numéros",
                "depuis la console, par coordinator", "lettre d&#39;information envoyée", mails + " courriel(s)");
        assertThat(jdbc.sql("""
                        select actor || ' ' || outcome || ' ' || detail from console_action
                        where action = 'newsletter.send'
                        """).query(String.class).list()).containsExactly("coordinator done " + mails);
    }
}
