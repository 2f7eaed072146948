package org.relais.intake;

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

/** The words of {@code config/intake/keywords.yaml}, folded once. */
record Keywords(WordSet budgetLabels, WordSet budgetWords, WordSet forecastWords, WordSet reportWords,
                WordSet minutesWords, WordSet attendanceWords, WordSet attendanceColumns, WordSet receiptWords,
                WordSet templateRequestWords, WordSet dossierRequestWords, WordSet synthesisWords,
                WordSet conclusionsWords, WordSet pressReleaseWords) {

    private record File(List<String> budgetLabels, List<String> budgetWords, List<String> forecastWords,
                        List<String> reportWords, List<String> minutesWords, List<String> attendanceWords,
                        List<String> attendanceColumns, List<String> receiptWords,
                        List<String> templateRequestWords, List<String> dossierRequestWords,
                        List<String> synthesisWords, List<String> conclusionsWords, List<String> pressReleaseWords) {
    }

    static Keywords load(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            File file = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .convertValue(tree, File.class);
            return new Keywords(new WordSet(file.budgetLabels()), new WordSet(file.budgetWords()),
                    new WordSet(file.forecastWords()), new WordSet(file.reportWords()),
                    new WordSet(file.minutesWords()), new WordSet(file.attendanceWords()),
                    new WordSet(file.attendanceColumns()), new WordSet(file.receiptWords()),
                    new WordSet(file.templateRequestWords()), new WordSet(file.dossierRequestWords()),
                    new WordSet(file.synthesisWords()), new WordSet(file.conclusionsWords()),
                    new WordSet(file.pressReleaseWords()));
        }
    }

    /** Whole-word matching on folded text: "nom" finds "Nom" and "NOM :", not "nombre". */
    record WordSet(List<String> folded) {

        WordSet {
            folded = folded.stream().map(Folding::fold).distinct().toList();
        }

        boolean anyIn(String foldedText) {
            return folded.stream().anyMatch(foldedText::contains);
        }

        long countIn(String foldedText) {
            return folded.stream().filter(foldedText::contains).count();
        }
    }
}
