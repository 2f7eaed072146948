package org.relais.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.relais.RelaisApplication;

/**
 * Packages by capability, and no cycles between them: a capability that builds on another never gets imported back.
 * The dependencies are those of the compiled classes, as the JDK's jdeps reads them (a Javadoc link is none).
 */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s*(org\\.relais[\\w.]*)\\s+->\\s+(org\\.relais[\\w.]*)\\s",
            Pattern.MULTILINE);

    @Test
    void noPackageOfTheHubDependsOnItselfThroughOthers() throws URISyntaxException {
        Map<String, Set<String>> graph = dependencies();

        assertThat(graph).as("jdeps read the hub's packages").containsKeys("org.relais.intake",
                "org.relais.notification");
        assertThat(cycles(graph)).as("packages that depend on each other, directly or through others").isEmpty();
    }

    @Test
    void theCheckFindsACycleThroughSeveralPackages() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of()));

        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
    }

    /** Package → the hub's packages its classes use, from the compiled main classes. */
    private static Map<String, Set<String>> dependencies() throws URISyntaxException {
        Path classes = Path.of(RelaisApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-e", "org\\.relais\\..*", classes.toString());
        assertThat(status).as(out.toString()).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        Matcher edge = EDGE.matcher(out.toString());
        while (edge.find()) {
            graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            graph.computeIfAbsent(edge.group(2), p -> new TreeSet<>());
        }
        return graph;
    }

    /** The strongly connected components of more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowest = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, lowest, stack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> lowest, Deque<String> stack, List<List<String>> cycles) {
        index.put(node, index.size());
        lowest.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, lowest, stack, cycles);
                lowest.put(node, Math.min(lowest.get(node), lowest.get(next)));
            } else if (stack.contains(next)) {
                lowest.put(node, Math.min(lowest.get(node), index.get(next)));
            }
        }
        if (lowest.get(node).equals(index.get(node))) {
            TreeSet<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(List.copyOf(component));
            }
        }
    }
}
