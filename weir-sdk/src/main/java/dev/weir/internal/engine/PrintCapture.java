package dev.weir.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Sends what a run's own threads print to {@code System.out} and {@code System.err} into the run's
 * log when the run asks for {@code logPrints}; other threads print as before. Installed once, the
 * first time a run needs it; complete lines are logged (INFO for out, WARN for err).
 */
public final class PrintCapture {

    private static final PrintStream ORIGINAL_OUT = System.out;
    private static final PrintStream ORIGINAL_ERR = System.err;
    private static volatile boolean installed;
    /** Set while a run's log line is being written to the console, so that it is not captured again. */
    private static final ThreadLocal<Boolean> WRITING_LOG = new ThreadLocal<>();

    private PrintCapture() {}

    /** The standard output as it was before any capture, for Weir's own console output. */
    public static PrintStream originalOut() {
        return ORIGINAL_OUT;
    }

    /** Runs {@code write} (a logger writing a run's line to the console) without capturing what it prints. */
    static void uncaptured(Runnable write) {
        if (WRITING_LOG.get() != null) {
            write.run();
            return;
        }
        WRITING_LOG.set(Boolean.TRUE);
        try {
            write.run();
        } finally {
            WRITING_LOG.remove();
        }
    }

    static void install() {
        if (installed) {
            return;
        }
        synchronized (PrintCapture.class) {
            if (installed) {
                return;
            }
            Charset charset = ORIGINAL_OUT.charset();
            System.setOut(new PrintStream(new Router(ORIGINAL_OUT, false, charset), true, charset));
            System.setErr(new PrintStream(new Router(ORIGINAL_ERR, true, charset), true, charset));
            installed = true;
        }
    }

    /** Routes bytes to the run's log when the writing thread's run captures prints. */
    private static final class Router extends OutputStream {
        private final PrintStream original;
        private final boolean error;
        private final Charset charset;
        private final ThreadLocal<ByteArrayOutputStream> lines = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        Router(PrintStream original, boolean error, Charset charset) {
            this.original = original;
            this.error = error;
            this.charset = charset;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Frame frame = Frames.current();
            if (frame == null || !frame.capturesPrints() || WRITING_LOG.get() != null) {
                original.write(bytes, offset, length);
                return;
            }
            ByteArrayOutputStream line = lines.get();
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    emit(frame, line);
                } else if (bytes[i] != '\r') {
                    line.write(bytes[i]);
                }
            }
        }

        private void emit(Frame frame, ByteArrayOutputStream line) {
            String text = line.toString(charset);
            line.reset();
            if (error) {
                frame.logger().warn(text);
            } else {
                frame.logger().info(text);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
