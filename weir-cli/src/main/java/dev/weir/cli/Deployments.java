package dev.weir.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.DeploymentQuery;
import dev.weir.cli.http.ApiClient;
import java.util.ArrayList;
import java.util.List;

/** Finds deployments by the name a user types: {@code flow/deployment}, or the deployment's name alone when unique. */
final class Deployments {

    private static final TypeReference<List<JsonNode>> LIST = new TypeReference<>() {};
    private static final int PAGE = 1000;

    private Deployments() {}

    /** Every deployment, by flow name then name. */
    static List<JsonNode> all(ApiClient client) {
        List<JsonNode> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<JsonNode> page = client.post("/deployments/filter", new DeploymentQuery(List.of(), null, List.of(), PAGE,
                    offset), LIST);
            out.addAll(page);
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    /**
     * The deployment {@code name} means.
     *
     * @throws CliException if none matches, or a bare name matches deployments of several flows
     */
    static JsonNode find(ApiClient client, String name) {
        List<JsonNode> all = all(client);
        int slash = name.indexOf('/');
        List<JsonNode> matches = all.stream()
                .filter(d -> slash < 0 ? d.path("name").asText().equals(name)
                        : qualified(d).equals(name))
                .toList();
        if (matches.isEmpty()) {
            throw CliException.failure("No deployment '" + name + "'; 'weir deployment ls' lists them"
                    + (all.isEmpty() ? " (there are none yet: 'weir deploy' creates them)" : ""));
        }
        if (matches.size() > 1) {
            throw CliException.failure("Deployment name '" + name + "' is ambiguous: "
                    + String.join(", ", matches.stream().map(Deployments::qualified).toList()) + "; say flow/deployment");
        }
        return matches.get(0);
    }

    /** {@code flow/deployment}. */
    static String qualified(JsonNode deployment) {
        return deployment.path("flowName").asText() + "/" + deployment.path("name").asText();
    }
}
