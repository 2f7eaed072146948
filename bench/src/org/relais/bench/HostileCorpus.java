package org.relais.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.relais.support.Files;
import org.relais.support.HostileFiles;
import org.relais.support.RawMail;
import org.relais.support.RawSmtp;
import org.relais.support.Spreadsheets;
import org.relais.support.TestMail;

/**
 * The hostile mails of issue 8, made in code: spreadsheets that attack the reader, broken MIME, header injection,
 * markup in names, unknown senders, and apart from them a very large attachment. Each says which ends are clean for it: the states its row
 * may end in and, for an attachment, the refusals that name it rightly.
 */
final class HostileCorpus {

    static final String XSS = "<script>alert('relais-xss')</script>";
    /** An address an injected header would copy the answer to: nothing may ever arrive there. */
    static final String INJECTED_ADDRESS = "victim@evil.test";
    /** What an external entity to /etc/passwd would bring into an answer. */
    static final String PASSWD_LINE = "root:x:0:0";

    private static final String XLSX = Spreadsheets.XLSX;
    private static final Set<String> UNDERSTOOD = Set.of("processed");
    private static final Set<String> UNDERSTOOD_OR_MALFORMED = Set.of("processed", "malformed");

    /** One mail of the corpus. {@code rejections}: refusals that name the attachment rightly (empty: none due). */
    record HostileCase(String name, String sender, String messageId, Set<String> states, Set<String> rejections,
                       Delivery delivery) {

        boolean fromStranger() {
            return !sender.endsWith("@relais.test");
        }
    }

    interface Delivery {
        void send(BenchParts parts);
    }

    private HostileCorpus() {
    }

    static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        spreadsheets(cases);
        malformedMime(cases);
        headerInjection(cases);
        markupAndStrangers(cases);
        return cases;
    }

    private static void spreadsheets(List<HostileCase> cases) {
        byte[] forecast = Spreadsheets.romanianForecast();
        attached(cases, "zip bomb (2 GB sheet XML)", "arges@relais.test", "buget.xlsx",
                HostileFiles.xlsxBomb(forecast, 2L * 1024 * 1024 * 1024), XLSX, Set.of("corrupt", "too_large"));
        attached(cases, "billion laughs", "arges@relais.test", "buget.xlsx",
                HostileFiles.billionLaughs(forecast), XLSX, Set.of("corrupt"));
        attached(cases, "XXE to /etc/passwd", "arges@relais.test", "buget.xlsx",
                HostileFiles.externalEntity(forecast, URI.create("file:///etc/passwd")), XLSX, Set.of("corrupt"));
        attached(cases, "password-protected workbook", "tulcea@relais.test", "buget.xlsx",
                Files.passwordProtected(forecast), XLSX, Set.of("encrypted"));
        attached(cases, "macro workbook (.xlsm)", "tulcea@relais.test", "Buget.xlsm",
                Files.withMacros(forecast), "application/vnd.ms-excel.sheet.macroEnabled.12", Set.of("macro"));
        attached(cases, "truncated zip", "tulcea@relais.test", "buget.xlsx",
                Arrays.copyOf(forecast, forecast.length / 2), XLSX, Set.of("corrupt"));
        attached(cases, "PDF named .xlsx", "neamt@relais.test", "buget.xlsx",
                Files.pdf("not a workbook"), XLSX, Set.of("mismatch"));
    }

    /** A mail with a PDF of {@code megabytes} from a partner: refused as too large, without a stall. */
    static HostileCase large(int megabytes) {
        String id = messageId("large");
        return new HostileCase(megabytes + " MB attachment", "cahul@relais.test", id, UNDERSTOOD, Set.of("too_large"),
                parts -> new TestMail(parts.smtpPort).from("cahul@relais.test").subject("Raport foto").messageId(id)
                        .attach("fotografii.pdf", largePdf(parts.work, megabytes), "application/pdf").send());
    }

    /** A PDF of {@code megabytes}, written to a file a megabyte at a time: this JVM never holds it whole. */
    private static Path largePdf(Path folder, int megabytes) {
        Path file = folder.resolve("fotografii.pdf");
        byte[] filler = new byte[1024 * 1024];
        Arrays.fill(filler, (byte) 'x');
        try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            out.write("%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < megabytes; i++) {
                out.write(filler);
            }
            out.write("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void malformedMime(List<HostileCase> cases) {
        raw(cases, "missing closing boundary", "varna@relais.test", UNDERSTOOD_OR_MALFORMED, id ->
                RawMail.headers("varna@relais.test", "Протокол", id)
                        .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                        .textPart("b1", "text/plain; charset=UTF-8", "Здравейте, протоколът е приложен.")
                        .base64Part("b1", Files.pdf("протокол"), "Content-Type: application/pdf",
                                "Content-Disposition: attachment; filename=\"protokol.pdf\"").bytes());
        raw(cases, "boundary never declared", "varna@relais.test", UNDERSTOOD_OR_MALFORMED, id ->
                RawMail.headers("varna@relais.test", "Бюджет", id)
                        .line("Content-Type: multipart/mixed").line("")
                        .textPart("b1", "text/plain; charset=UTF-8", "Здравейте.")
                        .end("b1").bytes());
        raw(cases, "unknown charsets", "pazardzhik@relais.test", UNDERSTOOD_OR_MALFORMED, id ->
                RawMail.headers("pazardzhik@relais.test", "=?x-klingon?B?" + b64("Бюджет") + "?=", id)
                        .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                        .textPart("b1", "text/plain; charset=\"x-klingon\"", "Здравейте, бюджетът е приложен.")
                        .base64Part("b1", Files.pdf("otchet"), "Content-Type: application/pdf; charset=utf-13",
                                "Content-Disposition: attachment; filename=\"=?x-klingon?Q?otchet=FF.pdf?=\"")
                        .end("b1").bytes());
        raw(cases, "8-bit garbage headers", "pazardzhik@relais.test", UNDERSTOOD_OR_MALFORMED, id ->
                RawMail.headers("\u00ff\u00fe\u0080\u009b <pazardzhik@relais.test>", "\u00c3\u0028\u00a0\u00a1 \u00ff", id)
                        .line("X-Garbage: \u0080\u0081\u0082\u00fe\u00ff").line("Content-Type: text/plain")
                        .line("").line("\u00c0\u00c1 \u00f5\u00ff").bytes(StandardCharsets.ISO_8859_1));
        raw(cases, "10,000 parts", "cahul@relais.test", Set.of("malformed"), id -> {
            RawMail mail = RawMail.headers("cahul@relais.test", "Documente", id)
                    .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("");
            for (int i = 0; i < 10_000; i++) {
                mail.textPart("b1", "text/plain; charset=UTF-8", "parte " + i);
            }
            return mail.end("b1").bytes();
        });
        raw(cases, "multiparts nested 1,000 deep", "cahul@relais.test", UNDERSTOOD_OR_MALFORMED, id -> {
            RawMail mail = RawMail.headers("cahul@relais.test", "Documente", id)
                    .line("Content-Type: multipart/mixed; boundary=\"n0\"").line("");
            int depth = 1_000;
            for (int i = 1; i < depth; i++) {
                mail.line("--n" + (i - 1)).line("Content-Type: multipart/mixed; boundary=\"n" + i + "\"").line("");
            }
            mail.textPart("n" + (depth - 1), "text/plain; charset=UTF-8", "Bună ziua.");
            for (int i = depth - 1; i >= 0; i--) {
                mail.end("n" + i);
            }
            return mail.bytes();
        });
    }

    private static void headerInjection(List<HostileCase> cases) {
        String injection = "\r\nBcc: " + INJECTED_ADDRESS + "\r\nX-Injected: yes\r\n";
        raw(cases, "CR/LF in the subject (encoded word)", "savoie@relais.test", UNDERSTOOD, id ->
                RawMail.headers("savoie@relais.test", RawMail.encodedWord("Budget" + injection + "suite"), id)
                        .line("Content-Type: text/plain; charset=UTF-8").line("").line("Bonjour.").bytes());
        raw(cases, "CR/LF in a file name (encoded word)", "savoie@relais.test", UNDERSTOOD, id ->
                RawMail.headers("savoie@relais.test", "Compte rendu", id)
                        .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                        .textPart("b1", "text/plain; charset=UTF-8", "Bonjour, le compte rendu est joint.")
                        .base64Part("b1", Files.pdf("compte rendu"), "Content-Type: application/pdf",
                                "Content-Disposition: attachment; filename=\""
                                        + RawMail.encodedWord("compte-rendu" + injection + ".pdf") + "\"")
                        .end("b1").bytes());
        raw(cases, "CR/LF in a budget's file name (RFC 2231)", "solidarite-laique@relais.test", UNDERSTOOD, id ->
                RawMail.headers("solidarite-laique@relais.test", "Budget prévisionnel", id)
                        .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                        .textPart("b1", "text/plain; charset=UTF-8", "Bonjour, le budget est joint.")
                        .base64Part("b1", Spreadsheets.romanianForecast(), "Content-Type: " + XLSX,
                                "Content-Disposition: attachment;",
                                " filename*=UTF-8''budget%0D%0ABcc%3A%20victim%40evil.test%0D%0AX-Injected%3A%20yes%0D%0A.xlsx")
                        .end("b1").bytes());
    }

    private static void markupAndStrangers(List<HostileCase> cases) {
        raw(cases, "script in name, subject, file name", "sibiu@relais.test", UNDERSTOOD, id ->
                RawMail.headers(RawMail.encodedWord(XSS) + " <sibiu@relais.test>", RawMail.encodedWord(
                        "<img src=x onerror=alert('relais-xss')> Buget " + XSS), id)
                        .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                        .textPart("b1", "text/html; charset=UTF-8", "<p>Bună ziua</p>" + XSS)
                        .base64Part("b1", Spreadsheets.romanianForecast(), "Content-Type: " + XLSX,
                                "Content-Disposition: attachment; filename=\"" + RawMail.encodedWord(XSS + "buget.xlsx")
                                        + "\"")
                        .end("b1").bytes());
        raw(cases, "script from an unknown sender", "intrus@elsewhere.test", Set.of("quarantined"), id ->
                RawMail.headers(RawMail.encodedWord(XSS) + " <intrus@elsewhere.test>",
                        RawMail.encodedWord("Facture " + XSS), id)
                        .line("Content-Type: text/html; charset=UTF-8").line("").line("<p>Payez</p>" + XSS).bytes());
        raw(cases, "unknown sender", "stranger@elsewhere.test", Set.of("quarantined"), id ->
                RawMail.headers("stranger@elsewhere.test", "Offre de partenariat", id)
                        .line("Content-Type: text/plain; charset=UTF-8").line("").line("Bonjour.").bytes());
    }

    private static void attached(List<HostileCase> cases, String name, String sender, String fileName, byte[] file,
                                 String contentType, Set<String> rejections) {
        String id = messageId(fileName);
        cases.add(new HostileCase(name, sender, id, UNDERSTOOD, rejections,
                parts -> RawSmtp.send(parts.smtpPort, sender, BenchParts.HUB_ADDRESS,
                        RawMail.headers(sender, "Buget seminar", id)
                                .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                                .textPart("b1", "text/plain; charset=UTF-8", "Bună ziua, bugetul este atașat.")
                                .base64Part("b1", file, "Content-Type: " + contentType,
                                        "Content-Disposition: attachment; filename=\"" + fileName + "\"")
                                .end("b1").bytes())));
    }

    private static void raw(List<HostileCase> cases, String name, String sender, Set<String> states,
                            Function<String, byte[]> mail) {
        String id = messageId("raw");
        cases.add(new HostileCase(name, sender, id, states, Set.of(),
                parts -> RawSmtp.send(parts.smtpPort, sender, BenchParts.HUB_ADDRESS, mail.apply(id))));
    }

    private static String messageId(String hint) {
        return "<hostile." + hint.replaceAll("[^a-z]", "") + "." + UUID.randomUUID() + "@bench.test>";
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
