package org.relais.bench;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Map;
import java.util.TreeMap;
import org.relais.minutes.MinutesFiles;
import org.relais.minutes.Sentences;
import org.relais.support.Spreadsheets;

/**
 * The mails of a backlog to hub@relais.test, from directory contacts: every {@code budgetEvery}-th from a seminar
 * organiser with the balanced Romanian forecast (.xlsx) attached, every {@code minutesEvery}-th (one after a budget)
 * from an organiser with Romanian minutes (.docx), the others a short note. Counts what it wrote per sender, for the
 * exactly-once checks.
 */
final class Backlog {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String[] ORGANISERS = {"arges@relais.test", "tulcea@relais.test", "neamt@relais.test",
            "cahul@relais.test"};
    private static final String[] OTHER_SENDERS = {"varna@relais.test", "pazardzhik@relais.test", "savoie@relais.test",
            "solidarite-laique@relais.test", "arad@relais.test", "sibiu@relais.test"};

    final Map<String, Integer> sentBy = new TreeMap<>();
    final Map<String, Integer> budgetsBy = new TreeMap<>();
    final Map<String, Integer> minutesBy = new TreeMap<>();
    private final int budgetEvery;
    private final int minutesEvery;
    private final byte[] forecast = Spreadsheets.romanianForecast();

    /** Budgets only. */
    Backlog(int budgetEvery) {
        this(budgetEvery, 0);
    }

    /** Budgets and minutes; {@code minutesEvery} 0 for none. */
    Backlog(int budgetEvery, int minutesEvery) {
        this.budgetEvery = budgetEvery;
        this.minutesEvery = minutesEvery;
    }

    /** The i-th mail of the backlog, counted as sent. */
    MimeMessage mail(Session session, int i) throws MessagingException {
        boolean budget = i % budgetEvery == 0;
        boolean minutes = minutesEvery > 0 && i % minutesEvery == 1;
        String from = budget || minutes ? ORGANISERS[(i / budgetEvery) % ORGANISERS.length]
                : OTHER_SENDERS[i % OTHER_SENDERS.length];
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BenchParts.HUB_ADDRESS));
        message.setSubject((budget ? "Buget seminar " : minutes ? "Proces-verbal seminar " : "Informare ") + i,
                "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bună ziua,\nvă trimit documentul " + i + ".\n", "UTF-8");
        MimeMultipart multipart = new MimeMultipart("mixed");
        multipart.addBodyPart(text);
        if (budget) {
            multipart.addBodyPart(attachment(forecast, "buget-" + i + ".xlsx", Spreadsheets.XLSX));
            budgetsBy.merge(from, 1, Integer::sum);
        }
        if (minutes) {
            multipart.addBodyPart(attachment(
                    MinutesFiles.docx("Proces-verbal al seminarului, documentul " + i, Sentences.ROMANIAN),
                    "proces-verbal-" + i + ".docx",
                    DOCX));
            minutesBy.merge(from, 1, Integer::sum);
        }
        message.setContent(multipart);
        message.saveChanges();
        sentBy.merge(from, 1, Integer::sum);
        return message;
    }

    int budgets() {
        return budgetsBy.values().stream().mapToInt(Integer::intValue).sum();
    }

    int minutes() {
        return minutesBy.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A file attached as a partner attaches one. */
    static MimeBodyPart attachment(byte[] content, String fileName, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }
}
