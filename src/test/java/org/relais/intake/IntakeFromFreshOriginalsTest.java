package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.relais.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consumer understands a mail from the original its poll kept in memory (FreshOriginals) exactly as from the one it
 * reads back from PostgreSQL when none was kept.
 */
class IntakeFromFreshOriginalsTest extends HubTest {

    private static final String WHAT_INTAKE_RECORDED = """
            select m.state || ' ' || coalesce(m.language, '-') || ' ' || coalesce(m.seminar_code, '-') || ' '
                   || coalesce(m.problem, '-') || ' | ' || string_agg(p.position || ' ' || coalesce(p.file_name, '-')
                   || ' ' || coalesce(p.detected_type, '-') || ' ' || p.size_bytes || ' ' || coalesce(p.kind, '-')
                   || ' ' || coalesce(p.rejection, '-'), ' | ' order by p.position)
            from inbound_mail m join mail_part p on p.mail_id = m.id
            where m.id = :id
            group by m.id
            """;

    @Autowired
    private IntakeProcessor processor;

    @Autowired
    private FreshOriginals originals;

    @Test
    void aMailIsUnderstoodFromTheOriginalKeptForItAsFromTheOneReadBackFromPostgreSql() throws Exception {
        byte[] raw = TestMail.bytes(mail().subject("Proces-verbal seminar Argeș")
                .text("Bună ziua, vă trimitem procesul-verbal.")
                .attach("proces-verbal.pdf", Files.pdf("proces-verbal"), "application/pdf").build());
        long kept = store(raw, "kept");
        long readBack = store(raw, "read back");
        originals.hold(kept, raw);

        IntakeOutcome fromMemory = processor.process(new IntakeTicket(kept));
        assertThat(originals.bytesHeld()).as("taken by its consumer").isZero();
        IntakeOutcome fromPostgreSql = processor.process(new IntakeTicket(readBack));

        String recorded = jdbc.sql(WHAT_INTAKE_RECORDED).param("id", kept).query(String.class).single();
        assertThat(recorded).startsWith("processed ro S1-ARGES ").contains("proces-verbal.pdf pdf 93 minutes");
        assertThat(jdbc.sql(WHAT_INTAKE_RECORDED).param("id", readBack).query(String.class).single())
                .isEqualTo(recorded);
        assertThat(List.of(fromMemory.documents().size(), fromMemory.mails().size()))
                .isEqualTo(List.of(fromPostgreSql.documents().size(), fromPostgreSql.mails().size()));
    }

    private long store(byte[] raw, String key) {
        return jdbc.sql("""
                        insert into inbound_mail (dedup_key, message_id, sender, subject, raw, size_bytes)
                        values (:key, '<m@relais.test>', 'arges@relais.test', 'Proces-verbal', :raw, :size)
                        returning id
                        """)
                .param("key", key).param("raw", raw).param("size", raw.length)
                .query(Long.class).single();
    }
}
