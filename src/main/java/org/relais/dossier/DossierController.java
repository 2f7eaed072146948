package org.relais.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.relais.console.Actor;
import org.relais.distribution.SignedLinks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dossier's downloads: from the console (a coordinator or an observer, in the console's language when dossiers
 * are written in it), and through the signed link mailed when a dossier is too large to attach (no login, until the
 * link expires).
 */
@RestController
class DossierController {

    private final DossierRequests dossiers;
    private final DossierRepository repository;
    private final DossierProperties properties;
    private final SignedLinks links;
    private final Clock clock;

    DossierController(DossierRequests dossiers, DossierRepository repository, DossierProperties properties,
                      SignedLinks links, Clock clock) {
        this.dossiers = dossiers;
        this.repository = repository;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/seminars/{code}/dossier")
    ResponseEntity<byte[]> download(@PathVariable String code, Locale locale) {
        String language = properties.languages().contains(locale.getLanguage()) ? locale.getLanguage()
                : properties.languages().get(0);
        return dossiers.forConsole(code, language, Actor.current()).map(DossierController::zip)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such seminar"));
    }

    @GetMapping("/list/dossiers/{token}")
    ResponseEntity<byte[]> link(@PathVariable String token) {
        return links.dossierId(token, clock.instant()).flatMap(repository::archive).map(DossierController::zip)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> zip(DossierArchive.Archive archive) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(archive.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(archive.content());
    }
}
