package org.relais.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The originals a poll has just stored, kept in memory for the consumer that understands them next, so that it does
 * not read them back from PostgreSQL: for a 140 KB mail, seventy TOAST chunks read there and two copies here
 * (bench/README.md, "Where the machine goes"). Only the bytes of a row the poll inserted are held: they are that
 * row's bytes, which nothing changes. A mail not held (the bound reached, a mail in a spool file, another instance's
 * poll) or no longer held (its ticket taken by another instance, a redelivery) is read from PostgreSQL as before:
 * what is held only spares work. The bytes are held in the blocks of one array (ByteBlocks), not as an array each: a
 * burst's originals, waiting a second or two for their consumers, were promoted by the young collections and filled
 * the old generation, and a full collection stopped the hub once every thousand mails.
 */
@Component
class FreshOriginals {

    /** A mail not taken within this time will not be (its ticket went to another instance): its bytes are let go. */
    static final Duration HELD_AT_MOST = Duration.ofMinutes(2);

    /** A mail of 140 KB takes nine blocks; one of 10 KB, one. */
    static final int BLOCK_BYTES = 16 << 10;

    private record Held(int[] blocks, int length, Instant since) {
    }

    private final ByteBlocks blocks;
    private final Clock clock;
    /** In the order held: the oldest first, as the tickets are on the queue. */
    private final Map<Long, Held> held = new LinkedHashMap<>();
    private long bytes;

    FreshOriginals(IntakeProperties properties, Clock clock) {
        this.blocks = new ByteBlocks(properties.maxBytesHeld(), BLOCK_BYTES);
        this.clock = clock;
    }

    /**
     * Keeps a copy of the original of a mail the poll has just inserted and committed, unless the bound is reached:
     * the mails held first are the first to be taken, and the last ones are read back from PostgreSQL.
     */
    synchronized void hold(long mailId, byte[] original) {
        Instant now = clock.instant();
        letGoOlderThan(now.minus(HELD_AT_MOST));
        if (held.containsKey(mailId)) {
            return;
        }
        int[] taken = blocks.put(original);
        if (taken != null) {
            held.put(mailId, new Held(taken, original.length, now));
            bytes += original.length;
        }
    }

    /** The original of that mail if it is held (a new array), no longer held afterwards. */
    synchronized Optional<byte[]> take(long mailId) {
        letGoOlderThan(clock.instant().minus(HELD_AT_MOST));
        Held taken = held.remove(mailId);
        if (taken == null) {
            return Optional.empty();
        }
        byte[] original = blocks.copy(taken.blocks(), taken.length());
        letGo(taken);
        return Optional.of(original);
    }

    /** How many bytes are held. */
    synchronized long bytesHeld() {
        return bytes;
    }

    private void letGoOlderThan(Instant limit) {
        for (Iterator<Held> oldest = held.values().iterator(); oldest.hasNext(); ) {
            Held next = oldest.next();
            if (!next.since().isBefore(limit)) {
                return;
            }
            oldest.remove();
            letGo(next);
        }
    }

    private void letGo(Held mail) {
        blocks.release(mail.blocks());
        bytes -= mail.length();
    }
}
