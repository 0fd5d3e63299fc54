package dev.weir.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the numbered SQL migrations of a dialect that a database lacks, tracked in {@code
 * schema_version}.
 *
 * <p>{@code db/migrations.list} names every migration once ({@code 1 init}); each dialect has the
 * file {@code db/<dialect>/V1__init.sql}, so the dialects cannot drift apart: a migration missing
 * from one fails every open. Statements in a file end with a semicolon at the end of a line; lines
 * starting with {@code --} are comments.
 */
final class Migrations {

    static final String LIST = "db/migrations.list";

    private final Dialect dialect;

    Migrations(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A migration: its version and the description its file is named after. */
    record Migration(int version, String description) {
        String fileName() {
            return "V" + version + "__" + description + ".sql";
        }
    }

    /** The migrations every dialect has, in order. */
    static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : resource(LIST).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            Migration migration = new Migration(Integer.parseInt(parts[0]), parts[1]);
            if (migration.version() != migrations.size() + 1) {
                throw new StoreException(LIST + " must number migrations 1, 2, 3, ...; found " + trimmed);
            }
            migrations.add(migration);
        }
        return migrations;
    }

    /** Applies the missing migrations on {@code connection}, inside the caller's transaction; returns the version. */
    int apply(Connection connection) throws SQLException {
        dialect.lockForMigration(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied BIGINT NOT NULL)");
        }
        int current = current(connection);
        List<Migration> migrations = all();
        if (current > migrations.size()) {
            throw new StoreException("The database is at schema version " + current
                    + ", newer than this Weir knows (" + migrations.size() + "); upgrade Weir");
        }
        for (Migration migration : migrations.subList(current, migrations.size())) {
            String script = resource("db/" + dialect.resourceFolder() + "/" + migration.fileName());
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(script)) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.setLong(3, Sql.micros(Instant.now()));
                insert.executeUpdate();
            }
        }
        return migrations.size();
    }

    static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The statements of a script: split at semicolons that end a line, comment lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new StoreException("A migration ends without a semicolon: " + current.toString().strip());
        }
        return statements;
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("Migration resource " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Cannot read migration resource " + path, e);
        }
    }
}
