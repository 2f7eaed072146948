package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Distributions page as coordinators use it, in a real headless Chromium against the whole hub, in French,
 * Romanian and Bulgarian: a real distribution's progress refreshing by itself, resend failed, a newsletter previewed
 * and sent now.
 */
class DistributionsInChromiumTest extends DistributedMinutes {

    /** What a coordinator reads in each language. */
    record Words(String title, String minutes, String done, String bounced, String resent, String language,
                 String newsletterSubject, String issueSent) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "fr", new Words("Diffusions", "compte rendu de séminaire", "terminé", "revenu en erreur",
                    "1 courriel(s) en échec renvoyé(s).", "français", "Lettre d'information du partenariat",
                    "Numéro envoyé"),
            "ro", new Words("Difuzări", "raport de seminar", "încheiat", "returnat cu eroare",
                    "1 mesaj(e) eșuat(e) retrimis(e).", "română", "Buletinul informativ al parteneriatului",
                    "Număr trimis"),
            "bg", new Words("Разпространение", "протокол от семинар", "завършено", "върнато с грешка",
                    "Изпратени отново неуспешни писма: 1.", "български", "Бюлетин на партньорството",
                    "Броят е изпратен"));

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
    void aCoordinatorWatchesADistributionResendsWhatBouncedAndSendsANewsletter(String language) throws Exception {
        Words words = WORDS.get(language);
        String reference = "REL-2026-120" + List.of("fr", "ro", "bg").indexOf(language);
        long id = distributedMinutes(reference);
        logIn("coordinator");

        open("/distributions?lang=" + language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(words.title());
        WebElement row = browser.findElement(By.cssSelector("table.distributions tr[data-key='" + id + "']"));
        assertThat(row.getText()).contains(reference, words.minutes(), words.done(), "11")
                .doesNotContain("minutes", "follow-up-group", "done");
        row.findElement(By.linkText(reference)).click();

        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true");
        assertThat(browser.findElement(By.id("resend-failed")).isDisplayed()).isFalse();
        bounceTheMailToTheBouncingNetwork();
        // the figures refresh by themselves, and the button appears with the failure
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "1".equals(figure("failed"))
                && driver.findElement(By.id("resend-failed")).isDisplayed());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage")).isEqualTo(true);
        assertThat(recipientState(BOUNCING)).isEqualTo(words.bounced());
        if (language.equals("fr")) {
            HeadlessChromium.screenshot(browser, "distribution-progress");
        }

        browser.findElement(By.cssSelector("#resend-failed button")).click();

        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(notice.getText()).isEqualTo(words.resent());
        assertThat(awaitMailsTo(BOUNCING, "distribution", 2)).hasSize(2);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "0".equals(figure("failed"))
                && Integer.toString(MINUTES_RECIPIENTS).equals(figure("sent")));
        assertThat(browser.findElement(By.cssSelector("table.actions")).getText()).contains("coordinator");

        open("/distributions");
        WebElement preview = browser.findElement(By.cssSelector(
                "tr[data-schedule='monthly-networks'] a[data-language='" + language + "']"));
        assertThat(preview.getText()).isEqualTo(words.language());
        preview.click();
        assertThat(browser.findElement(By.id("preview-subject")).getText()).startsWith(words.newsletterSubject());
        browser.findElement(By.cssSelector("#send-now button")).click();

        notice = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(notice.getText()).startsWith(words.issueSent());
        assertThat(awaitMailsTo("uncjr@relais.test", "newsletter", 1)).hasSize(1);
        WebElement issue = browser.findElement(By.cssSelector("table.issues tbody tr"));
        assertThat(issue.getText()).contains("coordinator");
        if (language.equals("fr")) {
            HeadlessChromium.screenshot(browser, "distributions");
        }
    }

    @Test
    void anObserverSeesTheProgressButNoButtonToAct() {
        long id = distributedMinutes("REL-2026-1301");
        logIn("observer");

        open("/distributions/" + id + "?lang=ro");
        assertThat(figure("sent")).isEqualTo(Integer.toString(MINUTES_RECIPIENTS));
        assertThat(browser.findElements(By.id("resend-failed"))).isEmpty();
        assertThat(browser.findElements(By.tagName("button"))).extracting(WebElement::getText)
                .as("only the log-out button").hasSize(1);
        open("/newsletters/monthly-networks?language=bg");
        assertThat(browser.findElement(By.id("preview-subject")).getText()).startsWith("Бюлетин на партньорството");
        assertThat(browser.findElements(By.id("send-now"))).isEmpty();
    }

    private String figure(String name) {
        return browser.findElement(By.cssSelector("#figures strong[data-figure='" + name + "']")).getText();
    }

    private String recipientState(String address) {
        return browser.findElement(By.cssSelector("tr[data-key='" + address + "'] [data-figure='state']")).getText();
    }

    private void logIn(String user) {
        HeadlessChromium.logIn(browser, port, user, "relais");
    }

    private void open(String path) {
        HeadlessChromium.open(browser, port, path);
    }
}
