package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI served from the classpath: the page at every UI path, never in place of an API answer. */
class StaticUiTest {

    @TempDir
    Path home;

    private WeirServer server;
    private TestClient root;

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        root = new TestClient(server.apiUrl().resolve("/"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClient.Response get(String path, String accept) {
        return root.send(root.request(path.substring(1)).header("Accept", accept).GET());
    }

    @Test
    void servesTheUiAtTheRootAndAtItsOwnPathsForReloads() {
        for (String path : new String[] {"/", "/runs", "/runs/01930000-0000-7000-8000-000000000000", "/flows/my%20flow"}) {
            TestClient.Response page = get(path, "text/html,application/xhtml+xml");
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.raw().headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
        }
    }

    @Test
    void servesHashedAssetsCachedForGood() {
        String html = get("/", "text/html").body();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(script.find()).as(html).isTrue();
        TestClient.Response asset = get(script.group(1), "*/*");
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(asset.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("immutable"));
        assertThat(get("/assets/missing.js", "*/*").status()).isEqualTo(404);
    }

    @Test
    void anUnknownApiPathStaysAProblemDocumentWhateverTheBrowserAccepts() {
        for (String accept : new String[] {"text/html", "*/*", "application/json"}) {
            TestClient.Response response = get("/api/nothing/here", accept);
            assertThat(response.status()).as(accept).isEqualTo(404);
            assertThat(response.raw().headers().firstValue("Content-Type")).as(accept)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.json().get("detail").asText()).as(accept).contains("/api/nothing/here");
        }
        HttpResponse<String> api = get("/api/health", "text/html").raw();
        assertThat(api.body()).contains("ok");
    }
}
