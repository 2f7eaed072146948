package org.relais.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.relais.intake.MailParts;
import org.relais.mail.Messages;
import org.springframework.stereotype.Component;

/**
 * The dossier handed to a funder: a ZIP holding the PDF summary in the reader's language and, beside it, every
 * original file it cites (budget files, receipts, minutes in each language, attendance sheets) exactly as received,
 * in folders named in the reader's language.
 */
@Component
class DossierArchive {

    /** A built dossier: its file name and bytes. */
    record Archive(String fileName, byte[] content) {
    }

    private final DossierPdf pdf;
    private final MailParts parts;
    private final Messages messages;

    DossierArchive(DossierPdf pdf, MailParts parts, Messages messages) {
        this.pdf = pdf;
        this.parts = parts;
        this.messages = messages;
    }

    Archive build(Dossier dossier, String language) {
        Map<Dossier.Original, String> originals = new LinkedHashMap<>();
        if (dossier.forecast() != null) {
            place(originals, dossier.forecast().file(), "dossier.folder.budget", language);
        }
        if (dossier.report() != null) {
            place(originals, dossier.report().file(), "dossier.folder.report", language);
        }
        dossier.receipts().forEach(receipt -> place(originals, receipt.file(), "dossier.folder.receipts", language));
        dossier.attendance().sheets().forEach(sheet -> place(originals, sheet, "dossier.folder.attendance", language));
        dossier.minutes().forEach(version -> place(originals, version.file(), "dossier.folder.minutes", language));
        String name = messages.get(language, "dossier.fileName", dossier.seminar().number(), dossier.seminar().place());
        byte[] summary = pdf.render(dossier, language, originals);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, name + ".pdf", summary);
            for (Map.Entry<Dossier.Original, String> original : originals.entrySet()) {
                byte[] content = parts.part(original.getKey().partId()).map(MailParts.Part::content).orElse(null);
                if (content != null) {
                    add(zip, original.getValue(), content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Archive(name + ".zip", bytes.toByteArray());
    }

    /** Its path in the ZIP: the folder and its own name, numbered when the folder already holds that name. */
    private void place(Map<Dossier.Original, String> originals, Dossier.Original file, String folder, String language) {
        if (originals.containsKey(file)) {
            return;
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "document" : file.fileName();
        // a name from a mail never leaves its folder: no path of its own, no control characters
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String path = messages.get(language, folder) + "/" + safe;
        int dot = path.lastIndexOf('.') > path.lastIndexOf('/') ? path.lastIndexOf('.') : path.length();
        String candidate = path;
        for (int copy = 2; originals.containsValue(candidate); copy++) {
            candidate = path.substring(0, dot) + " (" + copy + ")" + path.substring(dot);
        }
        originals.put(file, candidate);
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
