package org.relais.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's users as configuration gives them ({@code name:role:hash}). Only hashes are ever configured; the
 * development password is known (README), so a production start refuses any user who still has it.
 */
final class ConsoleUsers {

    static final String DEVELOPMENT_PASSWORD = "relais";
    static final List<String> ROLES = List.of("coordinator", "observer");

    private ConsoleUsers() {
    }

    static List<UserDetails> parse(List<String> entries) {
        List<UserDetails> users = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] fields = entry.strip().split(":", 3);
            if (fields.length != 3 || fields[0].isBlank() || fields[2].isBlank()) {
                throw new IllegalStateException("relais.console.users: '" + fields[0]
                        + "…' is not name:role:password-hash");
            }
            String role = fields[1].strip().toLowerCase(Locale.ROOT);
            if (!ROLES.contains(role)) {
                throw new IllegalStateException("relais.console.users: user " + fields[0] + " has role '" + role
                        + "'; the roles are " + ROLES);
            }
            users.add(User.withUsername(fields[0].strip()).password(fields[2].strip())
                    .roles(role.toUpperCase(Locale.ROOT)).build());
        }
        return users;
    }

    /** What production refuses: no user at all, or a user who can log in with the documented password. */
    static void checkForProduction(List<UserDetails> users, PasswordEncoder encoder) {
        if (users.isEmpty()) {
            throw new IllegalStateException("No console user configured: set RELAIS_CONSOLE_USERS "
                    + "(relais.console.users) to name:role:{bcrypt}hash,... before starting with the prod profile");
        }
        for (UserDetails user : users) {
            if (encoder.matches(DEVELOPMENT_PASSWORD, user.getPassword())) {
                throw new IllegalStateException("Console user " + user.getUsername()
                        + " has the development password: give every production user a password of its own");
            }
        }
    }
}
