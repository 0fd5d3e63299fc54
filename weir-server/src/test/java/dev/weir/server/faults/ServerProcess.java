package dev.weir.server.faults;

import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A Weir server in a process of its own, so a test can kill it with SIGKILL and start it again. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final URI apiUrl;

    private ServerProcess(Process process, URI apiUrl) {
        this.process = process;
        this.apiUrl = apiUrl;
    }

    static ServerProcess start(String databaseUrl, int port) throws IOException {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), databaseUrl, String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("READY ")) {
                URI api = URI.create(line.substring(6).trim());
                Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> {}));
                return new ServerProcess(process, api);
            }
        }
        throw new IOException("The server process ended before it was ready (exit " + process.exitValue() + ")");
    }

    URI apiUrl() {
        return apiUrl;
    }

    /** SIGKILL: no shutdown hook, no flush, no orderly close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The server process: {@code Main <database url> <port>}. */
    public static final class Main {
        public static void main(String[] args) throws InterruptedException {
            WeirServer server = WeirServer.start(ServerConfig.defaults().withDatabaseUrl(args[0])
                    .withPort(Integer.parseInt(args[1])));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println("READY " + server.apiUrl());
            new CountDownLatch(1).await();
        }
    }
}
