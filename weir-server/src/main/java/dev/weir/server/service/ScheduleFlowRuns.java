package dev.weir.server.service;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.schedule.UpcomingRuns;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.DeploymentScheduleRecord;
import dev.weir.server.store.NewFlowRun;
import dev.weir.server.store.Page;
import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: every five seconds, for each active schedule of each unpaused deployment, creates the
 * runs of the scheduler's window ({@link UpcomingRuns#plan}) that do not exist yet, in state {@code
 * Scheduled} at their slot.
 *
 * <p>Each run's parameters are the deployment's with the schedule's laid over them, its tags the
 * deployment's. Its idempotency key is {@code scheduled <deployment> <schedule> <slot in UTC>} and a
 * unique index covers (deployment, schedule, slot) of auto-scheduled runs, so inserting is
 * insert-or-ignore: several schedulers on one database (several servers, or a round overlapping
 * another) never create a slot twice. Safe to run from several threads.
 */
public final class ScheduleFlowRuns extends BackgroundService {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFlowRuns.class);
    private static final int BATCH = 100;
    /** How often a round runs. */
    public static final Duration TICK = Duration.ofSeconds(5);
    /** How often a round visits every schedule. */
    public static final Duration FULL_PASS = Duration.ofSeconds(5);

    private final Database database;
    private final FlowRunOrchestrator orchestrator;
    private final InstantSource clock;

    public ScheduleFlowRuns(Database database, FlowRunOrchestrator orchestrator, InstantSource clock) {
        this.database = database;
        this.orchestrator = orchestrator;
        this.clock = clock;
    }

    @Override
    protected Duration interval() {
        // Prefect visits all deployments every 60 s and changed ones every 5 s; until changes are
        // tracked, every deployment is visited every 5 s (a round is one indexed read per schedule
        // and inserts that are ignored when the slot exists), so a new deployment's runs appear at once.
        return Duration.ofSeconds(5);
    }

    /** One round over every active schedule; public so tests can run a round on demand. */
    @Override
    public void runOnce() {
        int inserted = scheduleAll();
        if (inserted > 0) {
            LOG.info("Scheduled {} flow runs", inserted);
        }
    }

    /** One round; returns how many runs it inserted. */
    public int scheduleAll() {
        Instant now = clock.instant();
        int inserted = 0;
        Map<UUID, Optional<DeploymentRecord>> deployments = new HashMap<>();
        Page page = Page.first(BATCH);
        while (true) {
            List<DeploymentScheduleRecord> schedules = database.deploymentSchedules().listActive(page);
            Map<UUID, List<NewFlowRun>> byDeployment = new LinkedHashMap<>();
            for (DeploymentScheduleRecord schedule : schedules) {
                Optional<DeploymentRecord> deployment = deployments.computeIfAbsent(
                        schedule.deploymentId(), id -> database.deployments().read(id));
                if (deployment.isEmpty() || deployment.get().paused()) {
                    continue;
                }
                byDeployment.computeIfAbsent(schedule.deploymentId(), id -> new ArrayList<>())
                        .addAll(runs(deployment.get(), schedule, now));
            }
            for (List<NewFlowRun> runs : byDeployment.values()) {
                inserted += orchestrator.createAll(runs);
            }
            if (schedules.size() < BATCH) {
                return inserted;
            }
            page = page.next();
        }
    }

    private List<NewFlowRun> runs(DeploymentRecord deployment, DeploymentScheduleRecord schedule, Instant now) {
        Instant last = database.deploymentSchedules().lastScheduled(schedule.id()).orElse(null);
        Map<String, Object> parameters = new LinkedHashMap<>(deployment.parameters());
        parameters.putAll(schedule.parameters());
        List<NewFlowRun> runs = new ArrayList<>();
        for (Instant slot : UpcomingRuns.plan(schedule.schedule(), now, last)) {
            FlowRunCreate create = new FlowRunCreate(Ids.newId(), null, deployment.flowName(), deployment.version(),
                    parameters, deployment.tags(), null, deployment.runPolicy(), State.scheduled(now, slot));
            runs.add(new NewFlowRun(create, deployment.id(), idempotencyKey(deployment.id(), schedule.id(), slot), now)
                    .withSchedule(schedule.id()));
        }
        return runs;
    }

    /** The key of the run a schedule makes for a slot: {@code scheduled <deployment> <schedule> <slot UTC ISO>}. */
    public static String idempotencyKey(UUID deploymentId, UUID scheduleId, Instant slot) {
        return "scheduled " + deploymentId + " " + scheduleId + " " + slot;
    }
}
