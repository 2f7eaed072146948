package org.relais.directory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads {@code config/directory.yaml} and {@code config/seminars.yaml} into records. */
final class DirectoryFiles {

    record OrganisationEntry(String code, String name, String country, String language, String kind) {
    }

    record ContactEntry(String address, String name, String organisation, String language, List<String> roles,
                        String translatesTo) {
    }

    record DirectoryFile(List<OrganisationEntry> organisations, List<ContactEntry> contacts) {
    }

    record SeminarEntry(String code, int number, String title, String organiser, List<String> participants,
                        String plannedMonth, List<String> themes, List<String> keywords) {
    }

    record SeminarsFile(List<SeminarEntry> seminars) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private DirectoryFiles() {
    }

    static DirectoryFile directory(Path file) throws IOException {
        return read(file, DirectoryFile.class);
    }

    static SeminarsFile seminars(Path file) throws IOException {
        return read(file, SeminarsFile.class);
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return MAPPER.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
