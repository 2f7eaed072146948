package org.relais.distribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.HubProperties;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.springframework.stereotype.Component;

/**
 * Writes one list mail to one contact: its own mail (never a list of other recipients), in its language, text and
 * HTML from the templates, quoting the contact's subscription reference, with List-Id, List-Unsubscribe (mailto and
 * a signed https link) and List-Unsubscribe-Post. A reply bound to it answers the subscription (unsubscribe, digest,
 * each). Returns the stored mail's id for the send queue.
 */
@Component
public class ListMailWriter {

    /** One letter: the template and its variables; the writer adds the name, tag and unsubscribe links. */
    public record Letter(String purpose, ListKind list, ListContact to, String language, String template,
                         Map<String, Object> variables, List<OutgoingMail.Attachment> attachments) {
    }

    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final ListContacts contacts;
    private final SignedLinks links;
    private final String hubAddress;
    private final String listDomain;

    ListMailWriter(MailTemplates templates, OutgoingMailComposer composer, ListContacts contacts, SignedLinks links,
                   HubProperties hub) {
        this.templates = templates;
        this.composer = composer;
        this.contacts = contacts;
        this.links = links;
        this.hubAddress = hub.hubAddress();
        this.listDomain = hub.hubAddress().substring(hub.hubAddress().indexOf('@') + 1);
    }

    public long write(Letter letter) {
        String address = letter.to().address();
        String reference = contacts.listReference(address);
        String unsubscribeUrl = links.unsubscribeUrl(address);
        Map<String, Object> variables = new HashMap<>(letter.variables());
        variables.put("name", letter.to().contact().name());
        variables.put("tag", "[" + reference + "]");
        variables.put("listReference", reference);
        variables.put("unsubscribeUrl", unsubscribeUrl);
        variables.put("hubAddress", hubAddress);
        MailTemplates.Rendered text = templates.render(letter.template(), letter.language(), variables);
        String html = templates.renderHtml(letter.template(), letter.language(), variables);
        OutgoingMail.ListHeaders headers = new OutgoingMail.ListHeaders(letter.list().id() + "." + listDomain,
                letter.list().displayName(), "unsubscribe [" + reference + "]", unsubscribeUrl);
        return composer.store(new OutgoingMail(letter.purpose(), null, address, letter.to().contact().name(),
                letter.language(), text, null, null, letter.attachments(), html, headers, reference));
    }
}
