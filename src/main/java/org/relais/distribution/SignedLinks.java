package org.relais.distribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.relais.signing.Hmac;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Links that work without a login because they carry their own proof: the value (an address, a part id and the
 * link's expiry) and an HMAC of it under a key named by its id in the link. New links are signed with the current key
 * (relais.distribution.link-secret, id link-key-id); links signed with a previous key stay valid as long as that key
 * is listed in previous-link-secrets, so that rotating the key breaks no link already mailed. Nobody can forge a link
 * for another address or document, or extend a document link's validity.
 */
@Component
public class SignedLinks {

    /** A document link's part and the instant after which it no longer serves the part. */
    public record DocumentLink(long partId, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String publicUrl;
    private final String currentKeyId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final Duration documentValidity;
    private final Clock clock;

    @Autowired
    SignedLinks(DistributionProperties properties) {
        this(properties.publicUrl(), properties.linkKeyId(), properties.linkSecrets(), properties.linkValidity(),
                Clock.systemUTC());
    }

    /** @param secrets each key's secret by its id, the current one among them */
    SignedLinks(String publicUrl, String currentKeyId, Map<String, String> secrets, Duration documentValidity,
                Clock clock) {
        this.publicUrl = publicUrl;
        this.currentKeyId = currentKeyId;
        secrets.forEach((id, secret) -> keys.put(id, secret.getBytes(StandardCharsets.UTF_8)));
        this.documentValidity = documentValidity;
        this.clock = clock;
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalStateException("No link secret for the current key id " + currentKeyId);
        }
    }

    public String unsubscribeUrl(String address) {
        return publicUrl + "/list/unsubscribe/" + token("unsubscribe", address);
    }

    /** A download link for a distributed part, valid for relais.distribution.link-validity from now. */
    public String documentUrl(long partId, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        Instant expiresAt = clock.instant().plus(documentValidity);
        return publicUrl + "/list/documents/" + token("document", partId + ":" + expiresAt.getEpochSecond()) + "/"
                + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    /** A stored funders' dossier's link, working until {@code validUntil} (it holds financial documents). */
    public String dossierUrl(long dossierId, Instant validUntil) {
        return publicUrl + "/list/dossiers/" + token("dossier", dossierId + ":" + validUntil.getEpochSecond());
    }

    /** The dossier a valid link names, while it is still valid at {@code now}. */
    public Optional<Long> dossierId(String token, Instant now) {
        return verify("dossier", token).map(value -> value.split(":"))
                .filter(fields -> fields.length == 2 && Long.parseLong(fields[1]) >= now.getEpochSecond())
                .map(fields -> Long.valueOf(fields[0]));
    }

    /** The address a valid unsubscribe token was made for. */
    public Optional<String> unsubscribeAddress(String token) {
        return verify("unsubscribe", token);
    }

    /** The part and expiry a valid document token was made for, expired or not. */
    public Optional<DocumentLink> documentLink(String token) {
        return verify("document", token).flatMap(value -> {
            String[] fields = value.split(":");
            try {
                return fields.length == 2 ? Optional.of(new DocumentLink(Long.parseLong(fields[0]),
                        Instant.ofEpochSecond(Long.parseLong(fields[1])))) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** {@code keyId.value.signature}, value and signature in URL-safe Base64. */
    String token(String purpose, String value) {
        return currentKeyId + "." + ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac(keys.get(currentKeyId), purpose, currentKeyId, value));
    }

    private Optional<String> verify(String purpose, String token) {
        String[] fields = token == null ? new String[0] : token.split("\\.", -1);
        if (fields.length != 3 || !keys.containsKey(fields[0])) {
            return Optional.empty();
        }
        try {
            String value = new String(DECODER.decode(fields[1]), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(fields[2]);
            return MessageDigest.isEqual(signature, mac(keys.get(fields[0]), purpose, fields[0], value))
                    ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] key, String purpose, String keyId, String value) {
        return Hmac.sign(key, purpose, keyId + ":" + value);
    }
}
