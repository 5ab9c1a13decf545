package textnet.cli;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;
import textnet.config.DataConfig;
import textnet.data.ReadProgress;
import textnet.text.VectorizeSteps;
import textnet.train.EpochProgress;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of a command's long phases on stderr (README, "Progress"). A phase is counted either
 * by a {@link LongAccumulator} its tasks add to (rows trained or scored, documents tokenized), or,
 * for code that counts nothing itself (Spark's readers, the vectorizer's steps after reading), by the
 * succeeded tasks of its newest Spark stage;
 * {@link TaskCounters} gathers both from Spark's events, and a daemon thread of the driver draws the
 * phase's {@link ProgressLine} every {@value #TERMINAL_TICK_MS} ms on a terminal (every second in a
 * log) until the phase ends. With {@link ProgressMode#OFF} nothing is registered or started, and
 * the phases hand out no counter, so that tasks count nothing.
 */
final class ConsoleProgress implements AutoCloseable {

    private static final long TERMINAL_TICK_MS = 500;
    private static final long LINES_TICK_MS = 1000;

    private final ProgressMode mode;
    private final SparkContext sc;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final TaskCounters counters;
    private final ScheduledExecutorService ticker;

    private ConsoleProgress(ProgressMode mode, SparkContext sc, PrintStream out, LongSupplier nanoClock) {
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.sc = sc;
        this.out = out;
        if (mode == ProgressMode.OFF) {
            counters = null;
            ticker = null;
        } else {
            counters = new TaskCounters(nanoClock);
            sc.addSparkListener(counters);
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "textnet-progress");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Progress of {@code sc}'s jobs on {@code out} (stderr), or nothing with {@link ProgressMode#OFF}. */
    static ConsoleProgress start(ProgressMode mode, SparkContext sc, PrintStream out) {
        return start(mode, sc, out, System::nanoTime);
    }

    /** ... on the given clock (tests move it; the ticks stay real). */
    static ConsoleProgress start(ProgressMode mode, SparkContext sc, PrintStream out, LongSupplier nanoClock) {
        return new ConsoleProgress(mode, sc, out, nanoClock);
    }

    boolean enabled() {
        return mode != ProgressMode.OFF;
    }

    /** A phase whose tasks add to {@link Phase#counter()}; {@code total} 0 or less when not known. */
    Phase counting(String name, ProgressLine.Unit unit, long total) {
        return counting(name, unit, total, () -> { });
    }

    /**
     * Reading the corpus, in the vectorizer's {@code passes} over it: the MB the readers stream when the
     * total is known ({@link ReadProgress}: archives and table files); otherwise the tasks of each stage.
     */
    private Phase reading(DataConfig data, int passes) {
        long toStream = enabled() ? ReadProgress.bytesToStream(sc, data, passes) : 0;
        if (toStream <= 0) {
            return stages("Reading");
        }
        Phase phase = counting("Reading", ProgressLine.Unit.BYTES, toStream, () -> ReadProgress.countInto(sc, null));
        ReadProgress.countInto(sc, phase.counter()); // the jobs this thread starts from now on
        return phase;
    }

    /**
     * Vectorizing: {@link #reading} until the vectorizer says that its next step has started, then
     * each step a phase of its own, measured by its stages' tasks ({@link #stages}): the reading
     * line would otherwise stand at 100% while the vocabulary and the rows are built.
     */
    Steps vectorizing(DataConfig data, int passes) {
        return new Steps(reading(data, passes));
    }

    /** The vectorizer's steps, one phase at a time; closing it ends the current one. */
    final class Steps implements VectorizeSteps, AutoCloseable {

        private Phase current;

        private Steps(Phase reading) {
            current = reading;
        }

        @Override
        public void next(String step) {
            current.close();
            current = stages(step);
        }

        @Override
        public void close() {
            current.close();
        }
    }

    private Phase counting(String name, ProgressLine.Unit unit, long total, Runnable atEnd) {
        if (!enabled()) {
            return Phase.NONE;
        }
        LongAccumulator counter = sc.longAccumulator("textnet progress: " + name);
        counters.watch(counter.id());
        ProgressLine line = new ProgressLine(name, unit, mode, out, nanoClock);
        return new Phase(counter, line, schedule(line, () -> line.update(counters.value(counter.id()), total)), () -> {
            counters.unwatch(counter.id());
            atEnd.run();
        });
    }

    /** A phase measured by the tasks of its newest Spark stage (each stage restarts the count). */
    Phase stages(String name) {
        if (!enabled()) {
            return Phase.NONE;
        }
        ProgressLine line = new ProgressLine(name, ProgressLine.Unit.TASKS, mode, out, nanoClock);
        return new Phase(null, line, schedule(line, () -> {
            TaskCounters.Stage stage = counters.newestStage(line.startNanos());
            if (stage != null) {
                line.update(stage.succeeded(), stage.tasks(), stage.submittedNanos());
            }
        }), () -> { });
    }

    /** Each epoch a phase named as its Spark job ("Epoch 3/40") of {@code rows} training rows. */
    EpochProgress epochs(long rows) {
        if (!enabled()) {
            return EpochProgress.NONE;
        }
        return new EpochProgress() {
            private Phase phase = Phase.NONE;

            @Override
            public LongAccumulator start(String epoch) {
                phase = counting(epoch, ProgressLine.Unit.ROWS, rows);
                return phase.counter();
            }

            @Override
            public void end() {
                phase.close();
            }
        };
    }

    private ScheduledFuture<?> schedule(ProgressLine line, Runnable tick) {
        Console.showing(line);
        long period = mode == ProgressMode.TERMINAL ? TERMINAL_TICK_MS : LINES_TICK_MS;
        return ticker.scheduleAtFixedRate(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                // a progress line is never worth failing the command for
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (enabled()) {
            ticker.shutdownNow();
            sc.removeSparkListener(counters);
        }
    }

    /** One phase on the console; closing it ends the line (erased on a terminal). */
    static final class Phase implements AutoCloseable {

        static final Phase NONE = new Phase(null, null, null, () -> { });

        private final LongAccumulator counter;
        private final ProgressLine line;
        private final ScheduledFuture<?> drawing;
        private final Runnable cleanUp;

        private Phase(LongAccumulator counter, ProgressLine line, ScheduledFuture<?> drawing, Runnable cleanUp) {
            this.counter = counter;
            this.line = line;
            this.drawing = drawing;
            this.cleanUp = cleanUp;
        }

        /** The counter the phase's tasks add to, or null when progress is off (tasks then count nothing). */
        LongAccumulator counter() {
            return counter;
        }

        @Override
        public void close() {
            if (drawing != null) {
                drawing.cancel(false);
            }
            if (line != null) {
                line.finish(); // after a tick that is drawing: ProgressLine is synchronized
                Console.showing(null);
            }
            cleanUp.run();
        }
    }
}
