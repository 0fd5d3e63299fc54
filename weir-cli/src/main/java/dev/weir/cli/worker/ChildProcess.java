package dev.weir.cli.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One flow run executing in a child JVM: {@code java -cp <classpath> dev.weir.worker.FlowRunMain <id>
 * <entrypoint>}, with the java that runs this worker.
 */
final class ChildProcess {

    static final String MAIN = "dev.weir.worker.FlowRunMain";

    private final Process process;

    ChildProcess(Process process) {
        this.process = process;
    }

    /** Starts the child with {@code env} added to this process's environment. */
    static ChildProcess start(UUID flowRunId, String entrypoint, String classpath, Map<String, String> env) throws IOException {
        return new ChildProcess(launch(classpath, env, List.of(flowRunId.toString(), entrypoint)));
    }

    /**
     * Starts a child that readies itself (JVM, SDK, connection, the flow class of {@code entrypoint})
     * and then waits for the run it is given with {@link #assign}: {@code FlowRunMain --standby <entrypoint>}.
     */
    static Process startStandby(String classpath, Map<String, String> env, String entrypoint) throws IOException {
        return launch(classpath, env, List.of("--standby", entrypoint));
    }

    /** Gives a standby child its run: one line, {@code <flow-run-id> <entrypoint>}, on its standard input. */
    static ChildProcess assign(Process standby, UUID flowRunId, String entrypoint) throws IOException {
        var input = standby.getOutputStream();
        input.write((flowRunId + " " + entrypoint + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        input.flush();
        return new ChildProcess(standby);
    }

    private static Process launch(String classpath, Map<String, String> env, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(ClassDataSharing.options(classpath));
        command.addAll(List.of("-cp", classpath, MAIN));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return builder.start();
    }

    Process process() {
        return process;
    }

    /** Where the child runs, {@code host:pid}: the infrastructure pid of its run. */
    String infrastructurePid() {
        return host() + ":" + process.pid();
    }

    /** Waits for the child to end; returns its exit code (128 + N when signal N ended it, on Unix). */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** What the exit code says, for a Crashed state's message: the code, and the signal it means on Unix. */
    static String describeExit(int code) {
        if (code > 128 && code < 160) {
            return "exit code " + code + " (signal " + (code - 128) + ")";
        }
        return "exit code " + code;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
