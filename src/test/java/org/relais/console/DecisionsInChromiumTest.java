package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relais.decision.ObjectedForecasts;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A decision taken in the console as a coordinator takes it, in a real headless Chromium against the whole hub, in
 * French, Romanian and Bulgarian: a budget a member objected to is rejected with a comment from its document's page;
 * an observer sees the objection and no button.
 */
class DecisionsInChromiumTest extends ObjectedForecasts {

    /** What a coordinator reads in each language. */
    record Words(String awaited, String review, String reject, String done, String taken, String settled,
                 String rejected) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "fr", new Words("Décisions attendues", "Revue du budget du séminaire n° 1 (Argeș)", "Rejeter",
                    "Décision enregistrée.", "Décisions prises", "revue du budget réglée", "respins"),
            "ro", new Words("Decizii așteptate", "Evaluarea bugetului seminarului n° 1 (Argeș)", "Respinge",
                    "Decizie înregistrată.", "Decizii luate", "evaluarea bugetului încheiată", "respins"),
            "bg", new Words("Очаквани решения", "Преглед на бюджета на семинар n° 1 (Argeș)", "Отхвърли",
                    "Решението е записано.", "Взети решения", "прегледът на бюджета е приключен", "respins"));

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void freshBrowserSession() {
        if (browser == null) {
            browser = HeadlessChromium.start();
        }
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ro", "bg"})
    void aCoordinatorRejectsAnObjectedBudgetWithACommentFromItsPage(String language) throws Exception {
        Words words = WORDS.get(language);
        String reference = objectedForecast();
        logIn("observer");
        open("/documents/" + reference + "?lang=" + language);
        assertThat(browser.findElement(By.id("decisions")).getText()).contains(words.awaited(), words.review());
        assertThat(browser.findElements(By.cssSelector("#decisions button"))).isEmpty();

        browser.manage().deleteAllCookies();
        logIn("coordinator");
        open("/documents/" + reference + "?lang=" + language);
        WebElement decision = browser.findElement(By.cssSelector("#decisions .decision[data-decision^='budget-']"));
        assertThat(decision.getText()).contains(words.review());
        decision.findElement(By.name("comment")).sendKeys("Le traiteur doit être remis en concurrence.");
        if (language.equals("fr")) {
            HeadlessChromium.screenshot(browser.findElement(By.id("decisions")), "decisions");
        }
        WebElement reject = decision.findElement(By.cssSelector("button.reject"));
        assertThat(reject.getText()).isEqualTo(words.reject());
        reject.click();

        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("decision-done")));
        assertThat(done.getText()).isEqualTo(words.done());
        assertThat(browser.findElement(By.id("decisions")).getText()).contains(words.taken(), words.settled(),
                "coordinator", "Le traiteur doit être remis en concurrence.").doesNotContain(words.awaited());
        assertThat(jdbc.sql("select state || ' ' || decided_by from budget_review").query(String.class).single())
                .isEqualTo("rejected coordinator");
        assertThat(awaitMailsTo("arges@relais.test", "budget-review-outcome", 1).get(0).getSubject())
                .contains(words.rejected());
    }

    private void logIn(String user) {
        HeadlessChromium.logIn(browser, port, user, "relais");
    }

    private void open(String path) {
        HeadlessChromium.open(browser, port, path);
    }
}
