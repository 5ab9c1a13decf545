package textnet.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where Spark's and the libraries' log lines go in a textnet process: a file (the run folder's
 * {@code textnet.log}, or the command's scratch folder), never the console, which shows textnet's
 * own lines only. Configured in code rather than by a log4j2.properties in the jar, so that an
 * application embedding textnet's Spark ML stages keeps its own logging. Also watches the log for a
 * fatal error (an {@link OutOfMemoryError} that Spark reports before it ends the JVM with its own
 * exit code), so that the process's last line can say what happened.
 */
public final class LogFile {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %p [%t] %c: %m%n";
    private static final AtomicReference<Path> CURRENT = new AtomicReference<>();
    private static final AtomicReference<Throwable> FATAL = new AtomicReference<>();

    private LogFile() {
    }

    /** Sends every log line of this JVM to {@code file} (appending), from now on. */
    public static synchronized void writeTo(Path file) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.setConfigurationName("textnet");
        b.add(b.newAppender("file", "File")
                .addAttribute("fileName", file.toString())
                .addAttribute("append", true)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", PATTERN)));
        // Spark and its libraries at WARN (task failures and their stack traces are WARN/ERROR);
        // textnet's own loggers at INFO.
        b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("file")));
        b.add(b.newLogger("textnet", Level.INFO).addAttribute("additivity", true));
        b.add(b.newLogger("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR));
        Configurator.reconfigure(b.build());
        LoggerContext context = LoggerContext.getContext(false);
        Configuration config = context.getConfiguration();
        Appender watch = new FatalErrorWatch();
        watch.start();
        config.addAppender(watch);
        config.getRootLogger().addAppender(watch, Level.ERROR, null);
        context.updateLoggers();
        CURRENT.set(file);
    }

    /** The file log lines go to, or null before {@link #writeTo}. */
    static Path current() {
        return CURRENT.get();
    }

    /** The first OutOfMemoryError (or other VM error) a log line reported, or null. */
    static Throwable fatalError() {
        return FATAL.get();
    }

    /** Records the first {@link VirtualMachineError} logged by anyone (Spark's executor, its uncaught-exception handler). */
    private static final class FatalErrorWatch extends AbstractAppender {

        FatalErrorWatch() {
            super("textnet-fatal-error-watch", (Filter) null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                if (t instanceof VirtualMachineError) {
                    FATAL.compareAndSet(null, t);
                    return;
                }
            }
        }
    }
}
