package textnet.cli;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What the driver knows, while tasks still run, of how far they have got: the counters
 * ({@code LongAccumulator}s) textnet's tasks add to, and the tasks of the newest Spark stage.
 *
 * <p>A running task's accumulator lives in its executor until the task ends; Spark sends the values
 * of running tasks' accumulators to the driver with every executor heartbeat
 * ({@code spark.executor.heartbeatInterval}, which a textnet session with progress lowers to 1 s from
 * Spark's 10 s; also in local mode, where the driver's own executor heartbeats), and the final value
 * with each task's end. So a counter's value here is: the final values of the tasks that succeeded,
 * plus the latest heartbeat value of each task still running. A failed task's partial count is
 * dropped (its retry counts again); a heartbeat that arrives after its task's end is ignored.
 * Events arrive on Spark's listener thread; readers (the progress thread) call the synchronized getters.
 */
final class TaskCounters extends SparkListener {

    private final LongSupplier nanoClock;
    private final Map<Long, Counter> counters = new HashMap<>();
    private Stage newestStage;

    TaskCounters(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** How many tasks of a stage have succeeded, of how many, since when (on the given clock). */
    record Stage(int id, int tasks, int succeeded, long submittedNanos) {
    }

    private static final class Counter {
        long finished;
        final Map<Long, Long> running = new HashMap<>(); // task id -> latest heartbeat value
        final Set<Long> ended = new HashSet<>();
    }

    synchronized void watch(long accumulatorId) {
        counters.put(accumulatorId, new Counter());
    }

    synchronized void unwatch(long accumulatorId) {
        counters.remove(accumulatorId);
    }

    /** The watched counter's value over all tasks so far, running ones included. */
    synchronized long value(long accumulatorId) {
        Counter c = counters.get(accumulatorId);
        if (c == null) {
            return 0;
        }
        long sum = c.finished;
        for (long v : c.running.values()) {
            sum += v;
        }
        return sum;
    }

    /** The newest stage submitted after {@code sinceNanos}, or null. */
    synchronized Stage newestStage(long sinceNanos) {
        return newestStage != null && newestStage.submittedNanos() - sinceNanos >= 0 ? newestStage : null;
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted e) {
        newestStage = new Stage(e.stageInfo().stageId(), e.stageInfo().numTasks(), 0, nanoClock.getAsLong());
    }

    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
        if (counters.isEmpty()) {
            return;
        }
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(e.accumUpdates())) {
            long taskId = (Long) task._1();
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                Counter c = counters.get(info.id());
                if (c != null && !c.ended.contains(taskId) && info.update().isDefined()) {
                    c.running.put(taskId, asLong(info.update().get()));
                }
            }
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        long taskId = e.taskInfo().taskId();
        boolean succeeded = e.taskInfo().successful();
        if (newestStage != null && succeeded && e.stageId() == newestStage.id()) {
            newestStage = new Stage(newestStage.id(), newestStage.tasks(), newestStage.succeeded() + 1,
                    newestStage.submittedNanos());
        }
        for (Counter c : counters.values()) {
            c.running.remove(taskId);
            c.ended.add(taskId);
        }
        if (!succeeded) {
            return;
        }
        for (AccumulableInfo info : CollectionConverters.asJava(e.taskInfo().accumulables())) {
            Counter c = counters.get(info.id());
            if (c != null && info.update().isDefined()) {
                c.finished += asLong(info.update().get());
            }
        }
    }

    private static long asLong(Object update) {
        return update instanceof Number n ? n.longValue() : 0;
    }
}
