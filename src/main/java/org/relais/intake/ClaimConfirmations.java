package org.relais.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relais.HubProperties;
import org.relais.directory.Contact;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.OwnText;
import org.relais.mail.ReplyLimiter;
import org.relais.spreadsheet.TextNormalizer;
import org.relais.spreadsheet.YamlFiles;
import org.springframework.stereotype.Component;

/**
 * A mail that claims a person's decision (it quotes a request that awaits their answer) without being bound to the
 * request changes nothing. The person is asked, at their directory address and in their language, whether they sent
 * it; their answer bound to that question confirms it (the claim then goes to the awaiting flow, as if bound) or
 * denies it. The coordinators see every claim in the console.
 */
@Component
class ClaimConfirmations {

    static final String PURPOSE = "claim-confirmation";
    private static final int EXCERPT = 600;

    private enum Answer { CONFIRM, DENY, UNCLEAR }

    private final ClaimRepository claims;
    private final InboundMailRepository mails;
    private final AwaitedReplies awaitedReplies;
    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final ReplyLimiter limiter;
    private final List<String> confirmWords;
    private final List<String> denyWords;

    ClaimConfirmations(ClaimRepository claims, InboundMailRepository mails, AwaitedReplies awaitedReplies,
                       MailTemplates templates, OutgoingMailComposer composer, ReplyLimiter limiter,
                       HubProperties hub) {
        this.claims = claims;
        this.mails = mails;
        this.awaitedReplies = awaitedReplies;
        this.templates = templates;
        this.composer = composer;
        this.limiter = limiter;
        Map<String, Object> words = YamlFiles.load(hub.configDir().resolve("intake/confirmation.yaml"));
        this.confirmWords = padded(YamlFiles.strings(words.get("confirm"), "confirm"));
        this.denyWords = padded(YamlFiles.strings(words.get("deny"), "deny"));
    }

    /**
     * Records the claims of mail {@code mailId} (one per flow awaiting the request) and asks the claimed sender
     * whether they sent it; returns the question to send.
     */
    List<OutgoingTicket> ask(long mailId, Contact claimed, String request, List<AwaitedReplies.Awaiting> awaiting,
                             String subject, String body, Long bodyPartId, List<Long> attachmentIds) {
        OutgoingMail mail = question(mailId, claimed, request, subject, body);
        // bounded like any answer if the claimed address behaves as a robot (an auto-responder must not loop on it)
        Long question = limiter.answer(org.relais.mail.Answer.whole(PURPOSE, mailId, claimed.address(), claimed.name(),
                mail.language(), mail.text(), null)) == ReplyLimiter.Delivery.AT_ONCE ? composer.store(mail) : null;
        awaiting.forEach(a -> claims.insert(mailId, claimed.address(), request, a, bodyPartId, attachmentIds,
                question));
        return question == null ? List.of() : List.of(new OutgoingTicket(question));
    }

    private OutgoingMail question(long mailId, Contact claimed, String request, String subject, String body) {
        String own = OwnText.of(body);
        String excerpt = own.length() > EXCERPT ? own.substring(0, EXCERPT) + " […]" : own;
        String language = templates.exists(PURPOSE, claimed.language()) ? claimed.language() : "fr";
        MailTemplates.Rendered text = templates.render(PURPOSE, language, Map.of(
                "name", claimed.name(),
                "tag", "[" + request + "]",
                "reference", request,
                "subject", OutgoingMailComposer.singleLine(subject),
                "excerpt", excerpt.lines().map(line -> "  > " + line).reduce((a, b) -> a + "\n" + b).orElse("")));
        return new OutgoingMail(PURPOSE, mailId, claimed.address(), claimed.name(), language, text, null, null,
                List.of());
    }

    /**
     * The claimed person's answer (mail {@code answerMailId}, bound to the question {@code questionMailId}): a
     * confirmation hands each claim still awaited to its flow; a denial settles them; anything else is noted and
     * leaves them to the coordinators.
     */
    List<ReplyMessage> answer(long answerMailId, long questionMailId, String body) {
        Answer answer = read(body);
        List<ReplyMessage> confirmed = new ArrayList<>();
        for (ClaimRepository.Pending claim : claims.pendingFor(questionMailId)) {
            if (answer != Answer.CONFIRM) {
                claims.answered(claim.id(), answer == Answer.DENY ? "denied" : "pending", answerMailId);
                continue;
            }
            boolean stillAwaited = awaitedReplies.awaiting(claim.requestReference(), claim.sender()).stream()
                    .anyMatch(a -> a.flow().equals(claim.flow()));
            claims.answered(claim.id(), stillAwaited ? "confirmed" : "expired", answerMailId);
            if (stillAwaited) {
                ReplyMessage reply = new ReplyMessage(claim.flow(), claim.mailId(), claim.reference(),
                        claim.requestReference(), claim.sender(), claim.language(), claim.context(), claim.subject(),
                        claim.bodyPartId(), claim.attachmentIds());
                mails.insertReply(reply);
                claims.markReply(claim.mailId());
                confirmed.add(reply);
            }
        }
        return confirmed;
    }

    private Answer read(String body) {
        String text = " " + TextNormalizer.normalize(OwnText.of(body)) + " ";
        boolean confirms = confirmWords.stream().anyMatch(text::contains);
        boolean denies = denyWords.stream().anyMatch(text::contains);
        return confirms == denies ? Answer.UNCLEAR : confirms ? Answer.CONFIRM : Answer.DENY;
    }

    private static List<String> padded(List<String> words) {
        return words.stream().map(word -> " " + TextNormalizer.normalize(word) + " ").toList();
    }
}
