package org.relais.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that sign the hub's reply and bounce addresses (relais.mail.reply-signing.*).
 *
 * @param secretKeys {@code id:secret} pairs, comma-separated; the first signs, every one verifies, so that a new key
 *                   can come first while mail signed with the previous one may still be answered (prod:
 *                   RELAIS_REPLY_SIGNING_KEYS)
 */
@ConfigurationProperties("relais.mail.reply-signing")
public record ReplySigningProperties(String secretKeys) {
}
