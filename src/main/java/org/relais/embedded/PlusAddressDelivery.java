package org.relais.embedded;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Delivers mail to a plus-address ({@code hub+r.…@relais.test}) into the mailbox of its base address, with a
 * Delivered-To header naming the address as written in the envelope — what Postfix and Dovecot do with
 * {@code recipient_delimiter = +}. Every address has a mailbox, made at its first mail.
 */
final class PlusAddressDelivery implements MessageDeliveryHandler {

    private final UserManager users;
    /** The mail as it came, for each recipient's own copy (GreenMail hands one message to every recipient). */
    private final Map<MovingMessage, MimeMessage> originals = Collections.synchronizedMap(new WeakHashMap<>());

    PlusAddressDelivery(UserManager users) {
        this.users = users;
    }

    @Override
    public GreenMailUser handle(MovingMessage mail, MailAddress address) throws MessagingException, UserException {
        String written = address.getEmail();
        int plus = written.indexOf('+');
        int at = written.lastIndexOf('@');
        String base = plus > 0 && plus < at ? written.substring(0, plus) + written.substring(at) : written;
        MimeMessage original = originals.computeIfAbsent(mail, MovingMessage::getMessage);
        if (base.equals(written)) {
            mail.setMimeMessage(original);
        } else {
            MimeMessage copy = new MimeMessage(original);
            copy.addHeader("Delivered-To", written);
            mail.setMimeMessage(copy);
        }
        GreenMailUser user = users.getUserByEmail(base);
        return user != null ? user : users.createUser(base, base, base);
    }
}
