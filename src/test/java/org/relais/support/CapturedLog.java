package org.relais.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * What the test JVM logs, as text a test can read: the first lines from the hub's start on, and every line logged
 * while a test records.
 */
public final class CapturedLog extends AppenderBase<ILoggingEvent> {

    /** Enough for the start of the hub and more, bounded so that a whole suite's log does not stay in memory. */
    private static final int STARTUP_LINES = 5_000;
    private static final CapturedLog APPENDER = new CapturedLog();

    private final List<String> startup = Collections.synchronizedList(new ArrayList<>());
    private final List<Recording> recordings = new CopyOnWriteArrayList<>();

    /** Lines logged from {@link #record()} until closed. */
    public static final class Recording implements AutoCloseable {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        public List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void close() {
            APPENDER.recordings.remove(this);
        }
    }

    /**
     * Attaches the appender as soon as Spring Boot has configured logging, before any bean exists (registered in
     * META-INF/spring.factories of the tests). Spring Boot resets Logback when it configures it: attaching earlier
     * would be undone.
     */
    public static final class Installer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            APPENDER.setContext(context);
            APPENDER.setName("captured-for-tests");
            APPENDER.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(APPENDER);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after LoggingApplicationListener
        }
    }

    /** The first lines logged since the test JVM started the hub. */
    public static List<String> startup() {
        synchronized (APPENDER.startup) {
            return List.copyOf(APPENDER.startup);
        }
    }

    public static Recording record() {
        Recording recording = new Recording();
        APPENDER.recordings.add(recording);
        return recording;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
        if (startup.size() < STARTUP_LINES) {
            startup.add(line);
        }
        for (Recording recording : recordings) {
            recording.lines.add(line);
        }
    }
}
