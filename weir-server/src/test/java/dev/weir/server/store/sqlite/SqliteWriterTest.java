package dev.weir.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.server.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single writer: group commit, savepoint isolation of failures, connection settings. */
class SqliteWriterTest {

    @TempDir
    Path folder;

    private SqliteWriter writer;
    private SqliteReadPool readers;

    @BeforeEach
    void open() throws SQLException {
        Path file = folder.resolve("w.db");
        writer = new SqliteWriter(SqliteConnections.openWriter(file), 100, 50, "test-writer");
        writer.submit(c -> execute(c, "CREATE TABLE t (v INTEGER NOT NULL UNIQUE)"));
        readers = new SqliteReadPool(file, 2);
    }

    @AfterEach
    void close() {
        writer.close();
        readers.close();
    }

    @Test
    void commitsQueuedWritesTogetherAndFailsOnlyTheRequestThatThrew() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> blocker = pool.submit(() -> writer.submit(c -> {
                busy.countDown();
                awaitQuietly(release);
                return insert(c, 0);
            }));
            busy.await();
            long commitsBefore = writer.commits();
            List<Future<Integer>> results = new ArrayList<>();
            for (int v = 1; v <= 5; v++) {
                int value = v;
                results.add(pool.submit(() -> writer.submit(c -> {
                    insert(c, value);
                    if (value == 3) {
                        throw new IllegalArgumentException("request 3 fails after its insert");
                    }
                    return value;
                })));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> writer.queued() == 5);
            release.countDown();
            blocker.get();
            assertThat(results.get(0).get()).isEqualTo(1);
            assertThatThrownBy(() -> results.get(2).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request 3");
            assertThat(results.get(4).get()).isEqualTo(5);
            assertThat(writer.commits() - commitsBefore).isEqualTo(2);
        }
        assertThat(values()).containsExactly(0, 1, 2, 4, 5);
    }

    @Test
    void anSqlErrorFailsItsCallerWithTheCauseAndKeepsTheWriterRunning() {
        writer.submit(c -> insert(c, 1));
        assertThatThrownBy(() -> writer.submit(c -> insert(c, 1)))
                .isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(SQLException.class);
        writer.submit(c -> insert(c, 2));
        assertThat(values()).containsExactly(1, 2);
    }

    @Test
    void connectionsUseWalNormalSyncForeignKeysAndABusyTimeoutAndReadersCannotWrite() {
        assertThat(writer.submit(c -> pragma(c, "journal_mode")).toString()).isEqualTo("wal");
        assertThat(writer.submit(c -> pragma(c, "synchronous")).toString()).isEqualTo("1");
        assertThat(writer.submit(c -> pragma(c, "foreign_keys")).toString()).isEqualTo("1");
        assertThat(readers.read(c -> pragma(c, "busy_timeout")).toString()).isEqualTo("60000");
        assertThat(readers.read(c -> pragma(c, "cache_size")).toString()).isEqualTo("20000");
        assertThatThrownBy(() -> readers.read(c -> insert(c, 9))).isInstanceOf(StoreException.class);
    }

    @Test
    void writesAfterCloseAreRefused() {
        writer.close();
        assertThatThrownBy(() -> writer.submit(c -> insert(c, 1)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> values() {
        return readers.read(c -> {
            List<Integer> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY v")) {
                while (rs.next()) {
                    values.add(rs.getInt(1));
                }
            }
            return values;
        });
    }

    private static int insert(Connection c, int value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
            ps.setInt(1, value);
            return ps.executeUpdate();
        }
    }

    private static Object execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
