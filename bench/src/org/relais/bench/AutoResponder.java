package org.relais.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A vacation robot at one address, answering every mail the hub sends it, to see whether the hub's own answers keep
 * a loop going. A polite one marks its answers {@code Auto-Submitted: auto-replied} (RFC 3834) but still answers
 * mail marked so; a naive one marks nothing.
 */
final class AutoResponder implements Runnable {

    final String address;
    final boolean marksItsAnswers;
    private final BenchParts parts;
    private final Set<String> answered = new HashSet<>();
    private volatile boolean running = true;
    private volatile int sent;

    AutoResponder(BenchParts parts, String address, boolean marksItsAnswers) {
        this.parts = parts;
        this.address = address;
        this.marksItsAnswers = marksItsAnswers;
    }

    /** The first mail, written by a person: the hub answers it, and the robot answers the answer. */
    void start() throws MessagingException {
        send("Întrebare despre seminar", null, null);
        Thread thread = new Thread(this, "responder-" + address);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
    }

    int sent() {
        return sent;
    }

    /** The hub's mails to this address so far. */
    int received() {
        return fromHub().length;
    }

    @Override
    public void run() {
        while (running) {
            try {
                for (MimeMessage mail : fromHub()) {
                    if (answered.add(mail.getMessageID())) {
                        send("Re: " + mail.getSubject(), mail.getMessageID(), mail.getHeader("References", " "));
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private MimeMessage[] fromHub() {
        return Arrays.stream(parts.mail().getReceivedMessages()).filter(this::isToMe).toArray(MimeMessage[]::new);
    }

    private boolean isToMe(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(
                    mail.getRecipients(Message.RecipientType.TO)).anyMatch(to -> address.equalsIgnoreCase(
                    ((InternetAddress) to).getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String subject, String inReplyTo, String references) throws MessagingException {
        MimeMessage answer = new MimeMessage(parts.smtpSession());
        answer.setFrom(new InternetAddress(address));
        answer.setRecipient(Message.RecipientType.TO, new InternetAddress(BenchParts.HUB_ADDRESS));
        answer.setSubject(subject, "UTF-8");
        answer.setText(inReplyTo == null ? "Bună ziua, când are loc seminarul?"
                : "Sunt în concediu până la 15 septembrie. / Je suis absent jusqu'au 15 septembre.", "UTF-8");
        if (inReplyTo != null) {
            answer.setHeader("In-Reply-To", inReplyTo);
            answer.setHeader("References", references == null ? inReplyTo : references + " " + inReplyTo);
            if (marksItsAnswers) {
                answer.setHeader("Auto-Submitted", "auto-replied");
            }
        }
        Transport.send(answer);
        sent++;
    }
}
