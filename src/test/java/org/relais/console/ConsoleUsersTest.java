package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import jakarta.servlet.http.HttpSessionEvent;

/** Users come from configuration as hashes; production refuses to start without its own users. */
class ConsoleUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void usersAreReadWithTheirRole() {
        var users = ConsoleUsers.parse(List.of("ana:coordinator:{bcrypt}" + hash("x"), " ion:observer:{noop}y "));

        assertThat(users).extracting(user -> user.getUsername()).containsExactly("ana", "ion");
        assertThat(users.get(0).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
        assertThat(users.get(1).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OBSERVER");
    }

    @Test
    void anUnknownRoleOrAMissingHashStopsTheStart() {
        assertThatThrownBy(() -> ConsoleUsers.parse(List.of("ana:admin:{noop}x")))
                .hasMessageContaining("role 'admin'");
        assertThatThrownBy(() -> ConsoleUsers.parse(List.of("ana:coordinator")))
                .hasMessageContaining("name:role:password-hash");
    }

    @Test
    void productionRefusesToStartWithoutUsers() {
        assertThatThrownBy(() -> ConsoleUsers.checkForProduction(ConsoleUsers.parse(List.of()), encoder))
                .hasMessageContaining("RELAIS_CONSOLE_USERS");
    }

    @Test
    void productionRefusesTheDocumentedDevelopmentPassword() {
        var users = ConsoleUsers.parse(List.of("ana:coordinator:{bcrypt}" + hash("a long secret"),
                "ion:observer:{bcrypt}" + hash("relais")));

        assertThatThrownBy(() -> ConsoleUsers.checkForProduction(users, encoder))
                .hasMessageContaining("ion").hasMessageContaining("development password");
    }

    @Test
    void productionStartsWithUsersOfItsOwn() {
        var users = ConsoleUsers.parse(List.of("ana:coordinator:{bcrypt}" + hash("a long secret")));

        ConsoleUsers.checkForProduction(users, encoder);
        assertThat(encoder.matches("a long secret", users.get(0).getPassword())).isTrue();
    }

    @Test
    void aSessionEndsAfterTheConfiguredIdleTime() {
        ConsoleProperties properties = new ConsoleProperties(List.of(), false, Duration.ofMinutes(20), "fr",
                List.of("fr"), 5, List.of(), new ConsoleProperties.Alarms(Duration.ofSeconds(30),
                Duration.ofMinutes(10), 1), new ConsoleProperties.LoginThrottle(3, 10, Duration.ofSeconds(5),
                Duration.ofMinutes(15), Duration.ofHours(1)));
        MockHttpSession session = new MockHttpSession();

        new ConsoleSecurity().consoleSessionTimeout(properties).sessionCreated(new HttpSessionEvent(session));

        assertThat(session.getMaxInactiveInterval()).isEqualTo(20 * 60);
    }

    private static String hash(String password) {
        return new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(password);
    }
}
