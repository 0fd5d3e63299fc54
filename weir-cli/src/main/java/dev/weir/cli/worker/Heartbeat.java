package dev.weir.cli.worker;

import dev.weir.api.WorkerHeartbeat;
import dev.weir.cli.http.ApiClient;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Beats for a worker on its own virtual thread until closed; a failed beat is reported and the next one runs as planned. */
final class Heartbeat implements AutoCloseable {

    private final Thread thread;

    private Heartbeat(Thread thread) {
        this.thread = thread;
    }

    /** Beats once now (failing if the pool does not exist), then every {@code every}. */
    static Heartbeat start(ApiClient api, String pool, String name, Duration every, PrintStream err) {
        String path = "/work_pools/" + URLEncoder.encode(pool, StandardCharsets.UTF_8) + "/workers/heartbeat";
        WorkerHeartbeat beat = new WorkerHeartbeat(name, null);
        api.post(path, beat);
        Thread thread = Thread.ofVirtual().name("weir-worker-heartbeat").start(() -> {
            while (true) {
                try {
                    Thread.sleep(every);
                    api.post(path, beat);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    err.println("warning: heartbeat failed: " + e.getMessage());
                }
            }
        });
        return new Heartbeat(thread);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
