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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weir deploy}: for each deployment of {@code weir.yaml} (or the one named), builds its bundle,
 * uploads it unless the server has it, computes the flow's parameter schema from the bundle's classes,
 * and creates or updates the deployment with exactly the file's schedules.
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
        try (ApiConnection api = session.connect()) {
            for (DeploymentSpec spec : specs) {
                deploy(api.client(), project.folder(), spec);
            }
        }
        return 0;
    }

    private void deploy(ApiClient client, Path folder, DeploymentSpec spec) {
        try (Bundle bundle = Bundle.build(folder, spec.classpath())) {
            FlowEntrypoint flow = FlowEntrypoint.load(bundle.roots(), spec.className(), spec.methodName());
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
                    spec.concurrencyLimit(), jobVariables, spec.schedules());
            JsonNode stored = client.post("/deployments", create, JSON);
            session.out().println("Deployed " + Deployments.qualified(stored) + " (" + stored.path("id").asText() + "):"
                    + " bundle " + bundle.sha256().substring(0, 12) + " (" + bundle.size() + " bytes, "
                    + (uploaded ? "uploaded" : "already on the server") + "), "
                    + stored.path("schedules").size() + " schedule(s)"
                    + (spec.workPoolName() == null ? "" : ", work pool " + spec.workPoolName()) + ".");
        } catch (ProjectFileException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
