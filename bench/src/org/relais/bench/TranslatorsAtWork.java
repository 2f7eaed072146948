package org.relais.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.relais.minutes.MinutesFiles;
import org.relais.minutes.Sentences;

/**
 * The partnership's translators, answering every translation job the hub mails them with a translated document on
 * the job's thread, once per job mail (a job mail resent with the same Message-ID is not answered again; a second
 * job mail for the same work would be, and shows in the counts).
 */
final class TranslatorsAtWork implements AutoCloseable {

    private static final Map<String, String> TEXT_BY_TRANSLATOR = Map.of(
            "traduction-fr@relais.test", Sentences.FRENCH,
            "prevod-bg@relais.test", Sentences.BULGARIAN,
            "traducere-ro@relais.test", Sentences.ROMANIAN);

    private final GreenMail mail;
    private final Session smtp;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    TranslatorsAtWork(GreenMail mail, Session smtp) {
        this.mail = mail;
        this.smtp = smtp;
        thread = new Thread(this::work, "translators");
        thread.setDaemon(true);
        thread.start();
    }

    int answered() {
        return answered.size();
    }

    private void work() {
        while (running) {
            for (MimeMessage job : mail.getReceivedMessages()) {
                try {
                    answer(job);
                } catch (MessagingException | RuntimeException e) {
                    // GreenMail refusing for a moment: the next round tries again
                    answered.remove(messageId(job));
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void answer(MimeMessage job) throws MessagingException {
        String id = messageId(job);
        if (id == null || !id.startsWith("<translation-job.") || job.getRecipients(Message.RecipientType.TO) == null) {
            return;
        }
        String translator = ((InternetAddress) job.getRecipients(Message.RecipientType.TO)[0]).getAddress().toLowerCase();
        String text = TEXT_BY_TRANSLATOR.get(translator);
        if (text == null || !answered.add(id)) {
            return;
        }
        MimeMessage reply = new MimeMessage(smtp);
        reply.setFrom(new InternetAddress(translator));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(BenchParts.HUB_ADDRESS));
        reply.setSubject("Re: " + job.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", id);
        reply.setHeader("References", id);
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Bonjour, voici la traduction.\n", "UTF-8");
        MimeMultipart multipart = new MimeMultipart("mixed");
        multipart.addBodyPart(body);
        multipart.addBodyPart(Backlog.attachment(MinutesFiles.docx(text), "traduction.docx", Backlog.DOCX));
        reply.setContent(multipart);
        Transport.send(reply);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
