package dev.weir.cache;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A second process for the cross-process lock test: holds a file lock until a line arrives on stdin. */
public final class FileLockHolder {

    private FileLockHolder() {}

    public static void main(String[] args) throws Exception {
        LockManager locks = LockManager.fileLocks(Path.of(args[0]));
        try (IsolationLock lock = locks.acquire(args[1], Duration.ofSeconds(30))) {
            System.out.println("LOCKED " + lock.key());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("RELEASED");
        System.out.flush();
    }
}
