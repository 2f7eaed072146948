package org.relais.mail;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.HubProperties;
import org.relais.signing.SigningKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Plus-addresses of the hub's own mailbox that name one mail of the ledger and prove it: {@code hub+r.<token>@…},
 * the Reply-To of every mail the hub writes, and {@code hub+b.<token>@…}, its envelope sender, where delivery reports
 * go (VERP). The token is {@code <key id>.<mail id>.<mac>}: the mail's id in base 36 and the first 80 bits of an HMAC
 * over the kind, the id, the recipient and the purpose, in hex — all lower case, since servers may fold the case of
 * an address. Only the recipient ever sees the token; references and Message-IDs aside, it cannot be guessed.
 */
@Component
public class SignedAddresses {

    /** What the address is for: replies, or delivery reports. */
    public enum Kind {
        REPLY("r"), BOUNCE("b");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    /** A token read from an address, still to verify against the ledger's row of that mail. */
    record Token(Kind kind, String keyId, long outgoingMailId, byte[] mac) {
    }

    private static final int MAC_BYTES = 10;
    private static final HexFormat HEX = HexFormat.of();

    private final SigningKeys keys;
    private final String local;
    private final String domain;
    private final Pattern signed;

    @Autowired
    SignedAddresses(MailProperties properties, HubProperties hub) {
        this(properties.replySigning().secretKeys(), hub.hubAddress());
    }

    SignedAddresses(String secretKeys, String hubAddress) {
        this.keys = SigningKeys.parse(secretKeys, "relais.mail.reply-signing.secret-keys", MAC_BYTES);
        String address = hubAddress.toLowerCase(Locale.ROOT);
        this.local = address.substring(0, address.indexOf('@'));
        this.domain = address.substring(address.indexOf('@') + 1);
        this.signed = Pattern.compile(Pattern.quote(local) + "\\+([rb])\\.([a-z0-9]{1,8})\\.([a-z0-9]{1,13})\\.([0-9a-f]{"
                + 2 * MAC_BYTES + "})@" + Pattern.quote(domain));
    }

    public String address(Kind kind, long outgoingMailId, String recipient, String purpose) {
        String id = Long.toString(outgoingMailId, 36);
        SigningKeys.Signature signature = keys.sign(kind.tag, signedValue(id, recipient, purpose));
        return local + "+" + kind.tag + "." + signature.keyId() + "." + id + "." + HEX.formatHex(signature.mac())
                + "@" + domain;
    }

    /** The token of one of the hub's signed addresses; empty for any other address. */
    Optional<Token> token(String address) {
        Matcher matcher = signed.matcher(address.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = matcher.group(1).equals(Kind.REPLY.tag) ? Kind.REPLY : Kind.BOUNCE;
        try {
            return Optional.of(new Token(kind, matcher.group(2), Long.parseLong(matcher.group(3), 36),
                    HEX.parseHex(matcher.group(4))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the token was made by one of the keys for this mail, to this recipient, for this purpose. */
    boolean verify(Token token, String recipient, String purpose) {
        return keys.verify(token.keyId(), token.kind().tag,
                signedValue(Long.toString(token.outgoingMailId(), 36), recipient, purpose), token.mac());
    }

    private static String signedValue(String id, String recipient, String purpose) {
        return id + ":" + recipient.toLowerCase(Locale.ROOT) + ":" + purpose;
    }
}
