package org.relais.distribution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.HubProperties;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files of {@code config/distribution/}: audiences, policies, schedules and reply commands, read once at start
 * (a mistake stops the start with the file's name rather than surfacing at the first distribution).
 */
@Component
public class DistributionConfig {

    /**
     * Who belongs to an audience: contacts with one of the roles, optionally only the seminar's organiser, optionally
     * only those whose organisation belongs to one of the countries; optionally only those concerned by the country
     * of the document's seminar (their organisation belongs to it or is posted in it), or by its place (a local
     * medium covering the organiser's territory) — for a document of the whole programme, all of them.
     */
    public record Audience(List<String> roles, boolean seminarOrganiser, List<String> addresses,
                           List<String> countries, boolean seminarCountry, boolean seminarPlace) {
        public Audience {
            roles = roles == null ? List.of() : roles;
            addresses = addresses == null ? List.of() : addresses;
            countries = countries == null ? List.of() : countries;
        }
    }

    public enum When { ON_ARRIVAL, ALL_LANGUAGES }

    public record Policy(String kind, List<String> audiences, String when) {
        public When timing() {
            return When.valueOf(when == null ? "ON_ARRIVAL" : when.toUpperCase().replace('-', '_'));
        }
    }

    public record NewsletterSchedule(String name, String cron, String zone, List<String> audiences) {
    }

    public record DigestSchedule(String cron, String zone) {
    }

    public record Commands(List<String> unsubscribe, List<String> digest, List<String> each) {
    }

    record AudiencesFile(Map<String, Audience> audiences) {
    }

    record PoliciesFile(List<Policy> policies) {
    }

    record SchedulesFile(List<NewsletterSchedule> newsletters, DigestSchedule digest) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Map<String, Audience> audiences;
    private final List<Policy> policies;
    private final SchedulesFile schedules;
    private final Commands commands;

    DistributionConfig(HubProperties hub) throws IOException {
        Path folder = hub.configDir().resolve("distribution");
        this.audiences = read(folder.resolve("audiences.yaml"), AudiencesFile.class).audiences();
        this.policies = read(folder.resolve("policies.yaml"), PoliciesFile.class).policies();
        this.schedules = read(folder.resolve("schedules.yaml"), SchedulesFile.class);
        this.commands = read(folder.resolve("commands.yaml"), Commands.class);
        for (Policy policy : policies) {
            policy.timing();
            policy.audiences().forEach(this::audience);
        }
        schedules.newsletters().forEach(schedule -> schedule.audiences().forEach(this::audience));
    }

    public Audience audience(String name) {
        Audience audience = audiences.get(name);
        if (audience == null) {
            throw new IllegalStateException("Unknown audience '" + name + "' (config/distribution/audiences.yaml)");
        }
        return audience;
    }

    public Optional<Policy> policy(String kind) {
        return policies.stream().filter(policy -> policy.kind().equals(kind)).findFirst();
    }

    public List<NewsletterSchedule> newsletters() {
        return schedules.newsletters();
    }

    public Optional<NewsletterSchedule> newsletter(String name) {
        return schedules.newsletters().stream().filter(schedule -> schedule.name().equals(name)).findFirst();
    }

    public DigestSchedule digest() {
        return schedules.digest();
    }

    public Commands commands() {
        return commands;
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
