package org.relais.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The prod profile behind its TLS proxy: the session cookie only over HTTPS and never on requests other sites start,
 * and the proxy's forwarded client address and scheme honoured (the development profile serves plain HTTP).
 */
class ProductionWebSettingsTest {

    @Test
    void theProdProfileSendsTheSessionCookieOnlyOverHttpsAndHonoursTheProxysHeaders() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        var loader = new YamlPropertySourceLoader();
        for (String file : new String[] {"config/application-prod.yml", "config/application.yml"}) {
            loader.load(file, new FileSystemResource(Path.of(file))).forEach(environment.getPropertySources()::addLast);
        }

        assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
        assertThat(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class, true)).isTrue();
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }
}
