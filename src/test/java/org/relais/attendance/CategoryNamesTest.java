package org.relais.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The coordinators are asked for participants' categories by their names in config/i18n/attendance_*; a reply that
 * writes one of those names back puts the participant in that category.
 */
class CategoryNamesTest {

    private static final AttendanceVocabulary VOCABULARY =
            AttendanceVocabulary.load(Path.of("config/attendance/columns.yaml"));

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ro", "bg", "ru"})
    void everyCategoryAMailNamesIsReadAsThatCategory(String language) throws IOException {
        Properties names = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/i18n/attendance_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            names.load(reader);
        }
        for (String category : VOCABULARY.categories()) {
            String name = names.getProperty("attendance.category." + category);
            assertThat(VOCABULARY.category("4 " + name)).as("%s (%s)", name, language).hasValue(category);
        }
    }
}
