package org.relais.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relais.HubProperties;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.AwaitedReplies;
import org.relais.intake.DocumentMessage;
import org.relais.intake.MailParts;
import org.relais.intake.ReplyMessage;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.ReplyWords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up group's review of an accepted forecast: each member is asked in their language, with the figures
 * and the file; they approve or object by replying; the rule (by default two approvals and no objection) or a
 * coordinator decides; the organiser, the coordinators and the funders are told the outcome; silent reviewers are
 * reminded.
 */
@Component("budgetReview")
public class BudgetReview {

    /** The flow the members' replies go to (routes/intake-process.yaml: the budget.review queue). */
    static final String REPLY_FLOW = "budget-review";

    /** A review a coordinator may settle: still open, or objected to by a member. */
    public record Unsettled(long budgetId, String state, String seminar) {
    }

    private final BudgetReviewRepository reviews;
    private final DirectoryRepository directory;
    private final AwaitedReplies awaitedReplies;
    private final MailParts parts;
    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final ReviewReplyReader replyReader;
    private final ReplyWords replyWords;
    private final OutgoingMailLedger ledger;
    private final int approvalsNeeded;
    private final Duration reminderDelay;

    BudgetReview(BudgetReviewRepository reviews, DirectoryRepository directory, AwaitedReplies awaitedReplies,
                 MailParts parts, MailTemplates templates, OutgoingMailComposer composer, OutgoingMailLedger ledger,
                 ReplyWords replyWords, HubProperties hub, BudgetProperties properties) {
        this.reviews = reviews;
        this.directory = directory;
        this.awaitedReplies = awaitedReplies;
        this.parts = parts;
        this.templates = templates;
        this.composer = composer;
        this.ledger = ledger;
        this.replyWords = replyWords;
        this.replyReader = ReviewReplyReader.load(hub.configDir().resolve("budget/review.yaml"));
        this.approvalsNeeded = properties.review().approvalsNeeded();
        this.reminderDelay = properties.review().reminderDelay();
    }

    /** Asks every follow-up group member for their opinion; part of the transaction that accepted the budget. */
    List<OutgoingTicket> request(long budgetId, DocumentMessage document, List<String> figures, byte[] file) {
        if (!reviews.open(budgetId, document.reference())) {
            return List.of();
        }
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (Contact member : directory.contactsWithRole("follow-up")) {
            awaitedReplies.expect(document.reference(), member.address(), REPLY_FLOW, String.valueOf(budgetId));
            tickets.add(write("budget-review-request", document.mailId(), member, document.reference(), Map.of(
                    "seminar", seminarName(document.seminar()),
                    "organiser", document.sender(),
                    "fileName", OutgoingMailComposer.singleLine(document.fileName()),
                    "figures", figures,
                    "approvalsNeeded", approvalsNeeded),
                    List.of(new OutgoingMail.Attachment(OutgoingMailComposer.singleLine(document.fileName()),
                            "application/octet-stream", file))));
        }
        return tickets;
    }

    /** A member's reply: recorded once, acknowledged, and the rule applied. */
    @Transactional
    public List<OutgoingTicket> onReply(ReplyMessage reply) {
        long budgetId = Long.parseLong(reply.context());
        BudgetReviewRepository.Review review = reviews.lock(budgetId).orElseThrow();
        String body = reply.bodyPartId() == null ? "" : parts.part(reply.bodyPartId()).map(MailParts.Part::text).orElse("");
        ReviewReplyReader.Reading reading = replyReader.read(reply.subject(), body);
        if (!reviews.recordDecision(budgetId, reply.sender(), reading.decision().name(), reading.comment(),
                reply.mailId())) {
            return ledger.ticketsFor(reply.mailId());
        }
        List<OutgoingTicket> tickets = new ArrayList<>();
        Contact reviewer = directory.contact(reply.sender()).orElseThrow();
        tickets.add(write("budget-review-ack", reply.mailId(), reviewer, review.reference(), Map.of(
                "decision", reading.decision().name())));
        if (!review.state().equals("open")) {
            return tickets;
        }
        BudgetReviewRepository.Tally tally = reviews.tally(budgetId);
        if (tally.objections() > 0) {
            reviews.markObjected(budgetId);
            for (Contact coordinator : directory.contactsWithRole("coordinator")) {
                // the coordinators settle it by replying (org.relais.decision), or from the console
                awaitedReplies.expect(review.reference(), coordinator.address(), AwaitedReplies.DECISION_FLOW, null);
                tickets.add(write("budget-review-objection", reply.mailId(), coordinator, review.reference(), Map.of(
                        "seminar", seminarName(review.seminarCode()),
                        "reviewer", reply.sender(),
                        "comment", reading.comment(),
                        "approve", replyWords.named("approve", coordinator.language()),
                        "reject", replyWords.named("reject", coordinator.language()))));
            }
        } else if (tally.approvals() >= approvalsNeeded) {
            tickets.addAll(close(review, "approved", "rule", reply.mailId(), null));
        }
        return tickets;
    }

    /** The reviews of {@code reference} a coordinator may settle. */
    @Transactional(readOnly = true)
    public List<Unsettled> unsettled(String reference) {
        return reviews.unsettled(reference).stream().map(review -> new Unsettled(review.budgetId(), review.state(),
                seminarName(review.seminarCode()))).toList();
    }

    /**
     * A coordinator's decision, with their comment, which settles an objection or a review nobody answered; the
     * organiser, the coordinators and the funders are told. Nothing when the review is settled already.
     *
     * @param inboundMailId the coordinator's reply that decided, or null from the console
     */
    @Transactional
    public List<OutgoingTicket> decide(long budgetId, boolean approve, String coordinator, String comment,
                                       Long inboundMailId) {
        BudgetReviewRepository.Review review = reviews.lock(budgetId)
                .orElseThrow(() -> new IllegalArgumentException("No review of budget " + budgetId));
        if (review.state().equals("approved") || review.state().equals("rejected")) {
            return List.of();
        }
        return close(review, approve ? "approved" : "rejected", coordinator, inboundMailId,
                comment == null || comment.isBlank() ? null : comment.strip());
    }

    /** Reminds the members who have not answered a review asked (or last reminded) longer ago than the delay. */
    @Transactional
    public List<OutgoingTicket> remind(Instant now) {
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (long budgetId : reviews.dueForReminder(now.minus(reminderDelay))) {
            BudgetReviewRepository.Review review = reviews.lock(budgetId).orElseThrow();
            List<String> answered = reviews.reviewersWhoAnswered(budgetId);
            for (Contact member : directory.contactsWithRole("follow-up")) {
                if (!answered.contains(member.address())) {
                    tickets.add(write("budget-review-reminder", null, member, review.reference(), Map.of(
                            "seminar", seminarName(review.seminarCode()))));
                }
            }
            reviews.reminded(budgetId, now);
        }
        return tickets;
    }

    public List<OutgoingTicket> remind() {
        return remind(Instant.now());
    }

    private List<OutgoingTicket> close(BudgetReviewRepository.Review review, String state, String decidedBy,
                                       Long inboundMailId, String comment) {
        reviews.close(review.budgetId(), state, decidedBy, comment);
        BudgetReviewRepository.Tally tally = reviews.tally(review.budgetId());
        Map<String, Contact> told = new LinkedHashMap<>();
        directory.contact(parts.origin(documentMailId(review)).sender()).ifPresent(c -> told.put(c.address(), c));
        directory.contactsWithRole("coordinator").forEach(c -> told.putIfAbsent(c.address(), c));
        directory.contactsWithRole("funder").forEach(c -> told.putIfAbsent(c.address(), c));
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (Contact contact : told.values()) {
            awaitedReplies.forget(review.reference(), contact.address(), REPLY_FLOW);
            tickets.add(write("budget-review-outcome", inboundMailId, contact, review.reference(), Map.of(
                    "seminar", seminarName(review.seminarCode()),
                    "state", state,
                    "approvals", tally.approvals(),
                    "objections", tally.objections(),
                    "decidedBy", decidedBy,
                    "comment", comment == null ? "" : comment)));
        }
        directory.contactsWithRole("follow-up")
                .forEach(m -> awaitedReplies.forget(review.reference(), m.address(), REPLY_FLOW));
        return tickets;
    }

    private long documentMailId(BudgetReviewRepository.Review review) {
        return reviews.mailOfDocument(review.documentId());
    }

    private String seminarName(String seminarCode) {
        return directory.seminars().stream().filter(s -> s.code().equals(seminarCode))
                .map(s -> "n° " + s.number() + " (" + s.keywords().get(0) + ")").findFirst().orElse("?");
    }

    private OutgoingTicket write(String template, Long inboundMailId, Contact to, String reference,
                                 Map<String, Object> variables) {
        return write(template, inboundMailId, to, reference, variables, List.of());
    }

    /**
     * A mail from a template in the contact's language; tied to the inbound mail that caused it, if any. Every mail
     * of the review is about its reference: a member's reply bound to any of them is their answer.
     */
    private OutgoingTicket write(String template, Long inboundMailId, Contact to, String reference,
                                 Map<String, Object> variables, List<OutgoingMail.Attachment> attachments) {
        Map<String, Object> all = new LinkedHashMap<>(variables);
        all.put("tag", "[" + reference + "]");
        all.put("reference", reference);
        all.put("name", to.name());
        MailTemplates.Rendered text = templates.render(template, to.language(), all);
        return new OutgoingTicket(composer.store(new OutgoingMail(template, inboundMailId, to.address(), to.name(),
                to.language(), text, null, null, attachments).about(reference)));
    }
}
