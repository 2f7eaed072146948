package org.relais.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the hub trusts of its mail server ({@code relais.mail.*}).
 *
 * @param trustedAuthservId the authserv-id the partnership's mail server writes in its Authentication-Results
 *                          header (its host name, usually); empty: no sender is checked
 */
@ConfigurationProperties("relais.mail")
record SenderAuthenticationProperties(String trustedAuthservId) {
}
