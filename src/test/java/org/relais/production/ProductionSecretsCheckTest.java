package org.relais.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionSecretsCheckTest {

    private static final ProductionSecretsCheck check = new ProductionSecretsCheck();

    private static StandardEnvironment production(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        environment.setActiveProfiles("prod");
        return environment;
    }

    private static Map<String, Object> everySecret() {
        Map<String, Object> settings = new HashMap<>();
        ProductionSecretsCheck.REQUIRED.keySet().forEach(key -> settings.put(key, "set"));
        settings.put("relais.distribution.link-secret", Base64.getEncoder().encodeToString(randomBytes(32)));
        return settings;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String refusal(String linkSecret, String previous) {
        Map<String, Object> settings = everySecret();
        settings.put("relais.distribution.link-secret", linkSecret);
        if (previous != null) {
            settings.put("relais.distribution.previous-link-secrets", previous);
        }
        try {
            check.postProcessEnvironment(production(settings), null);
            return null;
        } catch (IllegalStateException refused) {
            return refused.getMessage();
        }
    }

    @Test
    void aProductionStartWithMissingSecretsFailsNamingEachVariable() {
        Map<String, Object> settings = everySecret();
        settings.remove("spring.datasource.password");
        settings.put("relais.mail.imap.password", " ");
        settings.put("relais.console.users", "${RELAIS_CONSOLE_USERS}");

        assertThatThrownBy(() -> check.postProcessEnvironment(production(settings), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RELAIS_CONSOLE_USERS, RELAIS_DB_PASSWORD, RELAIS_IMAP_PASSWORD")
                .message().doesNotContain("RELAIS_SMTP_PASSWORD");
    }

    @Test
    void aProductionStartWithEverySecretGoesOn() {
        assertThatCode(() -> check.postProcessEnvironment(production(everySecret()), null)).doesNotThrowAnyException();
    }

    @Test
    void aLinkSecretOfThirtyTwoRandomBytesInBase64OrHexIsAccepted() {
        byte[] random = randomBytes(32);

        assertThat(refusal(Base64.getEncoder().encodeToString(random), null)).isNull();
        assertThat(refusal(Base64.getUrlEncoder().withoutPadding().encodeToString(random), null)).isNull();
        assertThat(refusal(HexFormat.of().formatHex(randomBytes(48)), null)).isNull();
        assertThat(refusal(Base64.getEncoder().encodeToString(random),
                "1:" + Base64.getEncoder().encodeToString(randomBytes(32)))).isNull();
    }

    @Test
    void placeholdersTheDevelopmentValueShortOrRepetitiveSecretsStopTheStartNamingTheVariable() {
        assertThat(refusal("change-me-to-32-random-characters", null))
                .contains("RELAIS_LINK_SECRET: it looks like a placeholder", "openssl rand -base64 32");
        assertThat(refusal("development-only-link-secret", null)).contains("RELAIS_LINK_SECRET", "placeholder");
        assertThat(refusal(Base64.getEncoder().encodeToString(randomBytes(16)), null))
                .contains("RELAIS_LINK_SECRET: it holds 16 bytes, fewer than 32");
        assertThat(refusal("Q".repeat(44), null)).contains("RELAIS_LINK_SECRET: it repeats itself");
        assertThat(refusal("ab".repeat(32), null)).contains("RELAIS_LINK_SECRET: it repeats itself");
        assertThat(refusal("a sentence, anyone's words, not random bytes", null))
                .contains("neither Base64 nor hexadecimal");
    }

    @Test
    void aWeakPreviousLinkSecretIsNamedByItsKeyId() {
        assertThat(refusal(Base64.getEncoder().encodeToString(randomBytes(32)), "2024:changeme-changeme-changeme"))
                .contains("RELAIS_PREVIOUS_LINK_SECRETS, key 2024: it looks like a placeholder")
                .doesNotContain("RELAIS_LINK_SECRET:");
    }

    @Test
    void theDevelopmentRunNeedsNoSecret() {
        StandardEnvironment development = new StandardEnvironment();
        assertThatCode(() -> check.postProcessEnvironment(development, null)).doesNotThrowAnyException();
        assertThat(development.getActiveProfiles()).isEmpty();
    }
}
