package org.relais.mail;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notes each mail someone wrote to the hub with the first sign of a robot its rules find (a reply to the hub's mail
 * that came back at once, the same mail again, a pace no person writes at). Mails marked automatic (Auto-Submitted,
 * Precedence, list headers) are never answered at all and not noted here. {@link ReplyLimiter} counts the signs.
 */
@Component
public class LoopSigns {

    private static final Logger log = LoggerFactory.getLogger(LoopSigns.class);

    private final LoopSignRepository arrivals;
    private final OutgoingMailRepository outgoing;
    private final LoopGuardProperties properties;
    private final List<LoopRule> rules;

    LoopSigns(LoopSignRepository arrivals, OutgoingMailRepository outgoing, LoopGuardProperties properties) {
        this.arrivals = arrivals;
        this.outgoing = outgoing;
        this.properties = properties;
        this.rules = List.of(new QuickReply(properties.quickReply()), new RepeatedContent(),
                new PersonPace(properties.personPace()));
    }

    /**
     * Records the mail with the sign it shows, if any, and returns that sign. With a robot bound, the sender's mails
     * are judged one after the other, each seeing the ones before it: the signs decide how many answers the sender
     * gets. With none they decide nothing, and the sender's mails are not made to wait for each other's commits for
     * them (a busy partner's burst: bench/README.md, "The sender's lock where it decides"); two of its mails taken in
     * at the same moment may then miss a sign of each other.
     */
    public Optional<RobotSign> note(Arrival arrival) {
        if (properties.robotAnswersPerHour() != null) {
            outgoing.lockDecisionsAbout(arrival.sender());
        }
        LoopSignRepository.Noted noted = arrivals.note(arrival, properties.window(), properties.personPace());
        LoopRule.History history = new LoopRule.History(noted.earlier(),
                outgoing.sentAtOf(arrival.answers(), arrival.sender()));
        Optional<RobotSign> sign = rules.stream().flatMap(rule -> rule.check(arrival, history).stream()).findFirst();
        if (noted.first()) {
            sign.ifPresent(shown -> arrivals.sign(arrival.mailId(), shown));
        }
        // debug only: a flood would write a line per mail; the sign is kept with the mail (loop_arrival), and what
        // it leads to, an answer held back, is logged as a warning (ReplyLimiter)
        sign.ifPresent(s -> log.debug("Mail {} from {} shows a sign of a robot: {}", arrival.mailId(),
                arrival.sender(), s.code()));
        return sign;
    }
}
