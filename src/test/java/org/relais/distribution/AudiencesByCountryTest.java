package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/** "The authorities of Bulgaria" is one audience: its ministry, its agency and its embassy, not France's embassy. */
class AudiencesByCountryTest extends HubTest {

    @Autowired
    ListContacts contacts;

    @Test
    void theAuthoritiesOfACountryAreItsMinistriesAgenciesAndItsEmbassyInFrance() {
        assertThat(addresses("authorities-bg")).containsExactly("dazd@relais.test", "embassy-bg-paris@relais.test",
                "ministry-bg@relais.test");
        assertThat(addresses("authorities-md")).containsExactly("embassy-md-paris@relais.test",
                "ministry-md@relais.test", "protectia-copilului-md@relais.test");
        assertThat(addresses("authorities-fr")).contains("ambassade-bg@relais.test", "ambassade-md@relais.test",
                "ambassade-ro@relais.test", "afd@relais.test", "daecl@relais.test");
    }

    @Test
    void thePartnersOfMoldovaIncludeTheRussianSpeakingAuthorities() {
        assertThat(addresses("partners-md")).contains("cahul@relais.test", "comrat@relais.test",
                "tiraspol@relais.test").doesNotContain("arges@relais.test");
    }

    private List<String> addresses(String audience) {
        return contacts.members(List.of(audience), null).stream().map(ListContact::address).toList();
    }
}
