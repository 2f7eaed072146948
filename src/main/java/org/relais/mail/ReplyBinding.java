package org.relais.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which mail of the hub an incoming mail answers, when it proves it: it came to that mail's signed Reply-To with a
 * token valid for its sender, or it quotes that mail's Message-ID (In-Reply-To, References) and comes from the
 * address the mail was written to. A From header or a reference in a subject proves nothing (anyone writes them);
 * a forwarded or quoted request does not make a third party its recipient.
 */
@Component
public class ReplyBinding {

    /**
     * Headers that may carry the address the server delivered a mail to: production servers put the plus-address
     * in Delivered-To or X-Original-To when they deliver into the hub's one mailbox; To and Cc are what the writer
     * addressed. Any of them will do, since only a valid token binds.
     */
    private static final List<String> RECIPIENT_HEADERS = List.of("Delivered-To", "X-Original-To", "Envelope-To",
            "X-Envelope-To", "X-Delivered-To", "To", "Cc");
    /** The envelope recipient some servers note in their Received line: "… for <hub+r…@…>; date". */
    private static final Pattern RECEIVED_FOR = Pattern.compile("\\bfor\\s+<?([^\\s<>;]+@[^\\s<>;]+)>?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,250}>");
    /** Long threads quote many Message-IDs; the most recent ones are those that matter. */
    private static final int MAX_QUOTED_IDS = 20;

    private final SignedAddresses addresses;
    private final OutgoingMailRepository ledger;

    ReplyBinding(SignedAddresses addresses, OutgoingMailRepository ledger) {
        this.addresses = addresses;
        this.ledger = ledger;
    }

    /** The hub's mail {@code message}, from {@code sender}, answers: by its signed address first, then the thread. */
    public Optional<OutgoingMailLedger.Written> of(MimeMessage message, String sender) throws MessagingException {
        if (sender == null) {
            return Optional.empty();
        }
        Optional<OutgoingMailLedger.Written> byAddress = signed(message, SignedAddresses.Kind.REPLY)
                .filter(written -> written.recipient().equalsIgnoreCase(sender));
        if (byAddress.isPresent()) {
            return byAddress;
        }
        for (String messageId : quotedMessageIds(message)) {
            Optional<OutgoingMailLedger.Written> written = ledger.byMessageId(messageId);
            if (written.isPresent() && written.get().recipient().equalsIgnoreCase(sender)) {
                return written;
            }
        }
        return Optional.empty();
    }

    /** The mail a delivery report is about, when the report came to that mail's signed bounce address. */
    public Optional<OutgoingMailLedger.Written> bounced(MimeMessage report) throws MessagingException {
        return signed(report, SignedAddresses.Kind.BOUNCE);
    }

    private Optional<OutgoingMailLedger.Written> signed(MimeMessage message, SignedAddresses.Kind kind)
            throws MessagingException {
        for (String address : deliveredTo(message)) {
            Optional<SignedAddresses.Token> token = addresses.token(address).filter(t -> t.kind() == kind);
            if (token.isPresent()) {
                Optional<OutgoingMailLedger.Written> written = ledger.byId(token.get().outgoingMailId())
                        .filter(w -> addresses.verify(token.get(), w.recipient(), w.purpose()));
                if (written.isPresent()) {
                    return written;
                }
            }
        }
        return Optional.empty();
    }

    /** Every address the mail says it was delivered or written to, in the order of {@link #RECIPIENT_HEADERS}. */
    static Set<String> deliveredTo(MimeMessage message) throws MessagingException {
        Set<String> found = new LinkedHashSet<>();
        for (String header : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(header);
            for (String value : values == null ? new String[0] : values) {
                found.addAll(addressesIn(value));
            }
        }
        String[] received = message.getHeader("Received");
        for (String line : received == null ? new String[0] : received) {
            Matcher matcher = RECEIVED_FOR.matcher(line);
            while (matcher.find()) {
                found.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return found;
    }

    private static List<String> addressesIn(String header) {
        try {
            List<String> addresses = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.getAddress() != null) {
                    addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                }
            }
            return addresses;
        } catch (AddressException e) {
            return List.of();
        }
    }

    /** In-Reply-To first, then References from the most recent. */
    private static List<String> quotedMessageIds(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>(idsIn(message.getHeader("In-Reply-To", " ")));
        List<String> references = idsIn(message.getHeader("References", " "));
        for (int i = references.size() - 1; i >= 0 && ids.size() < MAX_QUOTED_IDS; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids.size() > MAX_QUOTED_IDS ? ids.subList(0, MAX_QUOTED_IDS) : ids;
    }

    private static List<String> idsIn(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }
}
