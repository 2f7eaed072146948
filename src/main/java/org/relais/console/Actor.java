package org.relais.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the logged-in user, or the hub itself for what it does on its own (alarms). */
public final class Actor {

    public static final String HUB = "relais";

    private Actor() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? HUB : authentication.getName();
    }

    public static boolean isCoordinator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_COORDINATOR"));
    }
}
