package org.relais.spreadsheet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the small configuration files of this package: plain maps, no custom types (SafeConstructor). */
public final class YamlFiles {

    private YamlFiles() {
    }

    public static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> content = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (content == null) {
                throw new IllegalStateException("empty configuration file " + file);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
    }

    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key), key);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("configuration key '" + what + "' must be a map");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Object value, String what) {
        if (!(value instanceof List)) {
            throw new IllegalStateException(what + " must be a list");
        }
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    public static BigDecimal decimal(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            throw new IllegalStateException("configuration key '" + key + "' is missing");
        }
        return new BigDecimal(String.valueOf(value));
    }
}
