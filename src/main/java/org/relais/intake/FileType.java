package org.relais.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The file types Relais tells apart, each with its family and the extensions people give it. */
enum FileType {
    XLSX(Family.SPREADSHEET, "xlsx"),
    XLS(Family.SPREADSHEET, "xls"),
    ODS(Family.SPREADSHEET, "ods"),
    CSV(Family.SPREADSHEET, "csv"),
    DOCX(Family.DOCUMENT, "docx"),
    DOC(Family.DOCUMENT, "doc"),
    ODT(Family.DOCUMENT, "odt"),
    RTF(Family.DOCUMENT, "rtf"),
    PDF(Family.DOCUMENT, "pdf"),
    TEXT(Family.DOCUMENT, "txt", "text", "md"),
    HTML(Family.DOCUMENT, "html", "htm"),
    PRESENTATION(Family.DOCUMENT, "pptx", "ppt", "odp"),
    IMAGE(Family.IMAGE, "jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "heic"),
    MAIL(Family.OTHER, "eml", "msg"),
    ARCHIVE(Family.ARCHIVE, "zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "cab", "iso"),
    EXECUTABLE(Family.EXECUTABLE, "exe", "bat", "cmd", "com", "scr", "js", "jse", "vbs", "vbe", "wsf", "ps1",
            "msi", "jar", "sh", "apk", "app", "dll", "lnk", "hta", "cpl", "pif"),
    UNKNOWN(Family.OTHER);

    enum Family { SPREADSHEET, DOCUMENT, IMAGE, ARCHIVE, EXECUTABLE, OTHER }

    private final Family family;
    private final Set<String> extensions;

    FileType(Family family, String... extensions) {
        this.family = family;
        this.extensions = Set.of(extensions);
    }

    Family family() {
        return family;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FileType> ofExtension(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }
}
