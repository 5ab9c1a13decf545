package textnet.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Spark already runs one task per core; letting each task's ND4J/OpenMP use every core as well
 * oversubscribes the machine (tasks x threads > cores) and slows every step down. So a task's
 * native math runs on one thread. Also set as OMP_NUM_THREADS by scripts/ for the JVMs they start.
 */
public final class NativeThreads {

    private static volatile boolean configured;

    private NativeThreads() {
    }

    public static void useOnePerTask() {
        if (!configured) {
            synchronized (NativeThreads.class) {
                if (!configured) {
                    Nd4j.getEnvironment().setMaxThreads(1);
                    Nd4j.getEnvironment().setMaxMasterThreads(1);
                    configured = true;
                }
            }
        }
    }
}
