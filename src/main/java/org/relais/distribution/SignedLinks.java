package org.relais.distribution;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Links that work without a login because they carry their own proof: the value (an address, a part id) and an
 * HMAC of it under relais.distribution.link-secret. Nobody can forge a link for another address or document.
 */
@Component
public class SignedLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final String publicUrl;

    SignedLinks(DistributionProperties properties) {
        this.secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
        this.publicUrl = properties.publicUrl();
    }

    public String unsubscribeUrl(String address) {
        return publicUrl + "/list/unsubscribe/" + token("unsubscribe", address);
    }

    public String documentUrl(long partId, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        return publicUrl + "/list/documents/" + token("document", Long.toString(partId)) + "/"
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

    public Optional<Long> documentPart(String token) {
        return verify("document", token).map(Long::valueOf);
    }

    String token(String purpose, String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(
                mac(purpose, value));
    }

    private Optional<String> verify(String purpose, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String value = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(purpose, value)) ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
