package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped demo directory is what the domain promises users who try the hub by mail. */
class DirectoryLoadedTest extends HubTest {

    @Autowired
    DirectoryRepository directory;

    @Autowired
    DirectoryLoader loader;

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @CsvSource({
            "arges@relais.test, ro, organiser", "tulcea@relais.test, ro, organiser", "neamt@relais.test, ro, organiser",
            "varna@relais.test, bg, organiser", "pazardzhik@relais.test, bg, organiser",
            "cahul@relais.test, ro, organiser", "savoie@relais.test, fr, funder",
            "solidarite-laique@relais.test, fr, funder", "suivi-fr@relais.test, fr, follow-up",
            "suivi-ro@relais.test, ro, follow-up", "suivi-bg@relais.test, bg, follow-up",
            "suivi-md@relais.test, ro, follow-up", "traduction-fr@relais.test, fr, translator",
            "traducere-ro@relais.test, ro, translator", "prevod-bg@relais.test, bg, translator",
            "coordination@relais.test, fr, coordinator", "uncjr@relais.test, ro, network",
            "anmrb@relais.test, bg, network", "fonpc@relais.test, ro, network", "cuf@relais.test, fr, network",
            "ambassade-ro@relais.test, fr, embassy", "ambassade-bg@relais.test, fr, embassy",
            "ambassade-md@relais.test, fr, embassy", "presse-savoie@relais.test, fr, press",
            "presa-arges@relais.test, ro, press", "presa-varna@relais.test, bg, press",
            "ministry-ro@relais.test, ro, ministry", "ministry-bg@relais.test, bg, ministry",
            "ministry-md@relais.test, ro, ministry", "embassy-ro-paris@relais.test, ro, embassy",
            "embassy-bg-paris@relais.test, bg, embassy", "embassy-md-paris@relais.test, ro, embassy",
            "comrat@relais.test, ru, partner", "tiraspol@relais.test, ru, partner"})
    void everyDemoAddressIsLoadedWithItsLanguageAndRole(String address, String language, String role) {
        Contact contact = directory.contact(address).orElseThrow();
        assertThat(contact.language()).isEqualTo(language);
        assertThat(contact.roles()).contains(role);
    }

    @Test
    void everyOrganisationOfTheReportHasAContactToWriteTo() {
        assertThat(jdbc.sql("""
                        select o.code from organisation o
                        where not exists (select 1 from contact c where c.organisation_code = o.code)
                        """).query(String.class).list())
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from organisation where kind in ('ministry', 'agency', 'embassy')")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void translatorsKnowTheirTargetLanguage() {
        assertThat(directory.contactsWithRole("translator")).extracting(Contact::translatesTo)
                .containsExactlyInAnyOrder("fr", "ro", "bg");
    }

    @Test
    void theSixSeminarsAreLoadedWithOrganiserAndPlannedMonth() {
        List<Seminar> seminars = directory.seminars();
        assertThat(seminars).extracting(Seminar::organiserCode)
                .containsExactly("arges", "tulcea", "neamt", "varna", "pazardzhik", "cahul");
        assertThat(seminars.get(0).plannedMonth()).isEqualTo(YearMonth.of(2009, 9));
        assertThat(seminars.get(5).plannedMonth()).isEqualTo(YearMonth.of(2009, 12));
    }

    @Test
    void theSeminarsAreReadOnceAfterEachLoadOfTheDirectoryThenKept() throws Exception {
        String loadedTitle = jdbc.sql("select title from seminar where code = 'S1-ARGES'").query(String.class).single();
        loader.afterPropertiesSet();
        jdbc.sql("update seminar set title = 'Changed behind the hub' where code = 'S1-ARGES'").update();
        assertThat(directory.seminars().get(0).title()).as("kept since the load").isEqualTo(loadedTitle);

        assertThat(directory.reloadSeminars().get(0).title()).isEqualTo("Changed behind the hub");
        assertThat(directory.seminars().get(0).title()).isEqualTo("Changed behind the hub");

        loader.afterPropertiesSet();
        assertThat(directory.seminars().get(0).title()).as("the configuration's again").isEqualTo(loadedTitle);
    }

    @Test
    void loadingTwiceChangesNothing() throws Exception {
        String before = jdbc.sql("select string_agg(address || updated_at, ',' order by address) from contact")
                .query(String.class).single();
        loader.afterPropertiesSet();
        assertThat(jdbc.sql("select string_agg(address || updated_at, ',' order by address) from contact")
                .query(String.class).single()).isEqualTo(before);
    }

    @Test
    void aStartDoesNotWaitOnContactsAnotherInstanceHolds() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select * from contact where address = 'arges@relais.test' for update")) {
                lock.executeQuery();
                CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                    try {
                        loader.afterPropertiesSet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(load).succeedsWithin(Duration.ofSeconds(10));
            } finally {
                other.rollback();
            }
        }
    }
}
