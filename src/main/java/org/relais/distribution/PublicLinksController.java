package org.relais.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.relais.intake.MailParts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The links in list mail, reached without the console's login: each carries a signed token (see SignedLinks).
 * Opening the unsubscribe link only shows a button, because mail scanners open links; the button, or a mail client's
 * one-click POST (RFC 8058), unsubscribes.
 */
@RestController
@RequestMapping("/list")
class PublicLinksController {

    private final SignedLinks links;
    private final ListContacts contacts;
    private final DocumentWords words;
    private final MailParts parts;
    private final DistributionRepository distributions;
    private final Clock clock = Clock.systemUTC();

    PublicLinksController(SignedLinks links, ListContacts contacts, DocumentWords words, MailParts parts,
                          DistributionRepository distributions) {
        this.links = links;
        this.contacts = contacts;
        this.words = words;
        this.parts = parts;
        this.distributions = distributions;
    }

    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmUnsubscribe(@PathVariable String token) {
        return contact(token)
                .map(contact -> page(HttpStatus.OK, contact.contact().language(), "distribution.page.confirm",
                        """
                        <form method="post"><button type="submit">%s</button></form>
                        """.formatted(escape(words.text(contact.contact().language(), "distribution.page.button")))))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "fr", "distribution.page.invalid", ""));
    }

    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return contact(token)
                .map(contact -> {
                    contacts.unsubscribe(contact.address(), "link");
                    return page(HttpStatus.OK, contact.contact().language(), "distribution.page.done", "");
                })
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "fr", "distribution.page.invalid", ""));
    }

    /**
     * A distributed document: only a part that went out in a distribution is served, and only until the link expires
     * (410 then, in the document's language, with how to get it again).
     */
    @GetMapping("/documents/{token}/{fileName}")
    ResponseEntity<?> document(@PathVariable String token, @PathVariable String fileName) {
        Optional<SignedLinks.DocumentLink> link = links.documentLink(token);
        Optional<String> language = link.flatMap(found -> distributions.languageOfDistributedPart(found.partId()));
        if (language.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (!clock.instant().isBefore(link.get().expiresAt())) {
            return page(HttpStatus.GONE, language.get(), "distribution.page.expired", "");
        }
        return parts.part(link.get().partId())
                .filter(part -> part.content() != null)
                .<ResponseEntity<?>>map(part -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .header("Content-Disposition", ContentDisposition.attachment()
                                .filename(part.fileName() == null ? fileName : part.fileName(), StandardCharsets.UTF_8)
                                .build().toString())
                        .body(part.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private Optional<ListContact> contact(String token) {
        return links.unsubscribeAddress(token).flatMap(contacts::find);
    }

    private ResponseEntity<String> page(HttpStatus status, String language, String key, String form) {
        String text = escape(words.text(language, key));
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body("""
                        <!DOCTYPE html>
                        <html lang="%s"><head><meta charset="utf-8"><title>Relais</title></head>
                        <body><p>%s</p>%s</body></html>
                        """.formatted(language, text, form));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
