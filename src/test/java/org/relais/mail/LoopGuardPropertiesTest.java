package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** The loop guard's bounds as config/application.yml sets them, and left empty on the command line. */
class LoopGuardPropertiesTest {

    @Test
    void theBoundsAreTwentyAnswersAnHourForARobotAndThreeAtOnceForAPerson() throws IOException {
        LoopGuardProperties properties = bound(Map.of());

        assertThat(properties.robotAnswersPerHour()).isEqualTo(20);
        assertThat(properties.answersAtOnce()).isEqualTo(3);
    }

    @Test
    void aBoundLeftEmptyIsNoBound() throws IOException {
        // as in: java -jar relais.jar --relais.loop-guard.robot-answers-per-hour= --relais.loop-guard.answers-at-once=
        LoopGuardProperties properties = bound(Map.of("relais.loop-guard.robot-answers-per-hour", "",
                "relais.loop-guard.answers-at-once", ""));

        assertThat(properties.robotAnswersPerHour()).isNull();
        assertThat(properties.answersAtOnce()).isNull();
        assertThat(properties.robotSigns()).isEqualTo(3);
    }

    private static LoopGuardProperties bound(Map<String, Object> commandLine) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("command line", commandLine));
        sources.addAll(new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource("config/application.yml")));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("relais.loop-guard", LoopGuardProperties.class).get();
    }
}
