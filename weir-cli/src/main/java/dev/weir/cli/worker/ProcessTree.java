package dev.weir.cli.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything it started: SIGTERM to the process and all its descendants, a grace
 * period for them to end, then SIGKILL to whatever is left (and to what those started meanwhile).
 *
 * <p>The descendants are collected before the root is signalled: once the root has died its children
 * are re-parented and can no longer be found from it. A zombie (a process that has ended but that no
 * one has reaped, as happens under an init that does not reap) counts as ended.
 */
final class ProcessTree {

    /** How long to wait after SIGKILL for the processes to be gone. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private ProcessTree() {}

    /** What stopping a tree did: how many processes were signalled, and which survived SIGTERM. */
    record Outcome(int signalled, List<Long> killed) {}

    /**
     * Stops {@code root} and its descendants, waiting at most {@code grace} after SIGTERM.
     * Blocks until they are gone or {@code grace} plus a few seconds have passed.
     */
    static Outcome terminate(ProcessHandle root, Duration grace) throws InterruptedException {
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        root.descendants().forEach(p -> tree.put(p.pid(), p));
        tree.put(root.pid(), root);
        tree.values().forEach(ProcessHandle::destroy);
        awaitEnd(tree.values(), Instant.now().plus(grace));
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle p : List.copyOf(tree.values())) {
            if (running(p)) {
                left.add(p);
                p.descendants().filter(d -> !tree.containsKey(d.pid())).forEach(d -> {
                    tree.put(d.pid(), d);
                    left.add(d);
                });
            }
        }
        left.forEach(ProcessHandle::destroyForcibly);
        awaitEnd(left, Instant.now().plus(AFTER_KILL));
        return new Outcome(tree.size(), left.stream().map(ProcessHandle::pid).toList());
    }

    private static void awaitEnd(Iterable<ProcessHandle> processes, Instant deadline) throws InterruptedException {
        for (ProcessHandle p : processes) {
            while (running(p)) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return;
                }
                try {
                    // onExit() of a process that is not our child polls; a zombie never "exits", so wake up to look.
                    p.onExit().get(Math.min(left.toMillis(), 200), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // Look again.
                }
            }
        }
    }

    /** Whether {@code p} is still running: alive and, where /proc says so, not a zombie. */
    static boolean running(ProcessHandle p) {
        return p.isAlive() && !zombie(p.pid());
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (NoSuchFileException e) {
            return Files.isDirectory(Path.of("/proc/self"));
        } catch (IOException e) {
            return false;
        }
    }
}
