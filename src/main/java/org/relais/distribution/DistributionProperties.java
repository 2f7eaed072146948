package org.relais.distribution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of list mail ({@code relais.distribution.*}, config/application.yml).
 *
 * @param languages             the partnership's languages: a policy "all-languages" waits for a version in each
 * @param languageFallback      the order in which another language is chosen when a reader's is not available
 * @param publicUrl             where the hub's public links (unsubscribe, documents) are reached from outside
 * @param linkSecret            the key that signs new links (prod: RELAIS_LINK_SECRET)
 * @param linkKeyId             its id, written in every link (prod: RELAIS_LINK_KEY_ID); letters, digits, - and _
 * @param previousLinkSecrets   {@code id:secret} of earlier keys, whose links stay valid after a rotation
 *                              (prod: RELAIS_PREVIOUS_LINK_SECRETS, comma-separated)
 * @param linkValidity          how long a document link serves its document
 * @param resendUnsentAfter     a list mail still unsent this long after it was written is queued again
 * @param hardBouncesBeforeFlag hard bounces after which a contact gets no more list mail
 * @param softBounceRetries     how many times a mail that bounced softly is sent again
 * @param softBounceDelay       how long after a soft bounce it is sent again
 */
@ConfigurationProperties("relais.distribution")
@Validated
public record DistributionProperties(
        @NotEmpty List<String> languages,
        @NotEmpty List<String> languageFallback,
        @NotBlank String publicUrl,
        String linkSecret,
        @NotBlank String linkKeyId,
        @NotNull List<String> previousLinkSecrets,
        @NotNull Duration linkValidity,
        @NotNull Duration resendUnsentAfter,
        @Positive int hardBouncesBeforeFlag,
        @PositiveOrZero int softBounceRetries,
        @NotNull Duration softBounceDelay) {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public DistributionProperties {
        if (linkSecret == null || linkSecret.length() < 16) {
            throw new IllegalStateException("relais.distribution.link-secret must be set (16 characters at least)");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        previousLinkSecrets = previousLinkSecrets.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .toList();
        secretsById(linkKeyId, linkSecret, previousLinkSecrets);
    }

    /** Every link secret by its key id, the current one first. */
    public Map<String, String> linkSecrets() {
        return secretsById(linkKeyId, linkSecret, previousLinkSecrets);
    }

    private static Map<String, String> secretsById(String currentId, String current, List<String> previous) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(currentId, current);
        for (String entry : previous) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (secrets.putIfAbsent(id, entry.substring(colon + 1)) != null || entry.length() - colon - 1 < 16) {
                throw new IllegalStateException("relais.distribution.previous-link-secrets: each entry is id:secret"
                        + " with an id of its own and a secret of 16 characters at least");
            }
        }
        secrets.keySet().stream().filter(id -> !KEY_ID.matcher(id).matches()).findFirst().ifPresent(id -> {
            throw new IllegalStateException("A link key id is made of letters, digits, - and _ (at most 32): '"
                    + id + "'");
        });
        return secrets;
    }
}
