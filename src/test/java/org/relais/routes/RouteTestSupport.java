package org.relais.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * A fast test of route files as they are written in {@code routes/}: the YAML is loaded by Camel's own loader, the
 * broker's queues are stub queues (in memory, any endpoint option accepted) whose sends are also recorded by mock
 * endpoints ({@code mock:jms:queue:<name>}), and the beans are the test's small fakes, bound under the names the
 * routes call. Properties come from {@code config/application.yml}, with retries shortened.
 */
abstract class RouteTestSupport extends CamelTestSupport {

    /** The files of {@code routes/} under test. */
    protected abstract List<String> routeFiles();

    /**
     * The {@code direct:} endpoints of other route files that the routes under test hand on to: each is replaced by
     * {@code mock:direct:<name>}, which records what it gets and goes no further.
     */
    protected List<String> handOffs() {
        return List.of();
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        context.withStubEndpoints("jms:*");
        context.withMockEndpoints("jms:*");
        if (!handOffs().isEmpty()) {
            context.withMockEndpointsAndSkip("(" + String.join("|", handOffs()) + ")");
        }
        context.withUseOverridePropertiesWithPropertiesComponent(properties());
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        RoutesLoader loader = PluginHelper.getRoutesLoader(context);
        List<RoutesBuilder> builders = new ArrayList<>();
        for (String file : routeFiles()) {
            builders.addAll(loader.findRoutesBuilders(
                    ResourceHelper.resolveResource(context, "file:" + Path.of("routes", file).toAbsolutePath())));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }

    /** The hub's configuration as the routes read it, with the redeliveries made instant. */
    private static Properties properties() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("config/application.yml"));
        Properties properties = yaml.getObject();
        properties.setProperty("relais.redelivery.maximum-redeliveries", "1");
        properties.setProperty("relais.redelivery.redelivery-delay-ms", "1");
        properties.setProperty("relais.redelivery.maximum-redelivery-delay-ms", "1");
        return properties;
    }
}
