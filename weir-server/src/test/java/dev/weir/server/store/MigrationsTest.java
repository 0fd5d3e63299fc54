package dev.weir.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migrations of the two dialects stay in lockstep with each other and with the list. */
class MigrationsTest {

    @Test
    void bothDialectsHaveExactlyTheListedMigrationFiles() throws Exception {
        List<String> listed = Migrations.all().stream().map(Migrations.Migration::fileName).toList();
        assertThat(listed).isNotEmpty();
        assertThat(files("sqlite")).containsExactlyElementsOf(listed);
        assertThat(files("postgres")).containsExactlyElementsOf(listed);
    }

    @Test
    void bothDialectsCreateTheSameTablesAndIndexes() throws Exception {
        for (Migrations.Migration migration : Migrations.all()) {
            assertThat(objects("postgres", migration)).isEqualTo(objects("sqlite", migration));
        }
    }

    @Test
    void splitsScriptsAtLineEndingSemicolonsAndDropsComments() {
        String script = "-- a comment\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nCREATE INDEX i\n  ON a (x);\n";
        assertThat(Migrations.statements(script)).containsExactly("CREATE TABLE a (x TEXT DEFAULT ';')", "CREATE INDEX i\n  ON a (x)");
        assertThatThrownBy(() -> Migrations.statements("CREATE TABLE b (x TEXT)")).hasMessageContaining("semicolon");
    }

    private static List<String> files(String dialect) throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationsTest.class.getClassLoader().getResource("db/" + dialect).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted(MigrationsTest::byVersion).toList();
        }
    }

    private static int byVersion(String a, String b) {
        return Integer.compare(version(a), version(b));
    }

    private static int version(String fileName) {
        return Integer.parseInt(fileName.substring(1, fileName.indexOf("__")));
    }

    /** The "CREATE TABLE x", "CREATE INDEX y ON x" and "ALTER TABLE x ADD COLUMN c" heads of a migration's statements. */
    private static List<String> objects(String dialect, Migrations.Migration migration) throws Exception {
        Path file = Path.of(MigrationsTest.class.getClassLoader()
                .getResource("db/" + dialect + "/" + migration.fileName()).toURI());
        return Migrations.statements(Files.readString(file)).stream()
                .map(sql -> sql.replaceAll("\\s+", " "))
                .map(sql -> sql.replaceAll("^(CREATE (UNIQUE )?(TABLE|INDEX) \\w+( ON \\w+ \\([^)]*\\))?).*$", "$1"))
                .map(sql -> sql.replaceAll("^(ALTER TABLE \\w+ ADD COLUMN \\w+).*$", "$1"))
                .toList();
    }
}
