package org.relais.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.relais.mail.GatheredAnswerRepository.Destination;
import org.relais.mail.GatheredAnswerRepository.Pending;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the answers that did not go on their own, each recipient's in one summary listing every mail it answers
 * (subject, reference, what was understood), threaded on the last of them. The summary and the mark on each answer
 * it carries are written in one transaction: a crash before the commit leaves every answer waiting, after it the
 * summary is in the ledger and the mail sweep sends it; no answer is lost or sent twice.
 */
@Component("gatheredAnswers")
public class GatheredAnswers {

    /** An answer held back from a robot, for the console. {@code dueAt} null: it waits for a coordinator. */
    public record Held(long id, String recipient, String purpose, Long mailId, String subject, String reference,
                       Instant heldAt, Instant dueAt) {
    }

    /** A recipient's held answers and the signs of a robot its mails showed within the hour. */
    public record HeldBack(String recipient, List<RobotSign> signs, List<Held> answers) {
    }

    /** One answered mail as a summary lists it. */
    public record Item(String subject, String reference, List<String> lines) {
    }

    /** RFC 5322 lets References be shortened; the newest mails are kept. */
    private static final int MAX_REFERENCES = 20;

    private final GatheredAnswerRepository repository;
    private final LoopSignRepository signs;
    private final ReplyLimiter limiter;
    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final LoopGuardProperties properties;

    GatheredAnswers(GatheredAnswerRepository repository, LoopSignRepository signs, ReplyLimiter limiter,
                    MailTemplates templates, OutgoingMailComposer composer, LoopGuardProperties properties) {
        this.repository = repository;
        this.signs = signs;
        this.limiter = limiter;
        this.templates = templates;
        this.composer = composer;
        this.properties = properties;
    }

    /** Writes the summaries that are due; returns their tickets for the {@code mail.outgoing} queue. */
    @Transactional
    public List<OutgoingTicket> due() {
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (Destination destination : repository.due()) {
            summary(destination).ifPresent(tickets::add);
        }
        return tickets;
    }

    /**
     * Every answer on its way to the recipient goes, as soon as one is due; an answer held back from a robot when the
     * hour turned waits while the robot's bound for the hour is still reached (one a coordinator sent does not).
     */
    private Optional<OutgoingTicket> summary(Destination destination) {
        List<Pending> onTheirWay = repository.lockOnTheirWay(destination);
        boolean boundReached = onTheirWay.stream().anyMatch(GatheredAnswers::waitsForTheHour)
                && limiter.robotBoundReached(destination.recipient());
        List<Pending> going = onTheirWay.stream().filter(answer -> !(boundReached && waitsForTheHour(answer)))
                .toList();
        if (going.stream().noneMatch(Pending::due)) {
            return Optional.empty();
        }
        Pending last = going.get(going.size() - 1);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("name", Objects.requireNonNullElse(last.recipientName(), ""));
        variables.put("count", going.size());
        variables.put("items", going.stream().map(a -> new Item(a.subject(), a.reference(), a.lines())).toList());
        MailTemplates.Rendered text = templates.render(destination.summary(), last.language(), variables);
        List<String> earlier = going.stream().map(Pending::messageId).filter(Objects::nonNull)
                .filter(id -> !id.equals(last.messageId())).distinct().toList();
        String references = String.join(" ",
                earlier.subList(Math.max(0, earlier.size() - MAX_REFERENCES), earlier.size()));
        long id = composer.store(new OutgoingMail(destination.summary(), last.mailId(), destination.recipient(),
                last.recipientName(), last.language(), text, last.messageId(),
                references.isEmpty() ? null : references, List.of()));
        repository.carriedBy(going.stream().map(Pending::id).toList(), id);
        return Optional.of(new OutgoingTicket(id));
    }

    private static boolean waitsForTheHour(Pending answer) {
        return answer.held() && answer.releasedBy() == null;
    }

    /** The answers held back from robots and not sent yet, by recipient. */
    @Transactional(readOnly = true)
    public List<HeldBack> heldBack() {
        Map<String, List<Held>> byRecipient = new LinkedHashMap<>();
        repository.held().forEach(held -> byRecipient.computeIfAbsent(held.recipient(), r -> new ArrayList<>())
                .add(held));
        // which kinds of signs each showed: one mail of a kind is enough to name it
        return byRecipient.entrySet().stream().map(entry -> new HeldBack(entry.getKey(),
                List.copyOf(signs.signs(entry.getKey(), properties.window(), 1).keySet()),
                entry.getValue())).toList();
    }

    /**
     * A coordinator sends the recipient's held answers: they become due now and go in one summary at the next
     * sweep, whatever the robot's bound. Returns how many.
     */
    @Transactional
    public int send(String recipient, String coordinator) {
        return repository.release(recipient, coordinator);
    }
}
