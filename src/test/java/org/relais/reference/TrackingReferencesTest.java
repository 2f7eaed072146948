package org.relais.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class TrackingReferencesTest extends HubTest {

    @Autowired
    private TrackingReferences references;

    @Autowired
    private TestClock clock;

    @Autowired
    private TransactionTemplate transaction;

    @AfterEach
    void forgetTheYearsMadeHere() {
        clock.reset();
        for (int year : new int[] {2031, 2032, 2033}) {
            jdbc.sql("drop sequence if exists reference_" + year).update();
        }
    }

    @Test
    void referencesOfAYearFollowEachOther() {
        String first = references.next();
        String second = references.next();

        assertThat(first).matches("REL-\\d{4}-\\d{4,}");
        assertThat(number(second)).isEqualTo(number(first) + 1);
        assertThat(second).startsWith(first.substring(0, "REL-2026-".length()));
    }

    @Test
    void aNewYearStartsFromOne() {
        clock.set(Instant.parse("2031-01-01T00:00:05Z"));

        assertThat(references.next()).isEqualTo("REL-2031-0001");
        assertThat(references.next()).isEqualTo("REL-2031-0002");
    }

    @Test
    void theFirstReferenceOfAYearTakenInATransactionThatRollsBackLeavesTheYearCounting() {
        clock.set(Instant.parse("2032-01-01T00:00:05Z"));

        transaction.executeWithoutResult(status -> {
            assertThat(references.next()).isEqualTo("REL-2032-0001");
            status.setRollbackOnly();
        });

        assertThat(references.next()).isEqualTo("REL-2032-0002");
    }

    @Test
    void consumersStartingAYearTogetherGetDistinctReferences() throws Exception {
        clock.set(Instant.parse("2033-01-01T00:00:05Z"));
        ExecutorService consumers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> takes = IntStream.range(0, 60)
                    .mapToObj(i -> (Callable<String>) () -> transaction.execute(status -> references.next()))
                    .toList();
            List<String> taken = consumers.invokeAll(takes).stream().map(TrackingReferencesTest::result).toList();

            assertThat(taken).doesNotHaveDuplicates().hasSize(60)
                    .allMatch(reference -> reference.startsWith("REL-2033-"));
            assertThat(taken.stream().mapToInt(TrackingReferencesTest::number).max().getAsInt()).isEqualTo(60);
        } finally {
            consumers.shutdownNow();
        }
    }

    @Test
    void yearStartsRacedOverAndOverEachNumberFromOneWithoutAFailure() throws Exception {
        // two sessions making a year's sequence together could fail, by timing, on the catalog (V24): sixty starts
        ExecutorService consumers = Executors.newFixedThreadPool(6);
        try {
            for (int year = 2040; year < 2100; year++) {
                clock.set(Instant.parse(year + "-01-01T00:00:05Z"));
                List<Callable<String>> takes = IntStream.range(0, 12)
                        .mapToObj(i -> (Callable<String>) () -> transaction.execute(status -> references.next()))
                        .toList();
                List<String> taken = consumers.invokeAll(takes).stream().map(TrackingReferencesTest::result).toList();

                assertThat(taken.stream().map(TrackingReferencesTest::number).sorted().toList())
                        .as("year %d", year).isEqualTo(IntStream.rangeClosed(1, 12).boxed().toList());
            }
        } finally {
            consumers.shutdownNow();
        }
    }

    private static int number(String reference) {
        return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
    }

    private static String result(Future<String> taken) {
        try {
            return taken.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
