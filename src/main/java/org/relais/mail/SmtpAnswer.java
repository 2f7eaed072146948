package org.relais.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What the SMTP server said when it refused a mail. A 5xx reply is final (the address does not exist, the mail is
 * refused); a 4xx reply and anything that is not a reply at all (server down, timeout) are worth another try.
 */
public record SmtpAnswer(int code, String text) {

    public boolean permanent() {
        return code >= 500 && code < 600;
    }

    static SmtpAnswer of(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            int code = returnCode(t);
            if (code > 0) {
                return new SmtpAnswer(code, clean(t.getMessage()));
            }
        }
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return new SmtpAnswer(0, clean(root.getClass().getSimpleName() + ": " + root.getMessage()));
    }

    private static int returnCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String clean(String text) {
        return text == null ? "" : OutgoingMailComposer.singleLine(text);
    }
}
