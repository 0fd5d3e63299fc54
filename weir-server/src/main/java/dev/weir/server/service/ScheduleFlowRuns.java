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
 * The scheduler: for each active schedule of each unpaused deployment, creates the runs of the
 * scheduler's window ({@link UpcomingRuns#plan}) that do not exist yet, in state {@code Scheduled} at
 * their slot.
 *
 * <p>A round runs every {@link #TICK}. Every {@link #FULL_PASS} a round visits every schedule (a full
 * pass); the rounds between visit only the schedules whose schedule or deployment was written since the
 * previous round (a tick of overlap), so a new or edited deployment gets its runs within seconds. A pass
 * reads {@value #PAGE} schedules at a time, with their latest slots in one statement, and inserts at
 * most {@value #INSERTS} runs per transaction. Within a pass the slots due in the next {@link #NEAR} are
 * inserted for every schedule first and the later ones after, so a large backlog (a first pass over
 * thousands of schedules) never delays a run that is due soon; the later slots stop after {@link
 * #FULL_PASS} of work and the next pass goes on with them.
 *
 * <p>Each run's parameters are the deployment's with the schedule's laid over them, its tags the
 * deployment's. Its idempotency key is {@code scheduled <deployment> <schedule> <slot in UTC>} and a
 * unique index covers (deployment, schedule, slot) of auto-scheduled runs, so inserting is
 * insert-or-ignore: several schedulers on one database (several servers, or a round overlapping
 * another) never create a slot twice. Safe to run from several threads.
 */
public final class ScheduleFlowRuns extends BackgroundService {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFlowRuns.class);
    /** Schedules read per page. */
    static final int PAGE = 100;
    /** Runs inserted per transaction at most. */
    static final int INSERTS = 500;
    /** How often a round runs. */
    public static final Duration TICK = Duration.ofSeconds(5);
    /** How often a round visits every schedule; the rounds between visit the changed ones. */
    public static final Duration FULL_PASS = Duration.ofSeconds(60);
    /** The slots due sooner than this are inserted for every schedule before any later slot. */
    public static final Duration NEAR = Duration.ofMinutes(3);

    private final Database database;
    private final FlowRunOrchestrator orchestrator;
    private final InstantSource clock;
    private final Duration laterBudget;
    private volatile Instant lastFull;
    private volatile Instant lastRound;

    public ScheduleFlowRuns(Database database, FlowRunOrchestrator orchestrator, InstantSource clock) {
        this(database, orchestrator, clock, FULL_PASS);
    }

    /** @param laterBudget how long a pass may go on inserting the slots after {@link #NEAR} (tests) */
    ScheduleFlowRuns(Database database, FlowRunOrchestrator orchestrator, InstantSource clock, Duration laterBudget) {
        this.database = database;
        this.orchestrator = orchestrator;
        this.clock = clock;
        this.laterBudget = laterBudget;
    }

    @Override
    protected Duration interval() {
        return TICK;
    }

    @Override
    public void runOnce() {
        round();
    }

    /**
     * One round, as the service loop runs it: a full pass when the last one is {@link #FULL_PASS} old
     * (or there was none), else a pass over what changed since the previous round. Returns how many
     * runs it inserted.
     */
    public int round() {
        Instant now = clock.instant();
        Instant full = lastFull;
        Instant previous = lastRound;
        boolean fullPass = full == null || previous == null || !now.isBefore(full.plus(FULL_PASS));
        int inserted = fullPass ? pass(now, null) : pass(now, previous.minus(TICK));
        if (fullPass) {
            lastFull = now;
        }
        lastRound = now;
        if (inserted > 0) {
            LOG.info("Scheduled {} flow runs ({} pass)", inserted, fullPass ? "full" : "changed");
        }
        return inserted;
    }

    /** A full pass over every active schedule, now; returns how many runs it inserted. */
    public int scheduleAll() {
        return pass(clock.instant(), null);
    }

    /** A pass over the schedules changed since {@code since} (all of them when null). */
    private int pass(Instant now, Instant since) {
        long budgetEnd = System.nanoTime() + laterBudget.toNanos();
        Instant near = now.plus(NEAR);
        Map<UUID, Optional<DeploymentRecord>> deployments = new HashMap<>();
        List<Later> later = new ArrayList<>();
        Inserts inserts = new Inserts();
        Page page = Page.first(PAGE);
        while (true) {
            List<DeploymentScheduleRecord> schedules = since == null
                    ? database.deploymentSchedules().listActive(page)
                    : database.deploymentSchedules().listActiveChangedSince(since, page);
            Map<UUID, Instant> lastSlots = database.deploymentSchedules().lastScheduled(schedules);
            for (DeploymentScheduleRecord schedule : schedules) {
                Optional<DeploymentRecord> deployment = deployments.computeIfAbsent(
                        schedule.deploymentId(), id -> database.deployments().read(id));
                if (deployment.isEmpty() || deployment.get().paused()) {
                    continue;
                }
                List<Instant> slots = UpcomingRuns.plan(schedule.schedule(), now, lastSlots.get(schedule.id()));
                int split = 0;
                while (split < slots.size() && slots.get(split).isBefore(near)) {
                    split++;
                }
                Map<String, Object> parameters = parameters(deployment.get(), schedule);
                for (Instant slot : slots.subList(0, split)) {
                    inserts.add(run(deployment.get(), schedule, parameters, slot, now));
                }
                if (split < slots.size()) {
                    later.add(new Later(deployment.get(), schedule, parameters, slots.subList(split, slots.size())));
                }
            }
            if (schedules.size() < PAGE) {
                break;
            }
            page = page.next();
        }
        inserts.flush();
        // Each schedule's slots go in order, so what exists of its window is always a prefix of it.
        for (Later each : later) {
            if (System.nanoTime() >= budgetEnd) {
                LOG.info("Scheduler pass out of time; the next pass goes on with the later slots of {} schedules",
                        later.size() - later.indexOf(each));
                break;
            }
            for (Instant slot : each.slots()) {
                inserts.add(run(each.deployment(), each.schedule(), each.parameters(), slot, now));
            }
        }
        inserts.flush();
        return inserts.inserted;
    }

    /** A schedule's slots left for after every schedule's near ones. */
    private record Later(DeploymentRecord deployment, DeploymentScheduleRecord schedule, Map<String, Object> parameters,
            List<Instant> slots) {}

    /** Runs waiting to be inserted, {@value #INSERTS} per transaction. */
    private final class Inserts {
        private final List<NewFlowRun> pending = new ArrayList<>();
        private int inserted;

        void add(NewFlowRun run) {
            pending.add(run);
            if (pending.size() >= INSERTS) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                inserted += orchestrator.createAll(List.copyOf(pending));
                pending.clear();
            }
        }
    }

    private static Map<String, Object> parameters(DeploymentRecord deployment, DeploymentScheduleRecord schedule) {
        Map<String, Object> parameters = new LinkedHashMap<>(deployment.parameters());
        parameters.putAll(schedule.parameters());
        return parameters;
    }

    private static NewFlowRun run(DeploymentRecord deployment, DeploymentScheduleRecord schedule,
            Map<String, Object> parameters, Instant slot, Instant now) {
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), null, deployment.flowName(), deployment.version(),
                parameters, deployment.tags(), null, deployment.runPolicy(), State.scheduled(now, slot));
        return new NewFlowRun(create, deployment.id(), idempotencyKey(deployment.id(), schedule.id(), slot), now)
                .withSchedule(schedule.id());
    }

    /** The key of the run a schedule makes for a slot: {@code scheduled <deployment> <schedule> <slot UTC ISO>}. */
    public static String idempotencyKey(UUID deploymentId, UUID scheduleId, Instant slot) {
        return "scheduled " + deploymentId + " " + scheduleId + " " + slot;
    }
}
