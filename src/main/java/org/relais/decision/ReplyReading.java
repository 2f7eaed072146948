package org.relais.decision;

import java.util.List;
import org.relais.directory.Contact;

/**
 * One kind of decision a coordinator's reply may take (a budget settled, a document's language…): what the reply
 * decides of it, applied at once, and the answers it expects while something of that kind awaits.
 */
interface ReplyReading {

    /** A coordinator's reply: the mail, who wrote it, and what they wrote (without the quoted mail). */
    record Reply(long mailId, Contact coordinator, String text) {
    }

    /** What the reply decides of this kind, applied; {@link Decided#NOTHING} when it says nothing of it. */
    Decided read(PendingDecisions.Pending pending, Reply reply);

    /** The answers a reply may give for what awaits of this kind, in the reader's language; none if nothing does. */
    List<String> expected(PendingDecisions.Pending pending, String language);
}
