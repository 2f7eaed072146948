package org.relais.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One rule of the loop guard: whether a mail shows a sign of a robot, given the sender's recent mails. */
interface LoopRule {

    Optional<RobotSign> check(Arrival arrival, History history);

    /**
     * @param earlier        the sender's other mails within the hour that a rule could match (the latest with the same
     *                       fingerprint, the latest written within the person pace: LoopSignRepository.note)
     * @param answeredSentAt when each of the hub's mails to the sender that the arrival answers went out
     */
    record History(List<Arrival> earlier, List<Instant> answeredSentAt) {
    }
}
