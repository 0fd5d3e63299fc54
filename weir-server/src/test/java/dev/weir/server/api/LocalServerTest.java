package dev.weir.server.api;

import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test against a real server on port 0 over a fresh SQLite file, with a client of its API. */
abstract class LocalServerTest {

    @TempDir
    Path home;

    WeirServer server;
    TestClient client;

    @BeforeEach
    void startServer() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        client = new TestClient(server.apiUrl());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
