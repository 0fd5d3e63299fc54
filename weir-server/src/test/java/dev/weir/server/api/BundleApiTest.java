package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.server.ServerConfig;
import dev.weir.server.auth.ApiKeys;
import dev.weir.server.auth.Role;
import dev.weir.server.store.Database;
import java.time.InstantSource;
import dev.weir.server.WeirServer;
import dev.weir.server.store.BundleStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleApiTest {

    @TempDir
    Path home;

    private WeirServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withMaxBodyBytes(1024 * 1024)
                .withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        client = new TestClient(server.apiUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private TestClient.Response put(String sha256, byte[] body) {
        return client.send(client.request("/bundles/" + sha256).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/zip"));
    }

    @Test
    void anUploadedBundleIsStoredUnderItsHashAndDownloadsByteForByte() throws Exception {
        byte[] bundle = bytes(10_000);
        String sha256 = BundleStore.sha256(bundle);

        assertThat(client.send(client.request("/bundles/" + sha256).HEAD()).status()).isEqualTo(404);
        TestClient.Response created = put(sha256, bundle);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(put(sha256, bundle).status()).isEqualTo(200);

        assertThat(client.send(client.request("/bundles/" + sha256).HEAD()).status()).isEqualTo(200);
        HttpResponse<byte[]> download = client.http().send(client.request("/bundles/" + sha256).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bundle);
        assertThat(home.resolve("bundles").resolve(sha256)).hasBinaryContent(bundle);
        try (var files = Files.list(home.resolve("bundles"))) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void aBodyWhoseHashIsNotThePathIsRefusedNamingSha256() throws Exception {
        String wrong = BundleStore.sha256(bytes(5));
        TestClient.Response response = put(wrong, bytes(100));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("sha256");
        assertThat(response.json().get("detail").asText()).contains(wrong);
        assertThat(client.get("/bundles/" + wrong).status()).isEqualTo(404);
        assertThat(client.get("/bundles/" + wrong).json().get("detail").asText()).contains("No bundle");
        assertThat(put("not-a-hash", bytes(5)).json().get("field").asText()).isEqualTo("sha256");
    }

    @Test
    void bundlesMayExceedTheGlobalBodyLimitThatOtherRoutesKeep() {
        byte[] bundle = bytes(3 * 1024 * 1024);
        TestClient.Response stored = put(BundleStore.sha256(bundle), bundle);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);

        TestClient.Response logs = client.send(client.request("/logs").expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(bundle))
                .header("Content-Type", "application/json"));
        assertThat(logs.status()).isEqualTo(413);
    }

    @Test
    void aBundleOver512MegabytesIsRefusedBeforeItsBodyIsRead() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/bundles/" + "a".repeat(64) + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                    + (513L * 1024 * 1024) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("512 MB");
        }
    }

    @Test
    void uploadingNeedsWriteAccessAndReadingReadAccess() {
        Path other = home.resolve("auth");
        try (Database database = Database.open("jdbc:sqlite:" + other.resolve("weir.db"))) {
            ApiKeys keys = new ApiKeys(database.apiKeys(), InstantSource.system());
            String viewerKey = keys.create("dash", Role.VIEWER).key();
            String developerKey = keys.create("ci", Role.DEVELOPER).key();
            try (WeirServer secured = WeirServer.start(ServerConfig.defaults().withPort(0).withAuth(true)
                    .withDatabaseUrl("jdbc:sqlite:" + other.resolve("weir.db")), database)) {
                TestClient anonymous = new TestClient(secured.apiUrl());
                TestClient viewer = anonymous.withKey(viewerKey);
                TestClient developer = anonymous.withKey(developerKey);
                byte[] bundle = bytes(1000);
                String sha256 = BundleStore.sha256(bundle);
                String path = "/bundles/" + sha256;

                assertThat(viewer.send(viewer.request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(bundle))).status())
                        .isEqualTo(403);
                assertThat(anonymous.send(anonymous.request(path).HEAD()).status()).isEqualTo(401);
                assertThat(viewer.send(viewer.request(path).HEAD()).status()).isEqualTo(404);
                assertThat(developer.send(developer.request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(bundle)))
                        .status()).isEqualTo(201);
                assertThat(viewer.send(viewer.request(path).HEAD()).status()).isEqualTo(200);
                assertThat(viewer.get(path).status()).isEqualTo(200);
            }
        }
    }
}
