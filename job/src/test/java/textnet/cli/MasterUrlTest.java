package textnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import textnet.JobException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static textnet.cli.CliChecks.fails;

/** --master is checked before Spark starts: Spark's URL forms only, and a spark:// master that answers. */
class MasterUrlTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[2]", "local[*]", "local[2,3]", "local[*, 4]", "local-cluster[2,1,1024]",
            "yarn", "k8s://https://kubernetes:6443"})
    void sparksOwnFormsPass(String master) {
        MasterUrl.check(master); // nothing is contacted for these: Spark does it
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "local[0]", "local[two]", "locale", "spark://", "spark://master", "spark://master:0",
            "spark://master:99999", "spark://a:7077,", "mesos://zk:2181", "k8s://", "Yarn"})
    void anythingElseIsNotAMasterUrl(String master) {
        JobException e = assertThrows(JobException.class, () -> MasterUrl.check(master));
        assertEquals(JobException.Kind.CONFIG, e.kind());
        assertEquals("--master '" + master + "': not a Spark master URL (local[*], spark://HOST:PORT, yarn, k8s://...)",
                e.getMessage());
    }

    @Test
    void aStandaloneMasterPassesWhenOneOfItsAddressesAnswers() throws IOException {
        int closed = closedPort();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MasterUrl.check("spark://127.0.0.1:" + listening.getLocalPort());
            MasterUrl.check("spark://127.0.0.1:" + closed + ",127.0.0.1:" + listening.getLocalPort());
        }
    }

    @Test
    void aBadMasterIsExitTwoBeforeAnythingIsWritten() {
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("--master 'foo': not a Spark master URL (local[*], spark://HOST:PORT, yarn, k8s://...)"),
                "train", CliChecks.config(), "--out", dir.resolve("run").toString(), "--master", "foo");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aStandaloneMasterNothingAnswersIsExitTwoWithinSeconds() throws IOException {
        String master = "spark://127.0.0.1:" + closedPort();
        var before = CliChecks.snapshot(dir);
        long started = System.nanoTime();
        fails(2, List.of("--master " + master + ": no Spark master answers at " + master.substring(8)
                        + " (Connection refused)"),
                "train", CliChecks.config(), "--out", dir.resolve("run").toString(), "--master", master);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 10, "refused in " + seconds + " s");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aStandaloneMasterThatNeverAcceptsTimesOutInThreeSeconds() throws IOException {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // nothing accepts: once its queue is full the kernel drops further connection attempts unanswered
            List<Socket> queued = new ArrayList<>();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
            try {
                for (int i = 0; i < 16; i++) {
                    Socket socket = new Socket();
                    queued.add(socket);
                    socket.connect(address, 500);
                }
            } catch (SocketTimeoutException queueFull) {
                String master = "spark://127.0.0.1:" + full.getLocalPort();
                long started = System.nanoTime();
                JobException e = assertThrows(JobException.class, () -> MasterUrl.check(master));
                double seconds = (System.nanoTime() - started) / 1e9;
                assertEquals("--master " + master + ": no Spark master answers at 127.0.0.1:" + full.getLocalPort()
                        + " (no answer within 3 s)", e.getMessage());
                assertTrue(seconds >= 2.5 && seconds < 6, "gave up after " + seconds + " s");
                return;
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
            fail("16 connections were queued: the kernel never left one unanswered");
        }
    }

    /** A loopback port nothing listens on: one the OS just handed out and that was closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
