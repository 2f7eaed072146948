package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.relais.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/** The console as a coordinator uses it, in a real headless Chromium, against the whole hub. */
class ConsoleInChromiumTest extends HubTest {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JmsTemplate jms;

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

    @Test
    void aStrangerIsSentToTheLoginFormAndCannotReadTheApi() {
        open("/documents");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();

        open("/api/documents");
        assertThat(browser.getPageSource()).doesNotContain("reference");

        logIn("coordinator", "wrong password");
        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.className("error")).getText()).isEqualTo("Wrong user or password.");
    }

    @Test
    void aCoordinatorFindsAMailedDocumentAndItsWholeTrail() {
        mail().from("arges@relais.test").subject("Buget seminar Argeș")
                .attach("buget-arges.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        awaitMailsTo("arges@relais.test", 2);
        String reference = jdbc.sql("select reference from document").query(String.class).single();

        logIn("coordinator", "relais");
        browser.findElement(By.linkText("Documents")).click();
        browser.findElement(By.id("search")).sendKeys("buget-arges");
        browser.findElement(By.id("filter")).click();
        // the filtered page replaces the list, which may already show the reference
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("search=buget-arges"));
        browser.findElement(By.linkText(reference)).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference, "Buget seminar Argeș");
        List<String> steps = browser.findElements(By.cssSelector("#trail li strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).containsSubsequence("Mail received", "Mail understood and answered",
                "Attachment inspected", "Document handed to its flow", "Mail written", "Budget checked: accepted",
                "Review asked of the follow-up group");
        assertThat(steps).contains("Mail sent");
        assertThat(browser.findElement(By.id("original")).getAttribute("href")).endsWith(reference + "/original.eml");
        HeadlessChromium.screenshot(browser, "document-trail");

        mail().from("varna@relais.test").subject("Бюджет семинар Варна")
                .attach("бюджет-варна.xlsx", ConsoleSamples.unbalancedForecast(), Spreadsheets.XLSX).send();
        awaitMailsTo("varna@relais.test", 2);
        browser.findElement(By.linkText("Seminars")).click();
        assertThat(browser.findElement(By.cssSelector("tr[data-seminar='S4-VARNA'] td[data-column='forecast']"))
                .getText()).contains("invalid");
        WebElement forecast = browser.findElement(By.cssSelector("tr[data-seminar='S1-ARGES'] td[data-column='forecast']"));
        assertThat(forecast.getText()).contains("in review", reference);
        HeadlessChromium.screenshot(browser, "board");
    }

    @Test
    void aCoordinatorRetriesADeadLetterAndSeesItSucceed() {
        DeadLetterFixture deadLetters = new DeadLetterFixture(jdbc, jms);
        long mailId = deadLetters.reserveMailId();
        long failureId = deadLetters.deadTicket(mailId);
        byte[] raw = TestMail.bytes(mail().from("varna@relais.test").subject("Бюджет Варна")
                .attach("бюджет.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).build());
        deadLetters.storeMail(mailId, "varna@relais.test", "Бюджет Варна", raw);

        logIn("coordinator", "relais");
        browser.findElement(By.linkText("Queues")).click();
        WebElement deadLetter = browser.findElement(By.cssSelector("tr[data-key='failure-" + failureId + "']"));
        assertThat(deadLetter.getText()).contains("intake.mail", "No stored mail " + mailId);
        deadLetter.findElement(By.cssSelector("[data-action='retry-" + failureId + "']")).click();

        // the form posts and the page comes back after a redirect: the click may return before it is there
        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.className("notice")));
        assertThat(notice.getText()).isEqualTo("Sent back to its queue.");
        assertThat(browser.findElements(By.cssSelector("tr[data-key='failure-" + failureId + "'] input"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("table.resolved tr[data-key='failure-" + failureId + "']"))
                .getText()).contains("retried", "coordinator");
        awaitMailsTo("varna@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail where id = :id").param("id", mailId)
                .query(String.class).single();

        open("/documents/" + reference);
        List<String> steps = browser.findElements(By.cssSelector("#trail li strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).containsSubsequence("Failed after its retries", "Retried by a coordinator",
                "Mail understood and answered");
    }

    @Test
    void aSubjectWithAScriptIsShownAsTextAndNeverRuns() {
        String subject = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> Buget";
        mail().from("arges@relais.test").subject(subject)
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        awaitMailsTo("arges@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail").query(String.class).single();

        logIn("observer", "relais");
        open("/documents");
        WebElement cell = browser.findElement(By.cssSelector("tr[data-reference='" + reference + "'] td.subject"));
        assertThat(cell.getText()).isEqualTo(subject);
        assertThat(cell.findElements(By.tagName("script"))).isEmpty();
        assertThat(cell.findElements(By.tagName("img"))).isEmpty();
        open("/documents/" + reference);
        assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo(subject);
        assertThat(browser.getTitle()).isNotEqualTo("pwned").contains(reference);
        assertNoAlert();
    }

    @Test
    void routeFiguresRefreshWithoutReloadingThePage() {
        logIn("observer", "relais");
        open("/routes?lang=en");
        WebElement total = browser.findElement(By.cssSelector("tr[data-key='mail-send-answers'] td[data-field='exchangesTotal']"));
        long before = Long.parseLong(total.getText());
        assertThat(browser.findElements(By.cssSelector("form[action*='/suspend']"))).as("observers do not act").isEmpty();

        mail().from("varna@relais.test").subject("Здравейте").text("Здравейте, колеги.").send();
        awaitMailsTo("varna@relais.test", 1);

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Long.parseLong(
                driver.findElement(By.cssSelector("tr[data-key='mail-send-answers'] td[data-field='exchangesTotal']"))
                        .getText()) > before);
        assertThat(browser.findElement(By.cssSelector("[data-live-stamp]")).getText()).isNotBlank();
    }

    private void logIn(String user, String password) {
        HeadlessChromium.logIn(browser, port, user, password);
    }

    private void open(String path) {
        HeadlessChromium.open(browser, port, path);
    }

    private static void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script from the mail opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
