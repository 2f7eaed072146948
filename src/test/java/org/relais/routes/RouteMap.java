package org.relais.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * The map of the system drawn from Camel's own route model, as it reads the YAML files of {@code routes/}: each
 * route (grouped by its file), the queue or timer it takes from, and the queues, routes and endpoints it hands on to.
 * Nothing is started: the routes are loaded into a context that only keeps their definitions.
 */
final class RouteMap {

    private static final Pattern QUERY = Pattern.compile("\\?.*$");
    private static final Pattern SETTING = Pattern.compile("\\{\\{(relais\\.[\\w.-]+)}}");
    private static final Properties SETTINGS = settings();
    private static final Pattern PER_MESSAGE = Pattern.compile("(?:\\{\\{|\\$\\{exchangeProperty\\.)(\\w+)}}?");
    private static final Pattern NOT_AN_ID = Pattern.compile("[^A-Za-z0-9_]");

    private final Map<String, List<String>> routesByFile = new TreeMap<>();
    private final Map<String, String> nodes = new TreeMap<>();
    private final Set<String> edges = new LinkedHashSet<>();

    private RouteMap() {
    }

    static String mermaid(Path routesFolder) throws Exception {
        RouteMap map = new RouteMap();
        routes(routesFolder).forEach(map::add);
        return map.render();
    }

    /**
     * Every route of the folder's files as Camel reads them (a route template as the route it makes, under the
     * template's id), sorted by id; each knows its file ({@link #fileOf}).
     */
    static List<RouteDefinition> routes(Path routesFolder) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            RoutesLoader loader = PluginHelper.getRoutesLoader(context);
            List<Path> files;
            try (var listing = java.nio.file.Files.list(routesFolder)) {
                files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path file : files) {
                loader.loadRoutes(ResourceHelper.resolveResource(context, "file:" + file.toAbsolutePath()));
            }
            ModelCamelContext model = (ModelCamelContext) context;
            List<RouteDefinition> routes = new ArrayList<>(model.getRouteDefinitions());
            for (RouteTemplateDefinition template : model.getRouteTemplateDefinitions()) {
                RouteDefinition route = template.getRoute();
                route.setId(template.getId());
                route.setResource(template.getResource());
                routes.add(route);
            }
            routes.sort(Comparator.comparing(RouteDefinition::getId));
            return routes;
        }
    }

    /** The name of the file in {@code routes/} that holds the route. */
    static String fileOf(RouteDefinition route) {
        return Path.of(route.getResource().getLocation()).getFileName().toString();
    }

    private void add(RouteDefinition route) {
        routesByFile.computeIfAbsent(fileOf(route), f -> new ArrayList<>()).add(route.getId());
        String input = endpoint(route.getInput().getEndpointUri());
        if (!input.startsWith("direct:")) {
            edges.add(node(input) + " --> " + id(route.getId()));
        }
        for (String target : targets(route.getOutputs(), new LinkedHashSet<>())) {
            edges.add(id(route.getId()) + " --> " + (target.startsWith("direct:")
                    ? id(target.substring("direct:".length())) : node(target)));
        }
    }

    private static Set<String> targets(List<ProcessorDefinition<?>> outputs, Set<String> found) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof SendDefinition<?> send) {
                found.add(endpoint(send.getEndpointUri()));
            } else if (output instanceof ToDynamicDefinition dynamic) {
                found.add(endpoint(dynamic.getUri()));
            }
            if (output instanceof ChoiceDefinition choice) {
                choice.getWhenClauses().forEach(when -> targets(when.getOutputs(), found));
                if (choice.getOtherwise() != null) {
                    targets(choice.getOtherwise().getOutputs(), found);
                }
            } else {
                targets(output.getOutputs(), found);
            }
        }
        return found;
    }

    /**
     * An endpoint as a reader names it: the queue's name, or the URI without its options; a setting by its value in
     * config/application.yml; a part chosen per message (a template parameter, an exchange property) by its name:
     * {@code translation.<language>}.
     */
    private static String endpoint(String uri) {
        String plain = QUERY.matcher(uri).replaceFirst("");
        String set = SETTING.matcher(plain)
                .replaceAll(setting -> SETTINGS.getProperty(setting.group(1), setting.group()));
        return PER_MESSAGE.matcher(set).replaceAll("<$1>");
    }

    private static Properties settings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("config/application.yml"));
        return yaml.getObject();
    }

    private String node(String endpoint) {
        String id = id(endpoint);
        String shape;
        if (endpoint.startsWith("jms:queue:")) {
            shape = id + "[(\"" + endpoint.substring("jms:queue:".length()) + "\")]";
        } else if (endpoint.startsWith("timer:") || endpoint.startsWith("scheduler:") || endpoint.startsWith("quartz:")) {
            shape = id + "([\"" + endpoint + "\"])";
        } else {
            shape = id + "[/\"" + endpoint + "\"/]";
        }
        nodes.put(id, shape);
        return id;
    }

    private static String id(String name) {
        return NOT_AN_ID.matcher(name).replaceAll("_");
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        out.append("# The map of Relais\n\n");
        out.append("Generated from Camel's route model by `RouteMapTest` (it fails when this file is stale; run it with\n");
        out.append("`-Drelais.route-map.write=true` to write it again). Boxes are routes, grouped by their file in\n");
        out.append("`routes/`; cylinders are queues; rounded boxes are timers; slanted boxes are other endpoints. An\n");
        out.append("arrow between two routes is a `direct:` call, inside the caller's transaction.\n\n");
        out.append("```mermaid\nflowchart LR\n");
        routesByFile.forEach((file, routes) -> {
            out.append("  subgraph ").append(id(file)).append("[\"").append(file).append("\"]\n");
            routes.forEach(route -> out.append("    ").append(id(route)).append("[\"").append(route).append("\"]\n"));
            out.append("  end\n");
        });
        nodes.values().forEach(shape -> out.append("  ").append(shape).append('\n'));
        edges.forEach(edge -> out.append("  ").append(edge).append('\n'));
        out.append("```\n");
        return out.toString();
    }
}
