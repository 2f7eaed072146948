package org.relais.console;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing on the console: a login attempt (the login form, or HTTP Basic credentials) whose
 * user name or client address failed too often lately is answered 429 Too Many Requests with Retry-After, before
 * any password is checked; each failure and each refusal is logged with the user name and the address, never the
 * password. Spring Security's authentication events count failures and successes.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String BASIC = "Basic ";

    private final LoginAttempts attempts;

    LoginThrottle(ConsoleProperties properties, Clock clock) {
        this.attempts = new LoginAttempts(properties.loginThrottle(), clock);
    }

    /** The filter that answers 429, placed in the console's security chain before the login checks. */
    Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (mayTry(request, response)) {
                    chain.doFilter(request, response);
                }
            }
        };
    }

    private boolean mayTry(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> user = attemptedUser(request);
        if (user.isPresent()) {
            Optional<Duration> wait = attempts.waitBefore(user.get(), request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                log.warn("Console login of user '{}' from {} refused for {} s: too many failed attempts",
                        printable(user.get()), request.getRemoteAddr(), seconds);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return false;
            }
        }
        return true;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication());
        int failures = attempts.failed(event.getAuthentication().getName(), address);
        log.warn("Console login of user '{}' from {} failed ({} in a row)",
                printable(event.getAuthentication().getName()), address, failures);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        attempts.succeeded(event.getAuthentication().getName());
    }

    /** The user name a request tries to log in with: the login form's, or HTTP Basic's. */
    private static Optional<String> attemptedUser(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String user = request.getParameter("username");
            return Optional.of(user == null ? "" : user.strip());
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length())
                        .strip()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return Optional.of(colon < 0 ? credentials : credentials.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
    }

    /** A user name as typed, made safe for one log line. */
    private static String printable(String user) {
        String line = user.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 64 ? line.substring(0, 64) + "…" : line;
    }
}
