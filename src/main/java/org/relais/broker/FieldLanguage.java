package org.relais.broker;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.SourceVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.support.ExpressionToPredicateAdapter;
import org.apache.camel.support.LanguageSupport;

/**
 * The {@code field} language of the route files: {@code language: field} with {@code expression: documents} is the part
 * {@code documents} of the record (or bean) in the body, as simple's {@code ${body.documents}} reads it — the record
 * component, else the getter ({@code getDocuments}, {@code isDocuments}), else the method {@code documents()}; null for
 * a null body. It is how a route hands on each part of the outcome a bean returned. Simple reads a part through the
 * bean language, which copies the exchange and its headers twice and looks the method up again on every read: some
 * 13 µs a read under the client compiler, eight reads an intake mail, a tenth of the intake consumers' CPU samples
 * under a burst (bench/README.md, "The routes' reads of an outcome"); this one calls the accessor it found once for
 * each type of body. A body whose accessor cannot be called so (a class private to the JDK) is read by simple itself.
 */
public class FieldLanguage extends LanguageSupport {

    @Override
    public Expression createExpression(String name) {
        String field = name.strip();
        if (!SourceVersion.isIdentifier(field)) {
            throw new IllegalArgumentException("Not the name of a field: " + name);
        }
        return new BodyField(field);
    }

    @Override
    public Predicate createPredicate(String name) {
        return ExpressionToPredicateAdapter.toPredicate(createExpression(name));
    }

    /** One named part of whatever the body is. */
    static final class BodyField extends ExpressionAdapter {

        private final String name;
        private final Map<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();
        private Expression simple;

        BodyField(String name) {
            this.name = name;
        }

        @Override
        public void init(CamelContext camel) {
            simple = camel.resolveLanguage("simple").createExpression("${body." + name + "}");
            simple.init(camel);
        }

        @Override
        public Object evaluate(Exchange exchange) {
            Object body = exchange.getMessage().getBody();
            if (body == null) {
                return null;
            }
            Optional<Method> accessor = accessors.computeIfAbsent(body.getClass(), this::accessorOf);
            if (accessor.isEmpty()) {
                return simple.evaluate(exchange, Object.class);
            }
            try {
                return accessor.get().invoke(body);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + body.getClass().getName(), e);
            }
        }

        private Optional<Method> accessorOf(Class<?> type) {
            Method accessor = null;
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals(name)) {
                        accessor = component.getAccessor();
                    }
                }
            }
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (String candidate : new String[] {"get" + capitalised, "is" + capitalised, name}) {
                accessor = accessor != null ? accessor : publicMethod(type, candidate);
            }
            // the hub's records are often not public, their accessors are
            return Optional.ofNullable(accessor).filter(Method::trySetAccessible);
        }

        private static Method publicMethod(Class<?> type, String name) {
            try {
                Method method = type.getMethod(name);
                return method.getReturnType() == void.class ? null : method;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return "field:" + name;
        }
    }
}
