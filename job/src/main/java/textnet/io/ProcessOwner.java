package textnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The textnet process that holds a lock or a scratch folder: its pid, host and start time (a pid
 * alone is reused by the system), and the command it runs, so that another process can tell the
 * user who holds an output and can tell a live owner from a dead one.
 */
public record ProcessOwner(long pid, String host, long startMillis, String command) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = hostName();

    public static ProcessOwner current(String command) {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(self.pid(), HOST, startMillis(self).orElse(0L), command);
    }

    /**
     * False only when the owner ran on this host and is certainly gone: no process with its pid, or one
     * started at another time (the pid was reused). An owner on another host is assumed alive.
     */
    public boolean isAlive() {
        if (!HOST.equals(host)) {
            return true;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Long> started = startMillis(handle.get());
        // start times are rounded differently by different reads of /proc: allow a second
        return started.isEmpty() || startMillis == 0 || Math.abs(started.get() - startMillis) < 1000;
    }

    /** For messages: {@code pid 4242 on host, started 2026-12-01 10:02:03 (textnet train conf/imdb.yaml)}. */
    public String describe() {
        String started = startMillis == 0 ? "" : ", started " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(startMillis));
        return "pid " + pid + " on " + host + started + (command == null || command.isEmpty() ? "" : " (" + command + ")");
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner written by {@link #toJson()}, or empty when the text is not one (a half-written file). */
    public static Optional<ProcessOwner> parse(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            if (json == null || !json.has("pid")) {
                return Optional.empty();
            }
            return Optional.of(new ProcessOwner(json.path("pid").asLong(), json.path("host").asText(""),
                    json.path("startMillis").asLong(), json.path("command").asText("")));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
