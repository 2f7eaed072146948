package org.relais.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.directory.Contact;
import org.relais.intake.MailParts;
import org.relais.intake.ReplyMessage;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OwnText;
import org.relais.minutes.Dispatch;
import org.relais.minutes.DispatchLog;
import org.relais.minutes.FlowMails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's reply bound to a mail that asked for a decision (intake hands it on as an awaited reply of
 * {@link org.relais.intake.AwaitedReplies#DECISION_FLOW}): read against what awaits a decision under the reference the
 * mail was about, each decision it gives applied as from the console, and the coordinator answered in their language
 * with what was applied, what could not be, or — when it gave no decision — the answers that are expected. Handled
 * once: a reply delivered again hands on what it did the first time.
 */
@Component("decisionReplies")
public class DecisionReplies {

    static final String PURPOSE = "decision-answer";

    private final PendingDecisions pendingDecisions;
    private final List<ReplyReading> readings;
    private final MailParts parts;
    private final FlowMails mails;
    private final DispatchLog log;

    DecisionReplies(PendingDecisions pendingDecisions, List<ReplyReading> readings, MailParts parts, FlowMails mails,
                    DispatchLog log) {
        this.pendingDecisions = pendingDecisions;
        this.readings = readings;
        this.parts = parts;
        this.mails = mails;
        this.log = log;
    }

    @Transactional
    public Dispatch handle(ReplyMessage reply) {
        return log.once("decision-reply:" + reply.mailId(), reply.quotedReference(), () -> decide(reply));
    }

    private Dispatch decide(ReplyMessage reply) {
        Contact coordinator = mails.contact(reply.sender());
        String body = reply.bodyPartId() == null ? ""
                : parts.part(reply.bodyPartId()).map(MailParts.Part::text).orElse("");
        ReplyReading.Reply read = new ReplyReading.Reply(reply.mailId(), coordinator, OwnText.of(body));
        PendingDecisions.Pending pending = pendingDecisions.of(reply.quotedReference());
        Decided decided = readings.stream().map(reading -> reading.read(pending, read))
                .reduce(Decided.NOTHING, Decided::and);
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", coordinator.name());
        variables.put("subject", OutgoingMailComposer.singleLine(reply.subject())
                .replaceFirst("(?i)^((re|aw|tr|fwd?|отг|отв)\\s*:\\s*)+", ""));
        variables.put("done", decided.done());
        variables.put("refused", decided.refused());
        variables.put("expected", decided.isEmpty() ? readings.stream()
                .flatMap(reading -> reading.expected(pending, coordinator.language()).stream()).toList() : List.of());
        MailParts.Origin origin = parts.origin(reply.mailId());
        return decided.dispatch().and(Dispatch.ofMails(mails.answer(PURPOSE, reply.mailId(), reply.quotedReference(),
                coordinator, PURPOSE, variables, new FlowMails.Thread(origin.messageId(), null))));
    }
}
