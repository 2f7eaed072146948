package org.relais.bench;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relais.bench.HostileCorpus.HostileCase;

/**
 * What the hub made of each hostile mail, read from its tables and from the answers that reached the mail server:
 * what it did, who was answered in which language, whether the original was kept, and whether that is a clean end.
 */
final class HostileTally {

    static final String COORDINATOR = "coordination@relais.test";
    private static final String FORMAT = "%-42s %-44s %-64s %-5s %s%n";

    private final BenchParts parts;
    private final Map<String, MimeMessage> received = new HashMap<>();

    HostileTally(BenchParts parts) {
        this.parts = parts;
    }

    /** The hub's mail with this Message-ID as the mail server received it, or null. */
    private MimeMessage received(String messageId) {
        if (!received.containsKey(messageId)) {
            for (MimeMessage message : parts.mail().getReceivedMessages()) {
                try {
                    received.put(message.getMessageID(), message);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return received.get(messageId);
    }

    /** One line of the tally. */
    record Line(String name, String did, String answers, boolean kept, List<String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }

        void print() {
            System.out.printf(FORMAT, name, cut(did, 44), cut(answers, 64), kept ? "kept" : "no",
                    ok() ? "OK" : "FAILED: " + String.join("; ", problems));
        }
    }

    static void printHeader() {
        System.out.printf(FORMAT, "case", "the hub", "answers (to, purpose, language)", "orig.", "verdict");
    }

    Line of(HostileCase hostile) {
        List<String> problems = new ArrayList<>();
        List<Object[]> rows = parts.rows("select id, state, problem, octet_length(raw) from inbound_mail"
                + " where message_id = ?", hostile.messageId());
        if (rows.isEmpty()) {
            return new Line(hostile.name(), "not stored (still in the mailbox)", "-", false,
                    List.of("no row in inbound_mail"));
        }
        long mailId = ((Number) rows.get(0)[0]).longValue();
        String state = (String) rows.get(0)[1];
        boolean kept = ((Number) rows.get(0)[3]).longValue() > 0;
        List<String> rejections = column("select rejection from mail_part where mail_id = ? and rejection is not null"
                + " order by position", mailId);
        if (!hostile.states().contains(state)) {
            problems.add("state " + state + ", expected " + hostile.states());
        }
        if (!hostile.rejections().isEmpty() && Collections.disjoint(rejections, hostile.rejections())) {
            problems.add("refused as " + rejections + ", expected one of " + hostile.rejections());
        }
        // its own answers, and the summaries that carried its answer when it was gathered with others
        List<Object[]> answers = parts.rows("select purpose, recipient, language, message_id, sent_at is not null"
                + " from outgoing_mail where mail_id = ?"
                + " or id in (select outgoing_mail_id from gathered_answer where mail_id = ?) order by id",
                mailId, mailId);
        problems.addAll(answerPolicy(hostile, answers));
        for (Object[] answer : answers) {
            MimeMessage message = received((String) answer[3]);
            if (message == null) {
                problems.add(answer[0] + " not received");
            } else {
                problems.addAll(unsafe(message));
            }
        }
        return new Line(hostile.name(), did(state, (String) rows.get(0)[2], rejections, mailId),
                describe(answers), kept, problems);
    }

    /** A person is answered once, in their language; a stranger in every language, and a coordinator told. */
    private List<String> answerPolicy(HostileCase hostile, List<Object[]> answers) {
        List<String> problems = new ArrayList<>();
        List<Object[]> toSender = answers.stream().filter(a -> hostile.sender().equals(a[1])).toList();
        if (toSender.isEmpty()) {
            problems.add("no answer to the sender");
        }
        String language = hostile.fromStranger() ? "fr,ro,bg"
                : column("select language from contact where address = ?", hostile.sender()).get(0);
        toSender.stream().filter(a -> !language.equals(a[2]))
                .forEach(a -> problems.add(a[0] + " in " + a[2] + ", expected " + language));
        if (hostile.fromStranger()) {
            if (toSender.size() > 1) {
                problems.add(toSender.size() + " answers to a stranger");
            }
            if (answers.stream().noneMatch(a -> COORDINATOR.equals(a[1]))) {
                problems.add("no notice to the coordinators");
            }
        }
        return problems;
    }

    /** Headers only the hub may write, subjects on one line, no markup that runs, no secret of the machine. */
    static List<String> unsafe(MimeMessage answer) {
        List<String> problems = new ArrayList<>();
        try {
            for (Header header : Collections.list(answer.getAllHeaders())) {
                String name = header.getName().toLowerCase(Locale.ROOT);
                if (name.equals("bcc") || name.equals("x-injected")) {
                    problems.add("injected header " + header.getName());
                }
            }
            String subject = answer.getSubject();
            if (subject != null && (subject.contains("\r") || subject.contains("\n"))) {
                problems.add("subject over several lines");
            }
            if (answer.getAllRecipients().length != 1) {
                problems.add(answer.getAllRecipients().length + " recipients");
            }
            String text = text(answer);
            if (text.contains(HostileCorpus.PASSWD_LINE)) {
                problems.add("/etc/passwd in the answer");
            }
            if (text.matches("(?s).*\\n\\s*(Bcc|X-Injected):.*")) {
                problems.add("a name's line breaks kept in the text");
            }
            if (htmlOf(answer).toLowerCase(Locale.ROOT).contains("<script")) {
                problems.add("raw <script> in an HTML answer");
            }
        } catch (MessagingException | IOException e) {
            problems.add("unreadable answer: " + e.getMessage());
        }
        return problems;
    }

    private String did(String state, String problem, List<String> rejections, long mailId) {
        return switch (state) {
            case "processed" -> rejections.isEmpty()
                    ? "acknowledged " + column("select kind from document where mail_id = ?", mailId)
                    : "refused: " + String.join(", ", rejections);
            case "malformed" -> "refused as malformed: " + problem;
            case "quarantined" -> "quarantined";
            case "automated" -> "ignored as automated";
            default -> state;
        };
    }

    private static String describe(List<Object[]> answers) {
        if (answers.isEmpty()) {
            return "none";
        }
        List<String> described = new ArrayList<>();
        for (Object[] answer : answers) {
            String to = (String) answer[1];
            described.add(to.substring(0, to.indexOf('@')) + " " + answer[0] + " (" + answer[2] + ")"
                    + (Boolean.TRUE.equals(answer[4]) ? "" : " UNSENT"));
        }
        return String.join(", ", described);
    }

    private List<String> column(String sql, Object parameter) {
        return parts.rows(sql, parameter).stream().map(row -> String.valueOf(row[0])).toList();
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                text.append(child.isMimeType("text/*") || child.isMimeType("multipart/*") ? text(child) : "");
                text.append(child.getFileName() == null ? "" : "\n" + child.getFileName());
            }
            return text.toString();
        }
        return content instanceof String string ? string : "";
    }

    private static String htmlOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder html = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                html.append(htmlOf(multipart.getBodyPart(i)));
            }
            return html.toString();
        }
        return "";
    }

    private static String cut(String text, int width) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }
}
