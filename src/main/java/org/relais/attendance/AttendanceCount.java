package org.relais.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.HubProperties;
import org.relais.intake.DocumentMessage;
import org.relais.intake.MailParts;
import org.relais.mail.LongDates;
import org.relais.mail.MailTemplates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.FlowMails;
import org.relais.minutes.LanguageNames;
import org.relais.spreadsheet.LoadedWorkbook;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.WorkbookLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an attendance sheet an organiser mailed in, keeps its participants for the evaluation, and answers with the
 * counts as understood (by category and country, and the rows whose category was not recognised), so a misread is
 * visible at once. The coordinators are asked for the categories not recognised, and correct them by replying or in
 * the console (org.relais.decision).
 */
@Component("attendanceCount")
public class AttendanceCount {

    static final String PURPOSE = "attendance-counts";
    static final String CATEGORIES_PURPOSE = "attendance-categories";

    private final WorkbookLoader spreadsheets;
    private final AttendanceReader reader;
    private final AttendanceVocabulary vocabulary;
    private final AttendanceRepository attendance;
    private final MailParts parts;
    private final MailTemplates templates;
    private final Messages messages;
    private final OutgoingMailComposer composer;
    private final OutgoingMailLedger ledger;
    private final FlowMails flowMails;
    private final LanguageNames names;

    AttendanceCount(WorkbookLoader spreadsheets, AttendanceRepository attendance, MailParts parts,
                    MailTemplates templates, Messages messages, OutgoingMailComposer composer,
                    OutgoingMailLedger ledger, FlowMails flowMails, LanguageNames names, HubProperties hub) {
        this.spreadsheets = spreadsheets;
        this.vocabulary = AttendanceVocabulary.load(hub.configDir().resolve("attendance/columns.yaml"));
        this.reader = new AttendanceReader(vocabulary);
        this.attendance = attendance;
        this.parts = parts;
        this.templates = templates;
        this.messages = messages;
        this.composer = composer;
        this.ledger = ledger;
        this.flowMails = flowMails;
        this.names = names;
    }

    @Transactional
    public List<OutgoingTicket> count(DocumentMessage document) {
        if (attendance.isRead(document.documentId())) {
            List<OutgoingTicket> written = new ArrayList<>(ledger.ticketsFor(document.mailId(), PURPOSE));
            written.addAll(ledger.ticketsFor(document.mailId(), CATEGORIES_PURPOSE));
            return written;
        }
        String language = document.language();
        Map<String, Object> variables = new HashMap<>();
        Optional<AttendanceReader.Sheet> sheet;
        Optional<LocalDate> heldOn = Optional.empty();
        try {
            MailParts.Part part = parts.part(document.partId()).orElseThrow();
            LoadedWorkbook workbook = spreadsheets.load(part.content(), part.fileName());
            sheet = reader.read(workbook);
            heldOn = reader.dateAbove(workbook);
        } catch (UnreadableSpreadsheetException e) {
            sheet = Optional.empty();
        }
        if (sheet.isEmpty()) {
            attendance.insertSheet(document.documentId(), document.reference(), document.seminar(), null,
                    "no participants' table found");
            variables.put("found", false);
        } else {
            attendance.insertSheet(document.documentId(), document.reference(), document.seminar(),
                    sheet.get().name(), null);
            sheet.get().participants().forEach(p -> attendance.insertParticipant(document.documentId(), p));
            heldOn.ifPresent(day -> attendance.recordHeldOn(document.documentId(), day));
            // the calendar takes this as the day the seminar was held: the organiser is told, and may correct it
            variables.put("heldOn", heldOn.map(day -> LongDates.of(day, language)).orElse(null));
            variables.put("found", true);
            variables.put("total", sheet.get().participants().size());
            variables.put("byCategory", byCategory(document.documentId(), language));
            variables.put("byCountry", byCountry(sheet.get().participants()));
            variables.put("unrecognised", sheet.get().participants().stream().filter(p -> p.category() == null)
                    .map(p -> OutgoingMailComposer.singleLine(p.name() + " (" + p.cell() + ", \"" + p.categoryAsRead()
                            + "\")")).toList());
        }
        MailParts.Origin origin = parts.origin(document.mailId());
        variables.put("subject", OutgoingMailComposer.singleLine(origin.subject()));
        variables.put("tag", "[" + document.reference() + "]");
        variables.put("fileName", OutgoingMailComposer.singleLine(document.fileName()));
        MailTemplates.Rendered text = templates.render("attendance-counts", language, variables);
        List<OutgoingTicket> tickets = new ArrayList<>(List.of(new OutgoingTicket(composer.store(new OutgoingMail(
                PURPOSE, document.mailId(), document.sender(), null, language, text, origin.messageId(), null,
                List.of())))));
        tickets.addAll(askForCategories(document));
        return tickets;
    }

    /** The coordinators are asked for the categories of this sheet's participants that were not recognised. */
    private List<OutgoingTicket> askForCategories(DocumentMessage document) {
        List<SheetParticipant> unrecognised = attendance.participants(document.reference()).stream()
                .filter(p -> p.documentId() == document.documentId() && !p.recognised()).toList();
        if (unrecognised.isEmpty()) {
            return List.of();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("tag", "[" + document.reference() + "]");
        variables.put("reference", document.reference());
        variables.put("fileName", OutgoingMailComposer.singleLine(document.fileName()));
        variables.put("sender", document.sender());
        variables.put("participants", unrecognised);
        variables.put("categories", vocabulary.categories());
        variables.put("names", names);
        return flowMails.askCoordinators(CATEGORIES_PURPOSE, document.mailId(), document.reference(),
                CATEGORIES_PURPOSE, variables);
    }

    /** Every participant of the reference's sheets, numbered as the coordinators are asked about them. */
    @Transactional(readOnly = true)
    public List<SheetParticipant> participants(String reference) {
        return attendance.participants(reference);
    }

    /** The participants' categories of the evaluation (elected, technician, state, ngo). */
    public List<String> categories() {
        return vocabulary.categories();
    }

    /** The category a text names by the words of config/attendance/columns.yaml, if any. */
    public Optional<String> categoryIn(String text) {
        return vocabulary.category(text);
    }

    /** A coordinator's correction of a participant's category, recorded with who made it and when. */
    @Transactional
    public void correctCategory(long participantId, String category, String coordinator) {
        if (!vocabulary.categories().contains(category)) {
            throw new IllegalArgumentException("Unknown category " + category + "; known: " + vocabulary.categories());
        }
        if (attendance.correctCategory(participantId, category, coordinator) != 1) {
            throw new IllegalArgumentException("No participant " + participantId);
        }
    }

    private List<String> byCategory(long documentId, String language) {
        List<String> lines = new ArrayList<>();
        attendance.countsByCategory(documentId).forEach((category, count) ->
                lines.add(messages.get(language, "attendance.category." + category) + ": " + count));
        return lines;
    }

    private static List<String> byCountry(List<AttendanceReader.Participant> participants) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        participants.forEach(p -> counts.merge(p.country().isBlank() ? "?" : p.country(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
