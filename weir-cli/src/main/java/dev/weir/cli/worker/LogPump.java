package dev.weir.cli.worker;

import dev.weir.cli.http.ApiClient;
import dev.weir.run.RunLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a child's output stream line by line and records each line in the run's logs, in batches (a
 * batch goes when 100 lines gathered, when the stream pauses, and at its end). Runs on its own virtual thread.
 */
final class LogPump {

    private static final int BATCH = 100;

    private final Thread thread;

    private LogPump(Thread thread) {
        this.thread = thread;
    }

    /** Pumps {@code stream} into the logs of {@code flowRunId} at {@code level} (INFO for stdout, ERROR for stderr). */
    static LogPump start(ApiClient api, UUID flowRunId, InputStream stream, String level, PrintStream err) {
        Thread thread = Thread.ofVirtual().name("weir-log-pump").start(() -> {
            List<RunLog> batch = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    batch.add(new RunLog(flowRunId, null, level, "weir.worker", line, Instant.now()));
                    if (batch.size() >= BATCH || !reader.ready()) {
                        send(api, batch, err);
                    }
                }
            } catch (IOException e) {
                err.println("warning: lost the output of flow run " + flowRunId + ": " + e.getMessage());
            }
            send(api, batch, err);
        });
        return new LogPump(thread);
    }

    private static void send(ApiClient api, List<RunLog> batch, PrintStream err) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            api.post("/logs", List.copyOf(batch));
        } catch (RuntimeException e) {
            err.println("warning: could not record " + batch.size() + " log lines: " + e.getMessage());
        }
        batch.clear();
    }

    /** Waits until the stream ended and every line was sent. */
    void join() throws InterruptedException {
        thread.join();
    }
}
