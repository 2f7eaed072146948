package org.relais.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.distribution.SignedLinks;
import org.relais.intake.DocumentMessage;
import org.relais.intake.MailParts;
import org.relais.mail.LongDates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.Answer;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.ReplyLimiter;
import org.relais.minutes.FlowMails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a coordinator's or a funder's mail asking for a seminar's dossier (intake recognised the request and the
 * seminar): the ZIP in the requester's language, attached — or, over {@code relais.dossier.max-attachment-bytes}, a
 * signed link to it. Without a seminar, the answer asks which one. Once per request; every dossier is stored.
 */
@Component("dossierRequests")
public class DossierRequests {

    static final String PURPOSE = "dossier-answer";
    private static final String ZIP = "application/zip";

    private final DossierAssembler assembler;
    private final DossierArchive archives;
    private final DossierRepository repository;
    private final DossierProperties properties;
    private final DirectoryRepository directory;
    private final MailParts parts;
    private final Messages messages;
    private final FlowMails mails;
    private final ReplyLimiter limiter;
    private final OutgoingMailLedger ledger;
    private final SignedLinks links;
    private final Clock clock;

    DossierRequests(DossierAssembler assembler, DossierArchive archives, DossierRepository repository,
                    DossierProperties properties, DirectoryRepository directory, MailParts parts, Messages messages,
                    FlowMails mails, ReplyLimiter limiter, OutgoingMailLedger ledger, SignedLinks links, Clock clock) {
        this.assembler = assembler;
        this.archives = archives;
        this.repository = repository;
        this.properties = properties;
        this.directory = directory;
        this.parts = parts;
        this.messages = messages;
        this.mails = mails;
        this.limiter = limiter;
        this.ledger = ledger;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public List<OutgoingTicket> answer(DocumentMessage request) {
        List<OutgoingTicket> written = ledger.ticketsFor(request.mailId(), PURPOSE);
        if (!written.isEmpty() || limiter.answer(new Answer(PURPOSE, request.mailId(), request.sender(), null,
                request.language(), Answer.ANSWERS_SUMMARY, false, request.fileName(), request.reference(), List.of(),
                null)) != ReplyLimiter.Delivery.AT_ONCE) {
            return written;
        }
        Contact requester = directory.contact(request.sender()).orElseThrow(
                () -> new IllegalStateException(request.sender() + " is not in the directory"));
        String language = properties.languages().contains(requester.language()) ? requester.language()
                : properties.languages().get(0);
        MailParts.Origin origin = parts.origin(request.mailId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", requester.name());
        variables.put("subject", OutgoingMailComposer.singleLine(origin.subject()));
        variables.put("tag", "[" + request.reference() + "]");
        Optional<Dossier> dossier = Optional.ofNullable(request.seminar()).flatMap(assembler::assemble);
        List<OutgoingMail.Attachment> attachments = new ArrayList<>();
        if (dossier.isEmpty()) {
            variables.put("seminar", null);
            variables.put("places", String.join(", ", directory.seminars().stream()
                    .map(seminar -> seminar.keywords().get(0)).toList()));
        } else {
            DossierArchive.Archive archive = archives.build(dossier.get(), language);
            long id = repository.store(dossier.get().seminar().code(), language, requester.address(),
                    request.mailId(), archive);
            variables.put("seminar", messages.get(language, "seminar.named", dossier.get().seminar().number(),
                    dossier.get().seminar().place()));
            variables.put("builtOn", LongDates.of(clock.instant().atZone(ZoneId.systemDefault())
                    .toLocalDate(), language));
            variables.put("fileName", archive.fileName());
            variables.put("size", messages.get(language, "dossier.size", Math.max(1, archive.content().length / 1024)));
            if (archive.content().length <= properties.maxAttachmentBytes()) {
                attachments.add(new OutgoingMail.Attachment(archive.fileName(), ZIP, archive.content()));
                variables.put("link", null);
            } else {
                Instant validUntil = clock.instant().plus(properties.linkValidity());
                variables.put("link", links.dossierUrl(id, validUntil));
                variables.put("validUntil", LongDates.of(validUntil.atZone(ZoneId.systemDefault())
                        .toLocalDate(), language));
            }
        }
        // the answer is written in the dossier's language (the requester's, when dossiers are written in it)
        Contact reader = new Contact(requester.address(), requester.name(), requester.organisationCode(), language,
                requester.roles(), requester.translatesTo());
        return mails.write(PURPOSE, request.mailId(), request.reference(), reader, PURPOSE, variables,
                new FlowMails.Thread(origin.messageId(), null), attachments);
    }

    /** A dossier built for a coordinator in the console, stored like those sent by mail. */
    @Transactional
    Optional<DossierArchive.Archive> forConsole(String seminarCode, String language, String coordinator) {
        return assembler.assemble(seminarCode).map(dossier -> {
            DossierArchive.Archive archive = archives.build(dossier, language);
            repository.store(seminarCode, language, coordinator, null, archive);
            return archive;
        });
    }
}
