package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.relais.intake.DocumentMessage;
import org.relais.intake.ReplyMessage;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A fast test of route files as they are written in {@code routes/}: the YAML is loaded by Camel's own loader, with
 * no Spring context, database or broker. The broker's queues are stub queues (in memory, any endpoint option
 * accepted) whose sends are also recorded by mock endpoints ({@code mock:jms:queue:<name>}); a route of another file
 * that the routes under test hand on to is loaded as written ({@link #handOnRoutes}) or replaced by a mock
 * ({@link #handOffs}); the beans are the test's small fakes, bound under the names the routes call. Properties come
 * from {@code config/application.yml}, with retries shortened and the test's own {@link #settings} over them.
 */
abstract class RouteTestSupport extends CamelTestSupport {

    /** Every route of {@code routes/} by id, read once per test JVM. */
    private static final Map<String, RouteDefinition> ROUTES = routesById();

    /** config/application.yml, read once per test JVM. */
    private static final Properties CONFIGURATION = configuration();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String QUEUE_MOCK = "mock://jms:queue:";

    /** How many messages the test itself put on each queue. */
    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();

    /** The files of {@code routes/} under test. */
    protected abstract List<String> routeFiles();

    /**
     * The {@code direct:} endpoints of other route files that the routes under test hand on to: each is replaced by
     * {@code mock:direct:<name>}, which records what it gets and goes no further.
     */
    protected List<String> handOffs() {
        return List.of();
    }

    /**
     * Routes of other files that the routes under test hand on to, loaded as written (without the other routes of
     * their files), so that what is handed on reaches its queue: {@code mail-queue-tickets},
     * {@code notification-publish-event}, ….
     */
    protected List<String> handOnRoutes() {
        return List.of();
    }

    /** Settings of this test over those of config/application.yml (a timer's period made short, …). */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        context.withStubEndpoints("jms:*");
        context.withMockEndpoints("jms:*");
        if (!handOffs().isEmpty()) {
            context.withMockEndpointsAndSkip("(" + String.join("|", handOffs()) + ")");
        }
        List<String> notLoaded = otherRoutesOfHandOnFiles();
        if (!notLoaded.isEmpty()) {
            context.withRouteFilterExcludePattern(String.join(",", notLoaded));
        }
        context.withUseOverridePropertiesWithPropertiesComponent(properties());
    }

    /** The settings the routes read: config/application.yml's, with this test's over them. */
    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(CONFIGURATION);
        properties.putAll(settings());
        return properties;
    }

    /** A capability's configuration record bound from the settings the routes read, as the hub binds it. */
    protected <T> T configured(String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(properties())).bind(prefix, type).get();
    }

    /**
     * The stub queues' consumers look for a message every few milliseconds rather than every second, so that a
     * context stops at once after each test.
     */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onComponentAdd(String name, Component component) {
                if (component instanceof StubComponent stub) {
                    stub.setDefaultPollTimeout(20);
                }
            }
        });
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        Set<String> files = new TreeSet<>(routeFiles());
        handOnRoutes().forEach(route -> files.add(RouteMap.fileOf(route(route))));
        RoutesLoader loader = PluginHelper.getRoutesLoader(context);
        List<RoutesBuilder> builders = new ArrayList<>();
        for (String file : files) {
            builders.addAll(loader.findRoutesBuilders(
                    ResourceHelper.resolveResource(context, "file:" + Path.of("routes", file).toAbsolutePath())));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }

    /** The routes of the hand-on routes' files that are neither under test nor handed on to. */
    private List<String> otherRoutesOfHandOnFiles() {
        Set<String> handOnFiles = handOnRoutes().stream().map(id -> RouteMap.fileOf(route(id)))
                .filter(file -> !routeFiles().contains(file)).collect(Collectors.toSet());
        return ROUTES.values().stream()
                .filter(route -> handOnFiles.contains(RouteMap.fileOf(route)))
                .map(RouteDefinition::getId)
                .filter(id -> !handOnRoutes().contains(id))
                .toList();
    }

    private static RouteDefinition route(String id) {
        RouteDefinition route = ROUTES.get(id);
        if (route == null) {
            throw new IllegalArgumentException("No route " + id + " in routes/");
        }
        return route;
    }

    /**
     * Puts a record on a queue as the broker delivers it (JSON text) and waits until the route that takes it is
     * done with it: handed on, or failed and dead-lettered.
     */
    protected void deliver(String queue, Object record) {
        deliverText(queue, json(record));
    }

    /** Puts a text on a queue, as it is, and waits until the route that takes it is done with it. */
    protected void deliverText(String queue, String text) {
        NotifyBuilder done = messagesTakenBy(consumerOf(queue)).whenDone(1).create();
        delivered.merge(queue, 1, Integer::sum);
        template.sendBody("jms:queue:" + queue, text);
        assertThat(done.matches(10, TimeUnit.SECONDS)).as("the route taking %s is done", queue).isTrue();
    }

    /** To be notified of what becomes of the messages a route takes (not of the parts of their splits). */
    protected NotifyBuilder messagesTakenBy(String routeId) {
        return new NotifyBuilder(context).fromRoute(routeId)
                .filter(exchange -> exchange.getProperty(Exchange.SPLIT_INDEX) == null);
    }

    private String consumerOf(String queue) {
        return context.getRoutes().stream()
                .filter(route -> route.getEndpoint().getEndpointUri().matches("jms://queue:" + queue + "(\\?.*)?"))
                .map(Route::getRouteId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No route takes from " + queue));
    }

    /**
     * The messages sent to a queue, in order. A message sent with the header {@code CamelJmsDestinationName} goes to
     * the queue it names, as camel-jms sends it: that is how a {@code toD} to a queue chosen per message leaves.
     */
    protected List<Exchange> sentTo(String queue) {
        return queueMessages().stream().filter(sent -> sent.queue().equals(queue)).map(QueueMessage::message).toList();
    }

    /** The records sent to a queue, read back from their JSON text. */
    protected <T> List<T> sentTo(String queue, Class<T> type) {
        return sentTo(queue).stream().map(message -> read(message.getIn().getBody(String.class), type)).toList();
    }

    /** The names of the queues that the routes sent at least one message to. */
    protected Set<String> queuesReached() {
        Map<String, Integer> received = new TreeMap<>();
        queueMessages().forEach(sent -> received.merge(sent.queue(), 1, Integer::sum));
        received.entrySet().removeIf(queue -> queue.getValue() <= delivered.getOrDefault(queue.getKey(), 0));
        return received.keySet();
    }

    private record QueueMessage(String queue, Exchange message) {
    }

    private List<QueueMessage> queueMessages() {
        List<QueueMessage> sent = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof MockEndpoint mock && mock.getEndpointUri().startsWith(QUEUE_MOCK)) {
                String queue = mock.getEndpointUri().substring(QUEUE_MOCK.length());
                for (Exchange message : mock.getReceivedExchanges()) {
                    String named = message.getIn().getHeader(JmsConstants.JMS_DESTINATION_NAME, String.class);
                    sent.add(new QueueMessage(named != null ? named : queue, message));
                }
            }
        }
        return sent;
    }

    /**
     * A timer route of group {@code singleton} runs on the leading instance only: it does not start with Camel,
     * org.relais.cluster.Leadership starts it. Here it is started as the leader does.
     */
    protected void startAsTheLeader(String routeId) throws Exception {
        assertThat(context.getRouteController().getRouteStatus(routeId))
                .as("%s waits for the leader", routeId).isEqualTo(ServiceStatus.Stopped);
        assertThat(context.getRoute(routeId).getGroup()).as("the leader starts the group singleton")
                .isEqualTo("singleton");
        context.getRouteController().startRoute(routeId);
    }

    /** A record as the routes' marshal step writes it onto a queue. */
    protected static String json(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** A document intake handed to a flow. */
    protected static DocumentMessage document(long id, String kind, String flow) {
        return new DocumentMessage(id, "REL-2026-%04d".formatted(id), kind, flow, "S1-ARGES", "arges@relais.test", "ro",
                "document-" + id + ".xlsx", 100 + id, 200 + id);
    }

    /** A reply that quotes {@code quotedReference}, awaited by {@code flow}. */
    protected static ReplyMessage reply(String flow, String quotedReference) {
        return new ReplyMessage(flow, 51, "REL-2026-0051", quotedReference, "suivi-ro@relais.test", "ro", null,
                "Re: [" + quotedReference + "]", 52L, List.of());
    }

    private static Map<String, RouteDefinition> routesById() {
        try {
            return RouteMap.routes(Path.of("routes")).stream()
                    .collect(Collectors.toMap(RouteDefinition::getId, route -> route));
        } catch (Exception e) {
            throw new IllegalStateException("routes/ cannot be read", e);
        }
    }

    /** The hub's configuration as the routes read it, with the redeliveries made instant. */
    private static Properties configuration() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("config/application.yml"));
        Properties properties = yaml.getObject();
        properties.setProperty("relais.redelivery.maximum-redeliveries", "1");
        properties.setProperty("relais.redelivery.redelivery-delay-ms", "1");
        properties.setProperty("relais.redelivery.maximum-redelivery-delay-ms", "1");
        return properties;
    }
}
