package org.relais.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The loop guard's decision on each automatic answer (docs/loop-guard.md): robots are bounded, people are not. A
 * sender whose mails showed {@code robot-signs} signs of a robot within the hour ({@link LoopSigns}) gets at most
 * {@code robot-answers-per-hour} answers an hour; each one held back is recorded (table withheld_reply), logged and
 * kept to be sent later. A person is always answered: at once, or, when many mails come close together, gathered
 * with the others into one summary a few minutes later ({@link GatheredAnswers}). Either bound may be left empty:
 * then nothing is held back, or nothing gathered, and nothing is counted for it.
 */
@Component
public class ReplyLimiter {

    /** How an answer goes. {@code AT_ONCE}: the caller writes it now; otherwise it is stored to go in a summary. */
    public enum Delivery { AT_ONCE, GATHERED, HELD }

    private static final Logger log = LoggerFactory.getLogger(ReplyLimiter.class);

    private final OutgoingMailRepository outgoing;
    private final GatheredAnswerRepository gathered;
    private final LoopSignRepository signs;
    private final LoopGuardProperties properties;

    ReplyLimiter(OutgoingMailRepository outgoing, GatheredAnswerRepository gathered, LoopSignRepository signs,
                 LoopGuardProperties properties) {
        this.outgoing = outgoing;
        this.gathered = gathered;
        this.signs = signs;
        this.properties = properties;
        if (properties.robotAnswersPerHour() == null) {
            log.warn("The loop guard bounds no robot's answers (relais.loop-guard.robot-answers-per-hour is empty):"
                    + " an auto-responder answering the hub's mails gets an answer to each of them");
        }
    }

    /** The answer to a mail the recipient wrote. */
    public Delivery answer(Answer answer) {
        boolean gatherable = answer.gatherable() && properties.answersAtOnce() != null;
        if (properties.robotAnswersPerHour() == null && !gatherable) {
            // no bound to keep: nothing to count (a count runs to the bound, under the sender's lock)
            return Delivery.AT_ONCE;
        }
        outgoing.lockDecisionsAbout(answer.recipient());
        Set<RobotSign> robotSigns = robotSigns(answer.recipient());
        if (!robotSigns.isEmpty()) {
            return robotBoundReached(answer.recipient()) ? hold(answer, robotSigns) : Delivery.AT_ONCE;
        }
        return gatherable ? gatherOrAnswer(answer) : Delivery.AT_ONCE;
    }

    /**
     * A mail to a person about someone else's mail (the coordinators' notices): never held back, since it answers
     * nothing the person wrote and so cannot keep a loop going; gathered when many come close together.
     */
    public Delivery notice(Answer notice) {
        if (properties.answersAtOnce() == null) {
            return Delivery.AT_ONCE;
        }
        outgoing.lockDecisionsAbout(notice.recipient());
        return gatherOrAnswer(notice);
    }

    /**
     * The answer to a sender the directory does not know: bounded like any robot, and all such answers together at
     * most {@code unknown-senders-per-hour}, so that forged senders cannot turn the hub into a relay of mail to
     * strangers. Held back, it is recorded but never sent later: the coordinators see the mail in quarantine.
     */
    public Delivery answerStranger(String address, String purpose, long mailId) {
        String recipient = address.toLowerCase(Locale.ROOT);
        outgoing.lockDecisionsAbout(recipient);
        Set<RobotSign> robotSigns = properties.robotAnswersPerHour() == null ? Set.of() : robotSigns(recipient);
        if (!robotSigns.isEmpty() && robotBoundReached(recipient)) {
            withheld(purpose, mailId, recipient, properties.robotAnswersPerHour() + " automatic mails went to that"
                    + " address in the last hour and its mails show signs of a robot " + codes(robotSigns));
            return Delivery.HELD;
        }
        outgoing.lockDecisionsAbout(purpose);
        if (outgoing.reachedOfPurpose(properties.unknownSendersPerHour(), purpose, properties.window())) {
            withheld(purpose, mailId, recipient, properties.unknownSendersPerHour()
                    + " answers went to unknown senders in the last hour, the limit for the whole hub");
            return Delivery.HELD;
        }
        return Delivery.AT_ONCE;
    }

    /** Whether the recipient, recognised as a robot, has had all the answers the hour allows. */
    boolean robotBoundReached(String recipient) {
        Integer bound = properties.robotAnswersPerHour();
        return bound != null && outgoing.reached(bound, recipient, properties.window());
    }

    /** The kinds of signs of a robot the recipient's mails showed within the hour, if enough to make it one. */
    private Set<RobotSign> robotSigns(String recipient) {
        Map<RobotSign, Integer> found = signs.signs(recipient, properties.window(), properties.robotSigns());
        int mails = found.values().stream().mapToInt(Integer::intValue).sum();
        return mails >= properties.robotSigns() ? found.keySet() : Set.of();
    }

    private Delivery gatherOrAnswer(Answer answer) {
        boolean busy = gathered.gathering(answer.recipient(), answer.summary())
                || outgoing.reached(properties.answersAtOnce(), answer.recipient(),
                List.of(answer.purpose(), answer.summary()), properties.gatherWithin());
        if (!busy) {
            return Delivery.AT_ONCE;
        }
        gathered.gather(answer, properties.gatherDelay());
        return Delivery.GATHERED;
    }

    /**
     * Held back from a robot over its bound. When its only signs are its pace (it does not answer the hub's mails,
     * so a summary cannot start a loop) the answer goes in a summary when the hour turns; when it answers the hub's
     * mails or repeats itself, it waits for a coordinator: mailing it would start the loop again.
     */
    private Delivery hold(Answer answer, Set<RobotSign> robotSigns) {
        boolean paceOnly = robotSigns.stream().allMatch(sign -> sign == RobotSign.PACE);
        gathered.hold(answer, paceOnly ? properties.window() : null);
        withheld(answer.purpose(), answer.mailId(), answer.recipient(), properties.robotAnswersPerHour()
                + " automatic mails went to that address in the last hour and its mails show signs of a robot "
                + codes(robotSigns) + (paceOnly ? "; it goes in a summary when the hour turns"
                : "; a coordinator can send it from the console"));
        return Delivery.HELD;
    }

    private void withheld(String purpose, Long mailId, String recipient, String why) {
        outgoing.recordWithheld(purpose, mailId, recipient);
        log.warn("Held back the {} mail to {}: {}", purpose, recipient, why);
    }

    private static List<String> codes(Set<RobotSign> robotSigns) {
        return robotSigns.stream().map(RobotSign::code).toList();
    }

}
