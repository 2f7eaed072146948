package org.relais.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionSecretsCheckTest {

    private final ProductionSecretsCheck check = new ProductionSecretsCheck();

    private static StandardEnvironment production(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        environment.setActiveProfiles("prod");
        return environment;
    }

    private static Map<String, Object> everySecret() {
        Map<String, Object> settings = new HashMap<>();
        ProductionSecretsCheck.REQUIRED.keySet().forEach(key -> settings.put(key, "set"));
        return settings;
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
    void theDevelopmentRunNeedsNoSecret() {
        StandardEnvironment development = new StandardEnvironment();
        assertThatCode(() -> check.postProcessEnvironment(development, null)).doesNotThrowAnyException();
        assertThat(development.getActiveProfiles()).isEmpty();
    }
}
