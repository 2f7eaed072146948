package org.relais.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keys by id, so that a key can be replaced without breaking what the previous one signed: written
 * {@code id:secret,id:secret}, the first one signs, every one verifies. Ids are short lower-case words (they travel
 * in mail addresses, which servers may fold to lower case).
 */
public final class SigningKeys {

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,8}");
    private static final int SHORTEST_SECRET = 16;

    /** A signature and the id of the key that made it. */
    public record Signature(String keyId, byte[] mac) {
    }

    private final String currentId;
    private final Map<String, byte[]> keys;
    private final int macLength;

    private SigningKeys(String currentId, Map<String, byte[]> keys, int macLength) {
        this.currentId = currentId;
        this.keys = keys;
        this.macLength = macLength;
    }

    /**
     * Reads {@code id:secret,id:secret}; {@code setting} names the property in the error of a bad value. Signatures
     * are cut to {@code macLength} bytes, and only a signature of that length verifies.
     */
    public static SigningKeys parse(String value, String setting, int macLength) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : (value == null ? "" : value).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            String secret = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!KEY_ID.matcher(id).matches() || secret.length() < SHORTEST_SECRET || keys.containsKey(id)) {
                throw new IllegalStateException(setting + " must be id:secret pairs, comma-separated: each id of 1 to"
                        + " 8 lower-case letters or digits, once, each secret of " + SHORTEST_SECRET
                        + " characters at least");
            }
            keys.put(id, secret.getBytes(StandardCharsets.UTF_8));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(setting + " must name at least one key (id:secret)");
        }
        return new SigningKeys(keys.keySet().iterator().next(), keys, macLength);
    }

    /** Signed with the current key. */
    public Signature sign(String purpose, String value) {
        return new Signature(currentId, Arrays.copyOf(Hmac.sign(keys.get(currentId), purpose, value), macLength));
    }

    /** Whether {@code mac} is the signature of the value by the key {@code keyId} (an unknown key signs nothing). */
    public boolean verify(String keyId, String purpose, String value, byte[] mac) {
        byte[] key = keys.get(keyId);
        if (key == null || mac.length != macLength) {
            return false;
        }
        return MessageDigest.isEqual(mac, Arrays.copyOf(Hmac.sign(key, purpose, value), mac.length));
    }
}
