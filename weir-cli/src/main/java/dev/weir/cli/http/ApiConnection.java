package dev.weir.cli.http;

import dev.weir.cli.config.Settings;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The API a command talks to for as long as it runs: the server at {@code WEIR_API_URL} when that is
 * set, otherwise a server started inside the command on 127.0.0.1 (a free port) over the local
 * database, closed with this connection. Either way the command uses the same {@link ApiClient}.
 */
public final class ApiConnection implements AutoCloseable {

    private final ApiClient client;
    private final Optional<WeirServer> embedded;

    private ApiConnection(ApiClient client, Optional<WeirServer> embedded) {
        this.client = client;
        this.embedded = embedded;
    }

    /**
     * Connects as {@code settings} say. Without an API URL, the command starts a server of its own over
     * the local database that runs no background services (no retention, no scheduler), so that a
     * command changes only what it is asked to.
     */
    public static ApiConnection open(Settings settings) {
        Optional<java.net.URI> url = settings.apiUrl();
        if (url.isPresent()) {
            return new ApiConnection(new ApiClient(url.get(), settings.apiKey(), "Start one with 'weir server start',"
                    + " or unset WEIR_API_URL ('weir config unset WEIR_API_URL') to use the local database."), Optional.empty());
        }
        ServerConfig config = new ServerConfig("127.0.0.1", 0, settings.databaseUrl(), false, false, 1024 * 1024, 0,
                InstantSource.system());
        WeirServer server = WeirServer.startApiOnly(config);
        return new ApiConnection(new ApiClient(server.apiUrl(), Optional.empty(), "The command's own server stopped."),
                Optional.of(server));
    }

    public ApiClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(WeirServer::close);
    }
}
