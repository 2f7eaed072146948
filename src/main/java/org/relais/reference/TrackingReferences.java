package org.relais.reference;

import java.time.Clock;
import java.time.Year;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tracking references a person reads (REL-2026-0042), numbered per year from one PostgreSQL sequence a year,
 * shared by intake's documents and the distribution lists so that two never collide. A sequence hands out numbers
 * without a lock and outside the caller's transaction: a counter row held every intake consumer in turn until each
 * mail committed, and counting in a transaction of its own cost a commit per mail (bench/README.md, "Intake"). A
 * number taken by a mail whose processing rolls back stays unused.
 */
@Component
public class TrackingReferences {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    TrackingReferences(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public String next() {
        int year = Year.now(clock).getValue();
        Long number = nextOf(year);
        return "REL-%d-%04d".formatted(year, number != null ? number : firstOf(year));
    }

    /** The year's next number, or null before its first: a missing sequence must not fail the caller's transaction. */
    private Long nextOf(int year) {
        return jdbc.sql("select nextval(to_regclass(:sequence))")
                .param("sequence", sequenceOf(year))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /**
     * The year's first numbers, taken in a transaction of its own, which makes the year's sequence when nobody has
     * (next_reference_number, V24: two sessions making it together both take from it): the caller's transaction may
     * have looked for the sequence before another made it, and PostgreSQL then keeps telling it there is none. So may,
     * by timing, the transaction of a session that lost the race to make it ("relation does not exist" once the
     * other committed): it asks again in a new transaction, which reads the catalog's news; the failed attempt took
     * no number.
     */
    private long firstOf(int year) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> jdbc.sql("select next_reference_number(:year)")
                        .param("year", year).query(Long.class).single());
            } catch (BadSqlGrammarException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The year's sequence, as next_reference_number names it. */
    private static String sequenceOf(int year) {
        return "reference_" + year;
    }
}
