package dev.weir.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientTest {

    @TempDir
    Path home;

    @Test
    void aProblemDocumentBecomesAnApiErrorWithItsDetailAndField() {
        try (WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0)
                .withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
                ApiClient client = new ApiClient(server.apiUrl(), Optional.empty(), "")) {
            assertThatThrownBy(() -> client.post("/flow_runs/filter", Map.of("sort", "sideways"), new TypeReference<JsonNode>() {}))
                    .isInstanceOfSatisfying(ApiError.class, error -> {
                        assertThat(error.status()).isEqualTo(400);
                        assertThat(error.field()).contains("sort");
                        assertThat(error.getMessage()).contains("'sort' must be one of").contains("sideways");
                    });
        }
    }

    @Test
    void serverSentEventsAreReadAsEventsAndComments() throws Exception {
        String stream = ": keep-alive\n\nevent: log\nid: 7\ndata: {\"a\":1}\n\ndata: one\ndata: two\n\n";
        try (ServerSentEvents events = new ServerSentEvents(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(events.next()).contains(new ServerSentEvents.Comment("keep-alive"));
            assertThat(events.next()).contains(new ServerSentEvents.Event("log", "7", "{\"a\":1}"));
            assertThat(events.next()).contains(new ServerSentEvents.Event("message", null, "one\ntwo"));
            assertThat(events.next()).isEmpty();
        }
    }
}
