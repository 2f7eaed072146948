package org.relais.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.camel.CamelContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.budget.Figures;
import org.relais.directory.DirectoryRepository;
import org.relais.distribution.SignedLinks;
import org.relais.intake.DocumentMessage;
import org.relais.intake.MailParts;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.ReplyLimiter;
import org.relais.minutes.FlowMails;
import org.relais.minutes.MinutesFiles;
import org.relais.minutes.Sentences;
import org.relais.support.ConsoleClient;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.relais.support.TestClock;
import org.relais.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The funders' dossier of a seminar, built from what every flow recorded: asked by mail by a coordinator (a ZIP
 * with the PDF summary and the originals, or a signed link when too large), downloaded from the console; the PDF
 * is read back and its figures checked.
 */
class DossierTest extends HubTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String[][] FORECAST = rows("Buget previzional — Seminarul de la Neamț — sume în RON",
            new String[] {"1200", "0", "1200", "0"}, new String[] {"2500", "0", "2500", "0"},
            new String[] {"1800", "0", "1800", "0"}, new String[] {"600", "400", "600", "400"},
            new String[] {"300", "0", "300", "0"}, new String[] {"500", "0", "500", "0"},
            new String[] {"0", "1500", "0", "1500"}, new String[] {"6900", "1900", "6900", "1900"});
    private static final String[][] REPORT = rows("Raport financiar — Seminarul de la Neamț — sume în RON",
            new String[] {"1200", "0", "1200", "0"}, new String[] {"3200", "0", "3200", "0"},
            new String[] {"1850", "0", "1850", "0"}, new String[] {"600", "400", "600", "400"},
            new String[] {"300", "0", "300", "0"}, new String[] {"500", "0", "500", "0"},
            new String[] {"0", "1500", "0", "1500"}, new String[] {"7650", "1900", "7650", "1900"});
    private static final String[][] ATTENDANCE = {
            {"Listă de prezență — Piatra Neamț, 23 octombrie 2009"},
            {},
            {"Nume", "Prenume", "Instituția", "Țara", "Categorie"},
            {"Popescu", "Ion", "Consiliul Județean Neamț", "România", "Ales"},
            {"Ionescu", "Maria", "DGASPC Neamț", "România", "Tehnician"},
            {"Dubois", "Claire", "Conseil général de la Marne", "Franța", "tehnician"},
            {"Petrov", "Ivan", "Община Варна", "Bulgaria", "primar"},
            {"Rusu", "Ana", "Fundația Copiii", "Republica Moldova", "ONG"}};

    @Autowired
    CamelContext camel;

    @Autowired
    TestClock clock;

    @Autowired
    MailParts parts;

    @LocalServerPort
    int port;

    @AfterEach
    void theRealTimeAndTheRouteBack() throws Exception {
        clock.reset();
        camel.getRouteController().startRoute("dossier-answer-request");
    }

    @Test
    void aCoordinatorsMailForTheDossierOfNeamtIsAnsweredWithTheZipAndItsPdfHoldsTheSeminarsFigures() throws Exception {
        byte[] forecast = Spreadsheets.workbook("Buget", FORECAST);
        byte[] report = Spreadsheets.workbook("Raport", REPORT);
        byte[] attendance = Spreadsheets.workbook("Prezență", ATTENDANCE);
        String reference = approvedForecast(forecast);

        mail().from("neamt@relais.test").subject("Raport financiar seminar Neamț")
                .attach("raport_financiar.xlsx", report, Spreadsheets.XLSX)
                .attach("factura_hotel.pdf", Files.pdf("hotel"), "application/pdf")
                .attach("bilete_tren.pdf", Files.pdf("tren"), "application/pdf").send();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("neamt@relais.test", "budget-report").isEmpty());
        mail().from("neamt@relais.test").subject("Lista de prezență Neamț")
                .attach("prezenta_neamt.xlsx", attendance, Spreadsheets.XLSX).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("neamt@relais.test", "attendance-counts").isEmpty());
        mail().from("neamt@relais.test").subject("Proces-verbal seminar Neamț")
                .attach("Proces-verbal Neamț.docx", MinutesFiles.docx("Proces-verbal Neamț", Sentences.ROMANIAN), DOCX)
                .attach("Compte rendu Neamț.docx", MinutesFiles.docx("Compte rendu Neamț", Sentences.FRENCH), DOCX)
                .attach("Протокол Нямц.docx", MinutesFiles.docx("Протокол Нямц", Sentences.BULGARIAN), DOCX).send();
        await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
                "select count(*) from distribution where seminar_code = 'S3-NEAMT' and state = 'done'")
                .query(Integer.class).single() == 1);

        mail().from("coordination@relais.test").subject("Dossier du séminaire de Neamț")
                .text("Bonjour, pouvez-vous m'envoyer le dossier pour le MAEE ? Merci.").send();

        MimeMessage answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("coordination@relais.test", "dossier-answer"), l -> !l.isEmpty()).get(0);
        assertThat(answer.getSubject()).startsWith("Re: Dossier du séminaire de Neamț [REL-")
                .endsWith("— dossier des financeurs, séminaire n° 3 (Neamț)");
        assertThat(text(answer)).contains("Voici le dossier des financeurs du séminaire n° 3 (Neamț)",
                "Il est joint à ce message : « dossier-financeurs-séminaire-3-Neamț.zip »");
        Map<String, byte[]> zip = unzip(attachment(answer, "dossier-financeurs-séminaire-3-Neamț.zip"));
        assertThat(zip.keySet()).containsExactlyInAnyOrder("dossier-financeurs-séminaire-3-Neamț.pdf",
                "1-budget-prévisionnel/buget_neamt.xlsx", "1-compte-rendu-financier/raport_financiar.xlsx",
                "3-pièces-justificatives/factura_hotel.pdf", "3-pièces-justificatives/bilete_tren.pdf",
                "5-listes-de-présence/prezenta_neamt.xlsx", "6-comptes-rendus/Proces-verbal Neamț.docx",
                "6-comptes-rendus/Compte rendu Neamț.docx", "6-comptes-rendus/Протокол Нямц.docx");
        assertThat(zip.get("1-budget-prévisionnel/buget_neamt.xlsx")).isEqualTo(forecast);
        byte[] receiptMail = jdbc.sql("select raw from inbound_mail where subject = 'Raport financiar seminar Neamț'")
                .query(byte[].class).single();
        assertThat(zip.get("3-pièces-justificatives/factura_hotel.pdf")).as("the receipt exactly as received")
                .isEqualTo(TestMail.attachment(receiptMail, "factura_hotel.pdf"));

        String pdf = pdfText(zip.get("dossier-financeurs-séminaire-3-Neamț.pdf"));
        assertThat(pdf).contains("Dossier des financeurs — séminaire n° 3 (Neamț)",
                "Collectivité organisatrice : Consiliul Județean Neamț",
                "Tenu le 23 octobre 2009 (date lue sur la liste de présence)",
                "Budget prévisionnel : référence " + reference + ", version 1",
                "Montants en RON",
                // forecast against report, cash and in kind, and the variance
                "Frais d'hébergement " + amounts("2500", "0", "3200", "0", "700"),
                "Frais de restauration " + amounts("1800", "0", "1850", "0", "50"),
                "Temps de travail " + amounts("0", "1500", "0", "1500", "0"),
                "Total " + amounts("6900", "1900", "7650", "1900", "750"),
                // co-financing by source, with the share of each in the actual receipts
                amounts("6900", "7650") + " 80 %", amounts("1900", "1900") + " 20 %",
                "Total des recettes " + amounts("8800", "9550") + " 100 %",
                // receipts per line and what is missing
                "Frais d'hébergement : 1 pièce(s) — 3-pièces-justificatives/factura_hotel.pdf",
                "Frais de restauration (" + amount("1850") + ")", "Traduction (" + amount("600") + ")",
                // the follow-up group's decisions, with names
                "<suivi-fr@relais.test>", "approbation J'approuve.", "<suivi-ro@relais.test>", "approbation Aprob.",
                // attendance by category and country, and the report's two checks
                "5 participant(s) lu(s) sur 1 liste(s) de présence.", "élus 2", "techniciens 2", "ONG 1",
                "România 2", "Republica Moldova 1",
                "Les quatre nationalités (France, Roumanie, Bulgarie, Moldavie) sont présentes : oui",
                "sont présentes : oui",
                // minutes in each language, the distribution ledger, the originals
                "roumain original", "français original", "bulgare original",
                "Compte rendu de séminaire remis " + recipientsOfMinutes(),
                "6-comptes-rendus/Протокол Нямц.docx")
                .doesNotContain("Les quatre nationalités (France, Roumanie, Bulgarie, Moldavie) sont présentes : non")
                .doesNotContain("?");
        assertThat(pdf).doesNotContain("Frais d'hébergement (");
        assertThat(jdbc.sql("select requested_by || ' ' || language || ' ' || seminar_code from dossier")
                .query(String.class).single()).isEqualTo("coordination@relais.test fr S3-NEAMT");

        // the same dossier from the console's board, in Bulgarian
        HttpResponse<byte[]> download = ConsoleClient.loggedIn(port, "observer").getBytes(
                "/seminars/S3-NEAMT/dossier?lang=bg");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        Map<String, byte[]> bulgarian = unzip(download.body());
        String bulgarianPdf = pdfText(bulgarian.get("досие-финансиращи-семинар-3-Neamț.pdf"));
        assertThat(bulgarianPdf).contains("Досие за финансиращите — семинар № 3 (Neamț)", "Настаняване "
                + amounts("2500", "0", "3200", "0", "700", "bg"), "Четирите националности (Франция, Румъния, "
                + "България, Молдова) присъстват: да", "одобрение");
        assertThat(bulgarian).containsKey("6-протоколи/Протокол Нямц.docx");
    }

    @Test
    void aDossierTooLargeToAttachGoesAsASignedLinkOnceThatStopsWorkingWhenItExpires(
            @Autowired DossierAssembler assembler, @Autowired DossierArchive archives,
            @Autowired DossierRepository repository, @Autowired DirectoryRepository directory,
            @Autowired Messages messages, @Autowired FlowMails mails, @Autowired ReplyLimiter limiter,
            @Autowired OutgoingMailLedger ledger, @Autowired SignedLinks links) throws Exception {
        camel.getRouteController().stopRoute("dossier-answer-request");
        mail().from("savoie@relais.test").subject("Dosar Varna").text("Bonjour").send();
        DocumentMessage request = await().atMost(Duration.ofSeconds(30)).until(this::dossierRequest, r -> r != null);
        assertThat(request.seminar()).isEqualTo("S4-VARNA");
        DossierRequests smallAttachments = new DossierRequests(assembler, archives, repository,
                new DossierProperties(List.of("fr", "ro", "bg", "ru"), 1024, Duration.ofDays(30)), directory, parts,
                messages, mails, limiter, ledger, links, clock);

        smallAttachments.answer(request);
        camel.getRouteController().startRoute("dossier-answer-request");

        MimeMessage answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("savoie@relais.test", "dossier-answer"), l -> !l.isEmpty()).get(0);
        String text = text(answer);
        assertThat(text).contains("Il est trop lourd pour être joint");
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:8080(/list/dossiers/\\S+)").matcher(text);
        assertThat(link.find()).isTrue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("savoie@relais.test", "dossier-answer").size() == 1);
        assertThat(jdbc.sql("select count(*) from dossier").query(Integer.class).single()).isEqualTo(1);

        HttpClient stranger = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + link.group(1));
        HttpResponse<byte[]> opened = stranger.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(pdfText(unzip(opened.body()).get("dossier-financeurs-séminaire-4-Varna.pdf")))
                .contains("Budget prévisionnel : aucun budget conforme au modèle n'a été reçu.",
                        "Aucune liste de présence n'a été reçue.");
        String forged = uri.toString().substring(0, uri.toString().length() - 3) + "AAA";
        assertThat(stranger.send(HttpRequest.newBuilder(URI.create(forged)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(404);

        clock.set(Instant.now().plus(Duration.ofDays(31)));
        assertThat(stranger.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void withoutASeminarTheCoordinatorIsAskedWhichOneAndAPartnersDossierWordIsNoRequest() throws Exception {
        mail().from("coordination@relais.test").subject("Dossier des financeurs").text("Bonjour").send();
        mail().from("arges@relais.test").subject("Dosarul participanților Neamț").text("Bună ziua").send();

        MimeMessage answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("coordination@relais.test", "dossier-answer"), l -> !l.isEmpty()).get(0);
        assertThat(answer.getSubject()).endsWith("— de quel séminaire ?");
        assertThat(text(answer)).contains("Argeș, Tulcea, Neamț, Varna, Pazardzhik, Cahul");
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("arges@relais.test", "intake-ack").isEmpty());
        assertThat(mailsTo("arges@relais.test", "dossier-answer")).isEmpty();
        assertThat(jdbc.sql("select count(*) from document where kind = 'dossier_request'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    /** The forecast mailed by Neamț and approved by two members of the follow-up group; its reference. */
    private String approvedForecast(byte[] forecast) {
        mail().from("neamt@relais.test").subject("Buget seminar Neamț")
                .attach("buget_neamt.xlsx", forecast, Spreadsheets.XLSX).send();
        for (String member : List.of("suivi-fr@relais.test", "suivi-ro@relais.test")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(member, "budget-review-request").isEmpty());
        }
        String reference = jdbc.sql("select reference from budget").query(String.class).single();
        mail().from("suivi-fr@relais.test").answering(mailsTo("suivi-fr@relais.test", "budget-review-request").get(0))
                .text("J'approuve.").send();
        mail().from("suivi-ro@relais.test").answering(mailsTo("suivi-ro@relais.test", "budget-review-request").get(0))
                .text("Aprob.").send();
        await().atMost(Duration.ofSeconds(30)).until(() -> "approved".equals(jdbc.sql(
                "select state from budget_review").query(String.class).single()));
        return reference;
    }

    private DocumentMessage dossierRequest() {
        return jdbc.sql("""
                        select id, reference, kind, flow, seminar_code, sender, language, file_name, mail_id, part_id
                        from document where kind = 'dossier_request'
                        """)
                .query((rs, row) -> new DocumentMessage(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("kind"), rs.getString("flow"), rs.getString("seminar_code"),
                        rs.getString("sender"), rs.getString("language"), rs.getString("file_name"),
                        rs.getLong("mail_id"), rs.getLong("part_id")))
                .optional().orElse(null);
    }

    private int recipientsOfMinutes() {
        return jdbc.sql("select count(*) from distribution_ledger where seminar_code = 'S3-NEAMT' and state = 'sent'")
                .query(Integer.class).single();
    }

    private static String amount(String value) {
        return Figures.amount(new BigDecimal(value), "fr");
    }

    private static String amounts(String... values) {
        return String.join(" ", Arrays.stream(values).map(DossierTest::amount).toList());
    }

    private static String amounts(String a, String b, String c, String d, String e, String language) {
        return String.join(" ", Stream.of(a, b, c, d, e).map(v -> Figures.amount(new BigDecimal(v), language))
                .toList());
    }

    private static String[][] rows(String title, String[]... lines) {
        String[] labels = {"Cheltuieli de transport ale participanților", "Cazare", "Masă", "Traducere", "Comunicare",
                "Închiriere săli", "Timp de lucru", "Total"};
        String[][] rows = new String[4 + lines.length][];
        rows[0] = new String[] {title};
        rows[1] = new String[] {};
        rows[2] = new String[] {"", "", "Cheltuieli", "", "Venituri", ""};
        rows[3] = new String[] {"", "", "Numerar", "În natură", "Numerar", "În natură"};
        for (int i = 0; i < lines.length; i++) {
            rows[4 + i] = new String[] {"", labels[i], lines[i][0], lines[i][1], lines[i][2], lines[i][3]};
        }
        return rows;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static byte[] attachment(Part part, String fileName) throws Exception {
        if (fileName.equals(part.getFileName())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            return bytes.toByteArray();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = attachment(multipart.getBodyPart(i), fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
