package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.relais.intake.InboundMailRepository.StoredMail;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What processing reads of a stored mail with its lock, and the original it reads back. */
class InboundMailRepositoryTest extends HubTest {

    @Autowired
    private InboundMailRepository mails;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void aMailToProcessComesWithItsFirstSliceAndItsUploadChoiceAndItsWholeOriginalReadsBackByteForByte()
            throws Exception {
        byte[] original = new byte[(5 << 20) / 2];
        new Random(7).nextBytes(original);
        long id = store(original);
        jdbc.sql("insert into console_upload (mail_id, kind, seminar_code, uploaded_by) values (:id, 'minutes', null,"
                + " 'coordination@relais.test')").param("id", id).update();

        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        StoredMail mail = transaction.execute(status -> {
            StoredMail locked = mails.lockForProcessing(id, true).orElseThrow();
            try {
                mails.copyOriginal(locked, copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return locked;
        });

        assertThat(mail.size()).isEqualTo(original.length);
        assertThat(mail.head()).hasSize(1 << 20);
        assertThat(mail.upload()).contains(new ConsoleUploads.Chosen(DocumentKind.MINUTES, null));
        assertThat(copy.toByteArray()).isEqualTo(original);
    }

    /** V21: so that its slices are read without the value before them, and no CPU goes to compressing base64. */
    @Test
    void anOriginalIsStoredAsItIsWithoutCompression() {
        long id = store("From: someone@relais.test\r\n\r\n%s\r\n".formatted("Bonjour. ".repeat(4_000)).getBytes());

        assertThat(jdbc.sql("select pg_column_compression(raw) from inbound_mail where id = :id").param("id", id)
                .query(String.class).optional()).as("a text that pglz would have compressed well").isEmpty();
        assertThat(jdbc.sql("select pg_column_size(raw) from inbound_mail where id = :id").param("id", id)
                .query(Integer.class).single()).isGreaterThan(36_000);
    }

    @Test
    void aMailProcessedAlreadyComesWithoutItsBytes() {
        long id = store("From: someone@relais.test\r\n\r\nHello\r\n".getBytes());
        jdbc.sql("update inbound_mail set state = 'processed' where id = :id").param("id", id).update();

        StoredMail mail = transaction.execute(status -> mails.lockForProcessing(id, true).orElseThrow());

        assertThat(mail.state()).isEqualTo("processed");
        assertThat(mail.head()).isNull();
        assertThat(mail.upload()).isEmpty();
    }

    @Test
    void aMailWhoseOriginalTheConsumerHoldsComesWithoutItsBytes() {
        long id = store("From: someone@relais.test\r\n\r\nHello\r\n".getBytes());

        StoredMail mail = transaction.execute(status -> mails.lockForProcessing(id, false).orElseThrow());

        assertThat(mail.state()).isEqualTo("received");
        assertThat(mail.size()).isEqualTo(36);
        assertThat(mail.head()).isNull();
    }

    private long store(byte[] original) {
        return jdbc.sql("""
                        insert into inbound_mail (dedup_key, message_id, sender, subject, raw, size_bytes)
                        values (md5(:raw), '<m@relais.test>', 'someone@relais.test', 'A mail', :raw, :size)
                        returning id
                        """)
                .param("raw", original).param("size", original.length)
                .query(Long.class).single();
    }
}
