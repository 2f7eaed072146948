package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;

/** A forecast mailed in is validated and answered in the organiser's language, cell by cell. */
class ForecastAnswerTest extends HubTest {

    @Test
    void aBalancedForecastIsAcceptedWithTheFiguresAsRead() throws Exception {
        mail().from("arges@relais.test").subject("Buget seminar")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();

        List<MimeMessage> answers = awaitMailsTo("arges@relais.test", 2);
        MimeMessage verdict = answers.stream().filter(m -> subject(m).contains("— buget")).findFirst().orElseThrow();
        assertThat(subject(verdict)).as(text(verdict)).contains("buget acceptat");
        assertThat(text(verdict)).contains("corespunde modelului", "Cazare (Buget!B6)", "cheltuieli numerar: 2.500,00");
        assertThat(jdbc.sql("select verdict || ' ' || version from budget").query(String.class).single())
                .isEqualTo("accepted 1");
        assertThat(jdbc.sql("select amount from budget_amount where cell = 'Buget!C6'").query(Double.class).single())
                .isEqualTo(2500.0);
    }

    @Test
    void anUnbalancedForecastIsAnsweredWithTheCellsAndAnAnnotatedCopy() throws Exception {
        String[][] rows = {
                {"Budget prévisionnel — séminaire de Varna"},
                {"", "Dépenses", "", "Recettes", ""},
                {"", "Numéraire", "Valorisation", "Numéraire", "Valorisation"},
                {"Frais de déplacement des participants", "1000", "0", "1000", "0"},
                {"Frais d'hébergement", "2000", "0", "2000", "0"},
                {"Frais de restauration", "1500", "0", "1500", "0"},
                {"Traduction", "500", "0", "500", "0"},
                {"Communication", "200", "0", "200", "0"},
                {"Location de salles de réunion", "300", "0", "300", "0"},
                {"Temps de travail", "0", "800", "0", "800"},
                {"Total", "5500", "800", "5000", "800"}};
        mail().from("savoie@relais.test").subject("Budget Varna EUR")
                .attach("budget.xlsx", Spreadsheets.workbook("Budget", rows), Spreadsheets.XLSX).send();

        List<MimeMessage> answers = awaitMailsTo("savoie@relais.test", 2);
        MimeMessage verdict = answers.stream().filter(m -> subject(m).contains("budget à corriger")).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict among " + answers.stream().map(ForecastAnswerTest::subject).toList()));
        String body = text(verdict);
        assertThat(body).contains("doit être corrigé", "Budget!");
        byte[] copy = attachment(verdict);
        try (XSSFWorkbook annotated = new XSSFWorkbook(new ByteArrayInputStream(copy))) {
            List<String> commented = jdbc.sql("select cell from budget_issue where severity = 'ERROR'")
                    .query(String.class).list();
            assertThat(commented).isNotEmpty();
            for (String cell : commented) {
                CellAddress address = new CellAddress(cell.substring(cell.indexOf('!') + 1));
                Comment comment = annotated.getSheet("Budget").getCellComment(address);
                assertThat(comment).as("comment on %s", cell).isNotNull();
            }
        }
    }

    @Autowired
    BudgetSheetReader reader;

    @Test
    void theModelAskedForByMailComesInTheSendersLanguageAndValidatesOnceFilledIn() throws Exception {
        mail().from("savoie@relais.test").subject("Modèle de budget, s'il vous plaît").text("Bonjour").send();

        MimeMessage model = await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> mailsTo("savoie@relais.test", "budget-model"), list -> !list.isEmpty()).get(0);
        assertThat(subject(model)).contains("modèle de budget prévisionnel");
        byte[] template = attachment(model);

        mailServer.purgeEmailFromAllMailboxes();
        mail().from("savoie@relais.test").subject("Budget prévisionnel Varna")
                .attach("budget.xlsx", filledIn(template), Spreadsheets.XLSX).send();

        MimeMessage verdict = await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> mailsTo("savoie@relais.test", "budget-verdict"), list -> !list.isEmpty()).get(0);
        assertThat(subject(verdict)).as(text(verdict)).contains("budget accepté");
    }

    /** The model with a balanced amount typed in every cell of every expense line, as an organiser would. */
    private byte[] filledIn(byte[] template) throws Exception {
        BudgetSheet sheet = reader.read(template, "model.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (BudgetRow row : sheet.rows()) {
                if (row.line() == BudgetLine.TOTAL) {
                    continue;
                }
                for (Amount amount : row.amounts().values()) {
                    CellAddress address = new CellAddress(amount.cell().substring(amount.cell().indexOf('!') + 1));
                    var cells = workbook.getSheet(sheet.sheetName()).getRow(address.getRow());
                    var cell = cells.getCell(address.getColumn()) == null ? cells.createCell(address.getColumn())
                            : cells.getCell(address.getColumn());
                    cell.setCellValue(row.line() == BudgetLine.ACCOMMODATION ? 1500 : 300);
                }
            }
            workbook.setForceFormulaRecalculation(true);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment");
    }
}
