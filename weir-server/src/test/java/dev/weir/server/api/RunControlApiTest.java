package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.SetStateRequest;
import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.TaskRun;
import dev.weir.state.PauseDetails;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cancel, retry, resume, heartbeats and run inputs over HTTP. */
class RunControlApiTest extends LocalServerTest {

    private UUID adHocRun(State initial, UUID parentTaskRunId, List<String> tags) {
        UUID id = Ids.newId();
        TestClient.Response created = client.post("/flow_runs", new FlowRunCreate(id, null, "etl", null, Map.of(),
                tags, parentTaskRunId, null, initial));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private String deployment() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "nightly");
        body.put("flowName", "etl");
        body.put("entrypoint", "com.acme.Etl#run");
        body.put("retries", 1);
        TestClient.Response response = client.post("/deployments", body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asText();
    }

    private UUID deploymentRun(String deploymentId) {
        TestClient.Response created = client.post("/deployments/" + deploymentId + "/create_flow_run", Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }

    private void propose(UUID id, State state) {
        TestClient.Response response = client.post("/flow_runs/" + id + "/set_state", new SetStateRequest(state, false));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).as(response.body()).isEqualTo("ACCEPT");
    }

    private JsonNode run(UUID id) {
        return client.get("/flow_runs/" + id).json();
    }

    @Test
    void cancellingAScheduledRunEndsItAtOnceAndARunningOneGoesCancellingThenCancelled() {
        UUID scheduled = adHocRun(State.scheduled(Instant.now(), Instant.now().plusSeconds(600)), null, List.of());
        TestClient.Response cancelled = client.post("/flow_runs/" + scheduled + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("state").get("type").asText()).isEqualTo("CANCELLED");

        UUID running = adHocRun(State.pending(Instant.now()), null, List.of());
        propose(running, State.running(Instant.now()));
        JsonNode cancelling = client.post("/flow_runs/" + running + "/cancel", null).json();
        assertThat(cancelling.get("status").asText()).isEqualTo("ACCEPT");
        assertThat(cancelling.get("state").get("type").asText()).isEqualTo("CANCELLING");
        TestClient.Response completed = client.post("/flow_runs/" + running + "/set_state",
                new SetStateRequest(State.completed(Instant.now()), false));
        assertThat(completed.json().get("status").asText()).as("a Cancelling run only becomes Cancelled").isEqualTo("ABORT");
        propose(running, State.cancelled(Instant.now(), "stopped by its worker"));

        TestClient.Response again = client.post("/flow_runs/" + running + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already finished");
        assertThat(client.post("/flow_runs/" + Ids.newId() + "/cancel", null).status()).isEqualTo(404);
    }

    @Test
    void aCancelledRunCancelsItsUnfinishedTaskRunsAndInlineSubflows() {
        UUID parent = adHocRun(State.pending(Instant.now()), null, List.of());
        propose(parent, State.running(Instant.now()));
        UUID placeholder = Ids.newId();
        UUID doneTask = Ids.newId();
        Instant now = Instant.now();
        List<TaskRun> tasks = List.of(
                new TaskRun(placeholder, "child-flow", "child", parent, 0, List.of(), Map.of(), State.running(now), 1, now,
                        now, null, Duration.ZERO),
                new TaskRun(doneTask, "extract", "extract", parent, 0, List.of(), Map.of(), State.completed(now), 1, now,
                        now, now, Duration.ZERO));
        assertThat(client.post("/task_runs/batch", tasks).status()).isIn(200, 202, 204);
        UUID child = adHocRun(State.pending(now), placeholder, List.of());
        propose(child, State.running(Instant.now()));

        client.post("/flow_runs/" + parent + "/cancel", null);
        propose(parent, State.cancelled(Instant.now(), "stopped"));

        assertThat(run(child).get("state").get("type").asText()).isEqualTo("CANCELLED");
        JsonNode taskRuns = client.get("/flow_runs/" + parent + "/task_runs").json();
        Map<String, String> states = new LinkedHashMap<>();
        taskRuns.forEach(t -> states.put(t.get("id").asText(), t.get("state").get("type").asText()));
        assertThat(states).containsEntry(placeholder.toString(), "CANCELLED").containsEntry(doneTask.toString(), "COMPLETED");
    }

    @Test
    void onlyAFinishedDeploymentRunCanBeRetriedAndGoesBackToItsQueueDueNow() {
        UUID adHoc = adHocRun(State.pending(Instant.now()), null, List.of());
        propose(adHoc, State.running(Instant.now()));
        assertThat(client.post("/flow_runs/" + adHoc + "/retry", null).status()).as("not finished").isEqualTo(409);
        propose(adHoc, State.failed(Instant.now(), "boom"));
        TestClient.Response noDeployment = client.post("/flow_runs/" + adHoc + "/retry", null);
        assertThat(noDeployment.status()).isEqualTo(409);
        assertThat(noDeployment.json().get("detail").asText()).contains("not created from a deployment");

        UUID deployed = deploymentRun(deployment());
        propose(deployed, State.pending(Instant.now()));
        propose(deployed, State.running(Instant.now()));
        propose(deployed, State.completed(Instant.now()));
        JsonNode retried = client.post("/flow_runs/" + deployed + "/retry", null).json();
        assertThat(retried.get("state").get("type").asText()).isEqualTo("SCHEDULED");
        assertThat(retried.get("state").get("name").asText()).isEqualTo(State.AWAITING_RETRY);
        JsonNode endTime = run(deployed).get("endTime");
        assertThat(endTime == null || endTime.isNull()).as("a rerun has no end time").isTrue();
    }

    @Test
    void aDeploymentRunThatCrashesWhileRunningIsRetriedWithinTheFlowsRetries() {
        UUID deployed = deploymentRun(deployment());
        propose(deployed, State.pending(Instant.now()));
        propose(deployed, State.running(Instant.now()));
        JsonNode crashed = client.post("/flow_runs/" + deployed + "/set_state",
                new SetStateRequest(State.crashed(Instant.now(), "exit code 137 (signal 9)"), false)).json();
        assertThat(crashed.get("status").asText()).isEqualTo("REJECT");
        assertThat(crashed.get("state").get("name").asText()).isEqualTo(State.AWAITING_RETRY);

        propose(deployed, State.pending(Instant.now()));
        propose(deployed, State.running(Instant.now()));
        JsonNode second = client.post("/flow_runs/" + deployed + "/set_state",
                new SetStateRequest(State.crashed(Instant.now(), "exit code 137 (signal 9)"), false)).json();
        assertThat(second.get("state").get("type").asText()).as("retries spent").isEqualTo("CRASHED");
    }

    @Test
    void aPausedRunIsResumedWithInputItsSchemaAccepts() {
        UUID id = adHocRun(State.pending(Instant.now()), null, List.of());
        propose(id, State.running(Instant.now()));
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("approved"),
                "properties", Map.of("approved", Map.of("type", "boolean")));
        State paused = new State(StateType.PAUSED, State.PAUSED, "waiting for approval", Instant.now(),
                StateDetails.NONE.withPause(new PauseDetails(Instant.now().plusSeconds(3600), "approval-1", schema)));
        propose(id, paused);

        TestClient.Response missing = client.post("/flow_runs/" + id + "/resume", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("field").asText()).isEqualTo("runInput");
        TestClient.Response wrong = client.post("/flow_runs/" + id + "/resume", Map.of("runInput", Map.of("approved", "yes")));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("field").asText()).isEqualTo("runInput.approved");

        JsonNode resumed = client.post("/flow_runs/" + id + "/resume", Map.of("runInput", Map.of("approved", true))).json();
        assertThat(resumed.get("state").get("type").asText()).isEqualTo("RUNNING");
        assertThat(client.get("/flow_runs/" + id + "/input/approval-1").json().get("value").get("approved").asBoolean()).isTrue();
        assertThat(run(id).get("runCount").asInt()).as("a resume is the same attempt").isEqualTo(1);
        assertThat(client.post("/flow_runs/" + id + "/resume", Map.of()).status()).as("not paused any more").isEqualTo(409);
        assertThat(client.get("/flow_runs/" + id + "/input/nothing").status()).isEqualTo(404);
    }

    @Test
    void aHeartbeatAnswersTheRunSoItsProcessLearnsOfACancel() {
        UUID id = adHocRun(State.pending(Instant.now()), null, List.of());
        propose(id, State.running(Instant.now()));
        assertThat(client.post("/flow_runs/" + id + "/heartbeat", null).json().get("state").get("type").asText())
                .isEqualTo("RUNNING");
        client.post("/flow_runs/" + id + "/cancel", null);
        assertThat(client.post("/flow_runs/" + id + "/heartbeat", null).json().get("state").get("type").asText())
                .isEqualTo("CANCELLING");
        assertThat(client.post("/flow_runs/" + Ids.newId() + "/heartbeat", null).status()).isEqualTo(404);
    }

    @Test
    void flowRunsFilterByDeploymentAndByAllOfTheirTags() {
        String deploymentId = deployment();
        UUID deployed = deploymentRun(deploymentId);
        UUID tagged = adHocRun(State.pending(Instant.now()), null, List.of("nightly", "eu"));
        adHocRun(State.pending(Instant.now()), null, List.of("nightly"));

        JsonNode byDeployment = client.post("/flow_runs/filter", Map.of("deploymentId", deploymentId)).json();
        assertThat(byDeployment).extracting(n -> n.get("id").asText()).containsExactly(deployed.toString());
        JsonNode byTags = client.post("/flow_runs/filter", Map.of("tags", List.of("eu", "nightly"))).json();
        assertThat(byTags).extracting(n -> n.get("id").asText()).containsExactly(tagged.toString());
        assertThat(client.post("/flow_runs/count", Map.of("tags", List.of("nightly"))).json().get("count").asLong())
                .isEqualTo(2);
        TestClient.Response blank = client.post("/flow_runs/filter", Map.of("tags", List.of(" ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("field").asText()).isEqualTo("tags");
    }
}
