package org.relais.directory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads {@code config/directory.yaml} and {@code config/seminars.yaml} into records. */
final class DirectoryFiles {

    /**
     * @param postedIn for France's embassies, the country they are posted in
     * @param place    for local media, the organisation (a local authority) whose territory they cover
     */
    record OrganisationEntry(String code, String name, String country, String language, String kind,
                             String postedIn, String place) {
    }

    record ContactEntry(String address, String name, String organisation, String language, List<String> roles,
                        String translatesTo) {
    }

    record DirectoryFile(List<OrganisationEntry> organisations, List<ContactEntry> contacts) {
    }

    record SeminarEntry(String code, int number, String title, String organiser, List<String> participants,
                        String plannedDate, List<String> themes, List<String> keywords) {

        LocalDate plannedDay() {
            return LocalDate.parse(plannedDate);
        }
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

    /** YAML without implicit timestamps: a date stays the text the file shows (2009-09-14), parsed where used. */
    private static Yaml yaml() {
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dumperOptions), dumperOptions,
                new LoaderOptions(), new Resolver() {
                    @Override
                    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                        if (!Tag.TIMESTAMP.equals(tag)) {
                            super.addImplicitResolver(tag, regexp, first, limit);
                        }
                    }
                });
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object tree = yaml().load(in);
            return MAPPER.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
