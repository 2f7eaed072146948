package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hub's signed addresses: made for one mail, one recipient and one purpose, under keys that can rotate. */
class SignedAddressesTest {

    private static final String OLD_KEY = "k1:first-secret-of-32-characters-xx";
    private static final String NEW_KEY = "k2:second-secret-of-32-characters-x";

    private static SignedAddresses addresses(String keys) {
        return new SignedAddresses(keys, "Hub@Relais.test");
    }

    @Test
    void anAddressVerifiesForItsMailRecipientAndPurposeOnly() {
        SignedAddresses hub = addresses(NEW_KEY);
        String address = hub.address(SignedAddresses.Kind.REPLY, 1234, "Suivi-FR@relais.test", "budget-review-request");

        assertThat(address).matches("hub\\+r\\.k2\\.ya\\.[0-9a-f]{20}@relais\\.test");
        SignedAddresses.Token token = hub.token(address.toUpperCase()).orElseThrow();
        assertThat(token.outgoingMailId()).isEqualTo(1234);
        assertThat(hub.verify(token, "suivi-fr@relais.test", "budget-review-request")).isTrue();
        assertThat(hub.verify(token, "suivi-ro@relais.test", "budget-review-request")).isFalse();
        assertThat(hub.verify(token, "suivi-fr@relais.test", "translation-job")).isFalse();
        assertThat(hub.token(address.replace("+r.", "+b.")).filter(t -> hub.verify(t, "suivi-fr@relais.test",
                "budget-review-request"))).as("a reply address is no bounce address").isEmpty();
    }

    @Test
    void aPreviousKeyStillVerifiesWhileListedAndAnUnknownKeyNever() {
        String signedWithOld = addresses(OLD_KEY).address(SignedAddresses.Kind.BOUNCE, 7, "cuf@relais.test",
                "distribution");

        SignedAddresses rotated = addresses(NEW_KEY + "," + OLD_KEY);
        assertThat(rotated.address(SignedAddresses.Kind.BOUNCE, 7, "cuf@relais.test", "distribution"))
                .as("the first key signs").contains("+b.k2.");
        assertThat(rotated.verify(rotated.token(signedWithOld).orElseThrow(), "cuf@relais.test", "distribution"))
                .isTrue();
        SignedAddresses withoutOld = addresses(NEW_KEY);
        assertThat(withoutOld.verify(withoutOld.token(signedWithOld).orElseThrow(), "cuf@relais.test",
                "distribution")).isFalse();
    }

    @Test
    void otherAddressesAndShortenedSignaturesAreNoToken() {
        SignedAddresses hub = addresses(NEW_KEY);
        String address = hub.address(SignedAddresses.Kind.REPLY, 5, "arges@relais.test", "intake-ack");

        assertThat(hub.token("hub@relais.test")).isEmpty();
        assertThat(hub.token(address.replace("@relais.test", "@elsewhere.test"))).isEmpty();
        assertThat(hub.token(address.replaceFirst("[0-9a-f]{2}@", "@"))).isEmpty();
        assertThat(hub.token("other+r.k2.5.00000000000000000000@relais.test")).isEmpty();
    }

    @Test
    void badKeysStopTheStart() {
        assertThatThrownBy(() -> addresses("")).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> addresses("K1:first-secret-of-32-characters-xx")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> addresses("k1:short")).hasMessageContaining("16 characters");
        assertThatThrownBy(() -> addresses(OLD_KEY + "," + OLD_KEY)).hasMessageContaining("once");
    }
}
