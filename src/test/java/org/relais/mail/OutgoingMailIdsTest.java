package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;

/** The ids of outgoing mails are drawn from their sequence twenty at a time, and each is given once. */
class OutgoingMailIdsTest extends HubTest {

    @Test
    void twentyMailsTakeOneDrawFromTheSequenceAndTheTwentyFirstTheNext() {
        OutgoingMailRepository repository = new OutgoingMailRepository(jdbc);
        long before = lastDrawn();

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < OutgoingMailRepository.IDS_DRAWN_AT_ONCE; i++) {
            ids.add(repository.nextId());
        }
        assertThat(lastDrawn()).isEqualTo(before + OutgoingMailRepository.IDS_DRAWN_AT_ONCE);

        ids.add(repository.nextId());
        assertThat(lastDrawn()).isEqualTo(before + 2 * OutgoingMailRepository.IDS_DRAWN_AT_ONCE);
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void idsGivenToSeveralThreadsAtOnceAreEachGivenOnce() throws Exception {
        OutgoingMailRepository repository = new OutgoingMailRepository(jdbc);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(threads.submit(repository::nextId));
            }
            List<Long> given = new ArrayList<>();
            for (Future<Long> id : ids) {
                given.add(id.get());
            }
            assertThat(given).hasSize(200).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
    }

    private long lastDrawn() {
        return jdbc.sql("select last_value from outgoing_mail_id_seq").query(Long.class).single();
    }
}
