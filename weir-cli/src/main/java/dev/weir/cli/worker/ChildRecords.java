package dev.weir.cli.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.SetStateRequest;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiError;
import dev.weir.core.Json;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The children a worker has started, recorded on disk so that a worker started later can stop the
 * ones left behind (REFERENCE R6: host, PID and start time of each child).
 *
 * <p>Each worker has a folder {@code <root>/<worker name>} holding a {@code lock} file, locked while the
 * worker runs, and one {@code <flow run id>.json} per child it started and has not settled. A worker
 * starting up looks at every folder whose lock it can take (its own, and those of workers that have
 * stopped): each recorded child still running on this host, with the same start time, whose run is
 * final, cancelling or gone, has its process tree stopped; a cancelling run then ends Cancelled.
 * Children of runs still under way are left running and recorded. Not thread-safe for the same run.
 */
final class ChildRecords implements AutoCloseable {

    private final Path root;
    private final Path folder;
    private FileChannel lockFile;
    private FileLock lock;

    /** The records of worker {@code name} under {@code root} (a worker pool's folder). */
    ChildRecords(Path root, String name) {
        this.root = root;
        this.folder = root.resolve(name.replaceAll("[^\\p{L}\\p{N}_.-]", "_"));
    }

    /** Takes this worker's lock; false when another running worker of the same name holds it. */
    boolean open() throws IOException {
        Files.createDirectories(folder);
        lockFile = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(lockFile);
        return lock != null;
    }

    /** Records that {@code child} runs {@code flowRunId}. */
    void add(UUID flowRunId, ChildProcess child) throws IOException {
        Files.createDirectories(folder);
        ProcessHandle handle = child.process().toHandle();
        Map<String, Object> record = Map.of("flowRunId", flowRunId.toString(), "host", ChildProcess.host(),
                "pid", handle.pid(), "startTime", handle.info().startInstant().map(Instant::toString).orElse(""));
        Path file = folder.resolve(flowRunId + ".json");
        Path temporary = folder.resolve(flowRunId + ".json.tmp");
        Files.write(temporary, Json.mapper().writeValueAsBytes(record));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the child of {@code flowRunId}, once it has ended. */
    void remove(UUID flowRunId) {
        try {
            Files.deleteIfExists(folder.resolve(flowRunId + ".json"));
        } catch (IOException e) {
            // A stale record only costs a look at the next start.
        }
    }

    /**
     * Stops the children left behind by this worker's earlier life and by stopped workers of the same
     * pool on this machine, as described above; each stop on a thread of its own.
     *
     * @return the threads stopping children, to join if the caller wants to wait
     */
    List<Thread> stopOrphans(ApiClient api, Duration grace, PrintStream out, PrintStream err) {
        List<Thread> stopping = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            err.println("warning: could not look for orphaned flow-run processes in " + root + ": " + e.getMessage());
            return stopping;
        }
        for (Path other : folders) {
            boolean own = other.equals(folder);
            try (FileChannel channel = own ? null : FileChannel.open(other.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = own ? null : tryLock(channel)) {
                if (!own && held == null) {
                    continue; // That worker is running; its children are its own business.
                }
                try (Stream<Path> files = Files.list(other)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                        orphan(file, api, grace, out, err).ifPresent(stopping::add);
                    }
                }
            } catch (IOException | RuntimeException e) {
                err.println("warning: could not look for orphaned flow-run processes in " + other + ": " + e.getMessage());
            }
        }
        return stopping;
    }

    private Optional<Thread> orphan(Path file, ApiClient api, Duration grace, PrintStream out, PrintStream err)
            throws IOException {
        JsonNode record = Json.mapper().readTree(file.toFile());
        if (!record.path("host").asText().equals(ChildProcess.host())) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(record.path("pid").asLong())
                .filter(p -> p.info().startInstant().map(Instant::toString).orElse("?").equals(record.path("startTime").asText()))
                .filter(ProcessTree::running);
        if (process.isEmpty()) {
            Files.deleteIfExists(file);
            return Optional.empty();
        }
        UUID id = UUID.fromString(record.path("flowRunId").asText());
        StateType state;
        try {
            state = StateType.valueOf(api.get("/flow_runs/" + id).path("state").path("type").asText());
        } catch (ApiError e) {
            if (e.status() != 404) {
                throw e;
            }
            state = null;
        }
        if (state != null && state != StateType.CANCELLING && !state.isFinal()) {
            return Optional.empty();
        }
        StateType seen = state;
        out.println("Stopping process " + record.path("pid").asLong() + " left behind by an earlier worker: its flow run "
                + id + (seen == null ? " no longer exists" : " is " + seen.name()) + ".");
        return Optional.of(Thread.ofVirtual().name("weir-worker-orphan").start(() -> {
            try {
                ProcessTree.terminate(process.get(), grace);
                if (seen == StateType.CANCELLING) {
                    api.post("/flow_runs/" + id + "/set_state", new SetStateRequest(
                            State.cancelled(Instant.now(), "The worker stopped the flow run's processes"), false));
                }
                Files.deleteIfExists(file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                err.println("warning: could not stop the orphaned process of flow run " + id + ": " + e.getMessage());
            }
        }));
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // Held by a worker in this JVM.
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            // Released when the process ends anyway.
        }
    }
}
