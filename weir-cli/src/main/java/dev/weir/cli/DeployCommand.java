package dev.weir.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.DeploymentCreate;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.cli.project.Bundle;
import dev.weir.cli.project.DeploymentSpec;
import dev.weir.cli.project.FlowEntrypoint;
import dev.weir.cli.project.ProjectFile;
import dev.weir.cli.project.ProjectFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weir deploy}: for each deployment of {@code weir.yaml} (or the one named), builds its bundle
 * and computes the flow's parameter schema from the bundle's classes; when all of them are sound,
 * uploads each bundle unless the server has it and creates or updates each deployment with exactly the
 * file's schedules.
 */
@Command(name = "deploy", description = "Creates or updates the deployments of weir.yaml: bundle, parameter schema, schedules.")
final class DeployCommand implements Callable<Integer> {

    private static final TypeReference<JsonNode> JSON = new TypeReference<>() {};

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only the deployment of this name.")
    String name;

    @Option(names = "--file", paramLabel = "FILE", defaultValue = "weir.yaml",
            description = "The project file (default ${DEFAULT-VALUE}); classpath entries are relative to its folder.")
    Path file;

    DeployCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectFile project;
        try {
            project = ProjectFile.read(file, session.env());
        } catch (ProjectFileException e) {
            throw CliException.usage(e.getMessage());
        }
        List<DeploymentSpec> specs = project.deployments().stream()
                .filter(spec -> name == null || spec.name().equals(name)).toList();
        if (specs.isEmpty()) {
            throw CliException.usage("No deployment '" + name + "' in " + file + "; it has "
                    + String.join(", ", project.deployments().stream().map(DeploymentSpec::name).toList()));
        }
        List<Prepared> prepared = new ArrayList<>();
        try {
            // Every deployment is checked (bundle built, flow method found) before anything is sent, so that
            // one bad deployment among good ones registers none of them.
            for (DeploymentSpec spec : specs) {
                prepared.add(prepare(project.folder(), spec));
            }
            try (ApiConnection api = session.connect()) {
                for (Prepared one : prepared) {
                    deploy(api.client(), one);
                }
            }
        } finally {
            prepared.forEach(one -> one.bundle().close());
        }
        return 0;
    }

    /** A deployment whose bundle is built and whose flow method was found. */
    private record Prepared(DeploymentSpec spec, Bundle bundle, FlowEntrypoint flow) {}

    private static Prepared prepare(Path folder, DeploymentSpec spec) {
        Bundle bundle;
        try {
            bundle = Bundle.build(folder, spec.classpath());
        } catch (ProjectFileException e) {
            throw CliException.usage(spec.at("classpath") + ": deployment '" + spec.name() + "': " + e.getMessage());
        }
        try {
            return new Prepared(spec, bundle, FlowEntrypoint.load(bundle.roots(), spec.className(), spec.methodName()));
        } catch (ProjectFileException e) {
            bundle.close();
            throw CliException.usage(spec.at("entrypoint") + ": deployment '" + spec.name() + "': " + e.getMessage());
        }
    }

    private void deploy(ApiClient client, Prepared prepared) {
        DeploymentSpec spec = prepared.spec();
        Bundle bundle = prepared.bundle();
        FlowEntrypoint flow = prepared.flow();
        String path = "/bundles/" + bundle.sha256();
        boolean uploaded = !client.exists(path);
        if (uploaded) {
            client.put(path, bundle.file(), "application/zip");
        }
        Map<String, Object> jobVariables = new LinkedHashMap<>(spec.jobVariables());
        jobVariables.put("bundle", bundle.sha256());
        jobVariables.put("classpath", bundle.classpath());
        DeploymentCreate create = new DeploymentCreate(spec.name(), flow.flowName(), spec.entrypoint(),
                spec.workPoolName(), spec.workQueueName(), spec.parameters(), flow.parameterSchema(),
                spec.enforceParameterSchema(), spec.tags(), spec.description(), spec.version(),
                spec.concurrencyLimit(), jobVariables, spec.schedules(), spec.collisionStrategy(), flow.retries(),
                flow.retryDelaySeconds());
        JsonNode stored = client.post("/deployments", create, JSON);
        session.out().println("Deployed " + Deployments.qualified(stored) + " (" + stored.path("id").asText() + "):"
                + " bundle " + bundle.sha256().substring(0, 12) + " (" + bundle.size() + " bytes, "
                + (uploaded ? "uploaded" : "already on the server") + "), "
                + stored.path("schedules").size() + " schedule(s)"
                + (spec.workPoolName() == null ? "" : ", work pool " + spec.workPoolName()) + ".");
    }
}
