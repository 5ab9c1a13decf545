package textnet.cli;

import textnet.JobException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@code --master} URL before Spark starts. Spark takes a misspelt URL or a standalone master
 * that nothing answers for a cluster that is slow to come up: it retries for about a minute and ends
 * in an internal error. Here the syntax is Spark's own forms (SparkContext's task scheduler choice),
 * and a {@code spark://} master must accept a TCP connection on one of its host:port within
 * {@link #CONNECT_TIMEOUT_MILLIS}.
 */
final class MasterUrl {

    static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(\\s*,\\s*[0-9]+)?])?");
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*]");
    /** host:port, the host a name, an IPv4 address or a bracketed IPv6 one. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.%]+]|[A-Za-z0-9._-]+):([0-9]{1,5})");

    private MasterUrl() {
    }

    static void check(String master) {
        if (LOCAL.matcher(master).matches() || LOCAL_CLUSTER.matcher(master).matches() || master.equals("yarn")
                || master.startsWith("k8s://") && master.length() > "k8s://".length()) {
            return;
        }
        if (!master.startsWith("spark://")) {
            throw notAMaster(master);
        }
        List<InetSocketAddress> masters = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",", -1)) {
            Matcher m = HOST_PORT.matcher(hostPort.trim());
            int port = m.matches() ? Integer.parseInt(m.group(2)) : 0;
            if (port < 1 || port > 65535) {
                throw notAMaster(master);
            }
            masters.add(InetSocketAddress.createUnresolved(m.group(1).replaceAll("^\\[|]$", ""), port));
        }
        requireOneAnswers(master, masters);
    }

    /** A standalone master with standby masters lists them all; one answering is enough. */
    private static void requireOneAnswers(String master, List<InetSocketAddress> masters) {
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress address : masters) {
            String where = address.getHostString() + ":" + address.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (UnknownHostException e) {
                failures.add(where + " (unknown host)");
            } catch (SocketTimeoutException e) {
                failures.add(where + " (no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s)");
            } catch (IOException e) {
                failures.add(where + " (" + e.getMessage() + ")");
            }
        }
        throw JobException.config("--master " + master + ": no Spark master answers at " + String.join(", ", failures));
    }

    private static JobException notAMaster(String master) {
        return JobException.config("--master '" + master + "': not a Spark master URL (local[*], spark://HOST:PORT,"
                + " yarn, k8s://...)");
    }
}
