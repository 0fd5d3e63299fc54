package dev.weir.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main} in this JVM with a given environment and standard input, capturing its output. */
final class Cli {

    /** A finished command: its exit code and what it printed. */
    record Result(int exitCode, String out, String err) {}

    /** A command running on another thread, for commands that block (server start, logs --follow). */
    record Running(Thread thread, ByteArrayOutputStream out, ByteArrayOutputStream err, int[] exitCode) {
        String stdout() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }

        int await() throws InterruptedException {
            thread.join(20_000);
            if (thread.isAlive()) {
                throw new AssertionError("the command did not end; out: " + stdout() + " err: " + stderr());
            }
            return exitCode[0];
        }
    }

    private final Map<String, String> env = new HashMap<>();

    /** A CLI whose environment is only {@code env} (no variable of the test's own process leaks in). */
    Cli(Map<String, String> env) {
        this.env.putAll(env);
    }

    Cli with(String name, String value) {
        Cli copy = new Cli(env);
        copy.env.put(name, value);
        return copy;
    }

    Cli without(String name) {
        Cli copy = new Cli(env);
        copy.env.remove(name);
        return copy;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(terminal(stdin, out, err), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Running start(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        Terminal terminal = terminal("", out, err);
        Thread thread = Thread.ofPlatform().name("weir-cli-test").start(() -> code[0] = Main.run(terminal, args));
        return new Running(thread, out, err, code);
    }

    private Terminal terminal(String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Terminal(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InstantSource.system());
    }
}
