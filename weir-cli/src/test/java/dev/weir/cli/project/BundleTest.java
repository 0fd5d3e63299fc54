package dev.weir.cli.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {

    @TempDir
    Path project;

    private void write(String name, String text) throws Exception {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theSameFilesGiveTheSameHashWhateverTheirTimestampsAndOrder() throws Exception {
        write("target/app.jar", "app");
        write("target/lib/b.jar", "b");
        write("target/lib/a.jar", "a");
        write("target/lib/notes.txt", "not matched");

        String first;
        try (Bundle bundle = Bundle.build(project, List.of("target/app.jar", "target/lib/*.jar"))) {
            first = bundle.sha256();
            assertThat(bundle.classpath()).containsExactly("target/app.jar", "target/lib/a.jar", "target/lib/b.jar");
            try (ZipFile zip = new ZipFile(bundle.file().toFile())) {
                assertThat(zip.stream().map(e -> e.getName()).toList())
                        .containsExactly("target/app.jar", "target/lib/a.jar", "target/lib/b.jar");
            }
        }
        Files.setLastModifiedTime(project.resolve("target/app.jar"), FileTime.from(Instant.parse("2031-05-06T07:08:09Z")));
        try (Bundle again = Bundle.build(project, List.of("target/lib/*.jar", "target/app.jar"))) {
            assertThat(again.sha256()).isEqualTo(first);
        }
        write("target/app.jar", "app v2");
        try (Bundle changed = Bundle.build(project, List.of("target/app.jar", "target/lib/*.jar"))) {
            assertThat(changed.sha256()).isNotEqualTo(first);
        }
    }

    @Test
    void aFolderIsTakenWholeAndIsAClasspathFolder() throws Exception {
        write("target/classes/com/acme/A.class", "a");
        try (Bundle bundle = Bundle.build(project, List.of("target/classes"))) {
            assertThat(bundle.classpath()).containsExactly("target/classes/");
            try (ZipFile zip = new ZipFile(bundle.file().toFile())) {
                assertThat(zip.getEntry("target/classes/com/acme/A.class")).isNotNull();
            }
        }
    }

    @Test
    void anEntryMatchingNothingOrOutsideTheProjectIsAnError() {
        assertThatThrownBy(() -> Bundle.build(project, List.of("target/*.jar")))
                .isInstanceOf(ProjectFileException.class).hasMessageContaining("'target/*.jar' matches no file");
        assertThatThrownBy(() -> Bundle.build(project, List.of("../elsewhere.jar")))
                .hasMessageContaining("outside the project folder");
    }
}
