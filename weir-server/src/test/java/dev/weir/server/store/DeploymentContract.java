package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.schedule.Schedule;
import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deployments and their schedules. Part of {@link StoreContract}. */
interface DeploymentContract {

    Database db();

    private static NewDeployment aDeployment(String flow, String name, String... tags) {
        return new NewDeployment(flow, name, "com.acme.TaxiEtl#etl", "pool", "default", Map.of("month", 1),
                Map.of("type", "object"), true, List.of(tags), "monthly taxi data", "v1", 2, Map.of("image", "etl:1"));
    }

    private static NewDeploymentSchedule hourly() {
        return new NewDeploymentSchedule(Schedule.cron("0 * * * *", ZoneId.of("Europe/Paris")), true, Map.of("month", 2), "hourly");
    }

    /** An auto-scheduled run of the schedule at {@code slot}, as the scheduler makes it. */
    private FlowRunRecord autoRun(DeploymentRecord deployment, UUID scheduleId, Instant slot) {
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), null, deployment.flowName(), null, Map.of(), List.of(), null,
                null, State.scheduled(T0, slot));
        return db().flowRuns().create(new NewFlowRun(create, deployment.id(), "scheduled " + deployment.id() + " "
                + scheduleId + " " + slot, T0).withSchedule(scheduleId)).run();
    }

    @Test
    default void upsertCreatesADeploymentThenUpdatesItByFlowAndNameKeepingIdAndPause() {
        UpsertedDeployment created = db().deployments().upsert(aDeployment("taxi", "monthly", "prod"), T0);
        assertThat(created.inserted()).isTrue();
        DeploymentRecord first = created.deployment();
        assertThat(first.flowName()).isEqualTo("taxi");
        assertThat(first.entrypoint()).isEqualTo("com.acme.TaxiEtl#etl");
        assertThat(first.parameters()).isEqualTo(Map.of("month", 1));
        assertThat(first.parameterSchema()).isEqualTo(Map.of("type", "object"));
        assertThat(first.tags()).containsExactly("prod");
        assertThat(first.concurrencyLimit()).isEqualTo(2);
        assertThat(first.jobVariables()).isEqualTo(Map.of("image", "etl:1"));
        assertThat(first.paused()).isFalse();
        assertThat(first.created()).isEqualTo(T0);
        assertThat(db().deployments().setPaused(first.id(), true, at(1))).isTrue();

        NewDeployment changed = new NewDeployment("taxi", "monthly", "com.acme.TaxiEtl#etl2", null, null, null, null, false,
                null, null, "v2", null, null);
        UpsertedDeployment updated = db().deployments().upsert(changed, at(2));
        assertThat(updated.inserted()).isFalse();
        DeploymentRecord second = updated.deployment();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.entrypoint()).isEqualTo("com.acme.TaxiEtl#etl2");
        assertThat(second.concurrencyLimit()).isNull();
        assertThat(second.enforceParameterSchema()).isFalse();
        assertThat(second.paused()).isTrue();
        assertThat(second.created()).isEqualTo(T0);
        assertThat(second.updated()).isEqualTo(at(2));
        assertThat(db().deployments().readByName("taxi", "monthly")).contains(second);
        assertThat(db().deployments().read(first.id())).contains(second);
        assertThat(db().deployments().readByName("taxi", "weekly")).isEmpty();
        assertThat(db().flows().readByName("taxi")).isPresent();
    }

    @Test
    default void deploymentsAreListedAndCountedByFlowPausedAndTagsInPages() {
        DeploymentRecord a = db().deployments().upsert(aDeployment("taxi", "b", "prod", "eu"), T0).deployment();
        db().deployments().upsert(aDeployment("taxi", "a", "dev"), T0);
        db().deployments().upsert(aDeployment("backup", "nightly", "prod"), T0);
        db().deployments().setPaused(a.id(), true, T0);

        assertThat(db().deployments().list(DeploymentFilter.all(), Page.DEFAULT))
                .extracting(d -> d.flowName() + "/" + d.name()).containsExactly("backup/nightly", "taxi/a", "taxi/b");
        assertThat(db().deployments().list(DeploymentFilter.all().withFlowNames("taxi"), Page.DEFAULT))
                .extracting(DeploymentRecord::name).containsExactly("a", "b");
        assertThat(db().deployments().list(DeploymentFilter.all().withTags("prod"), Page.DEFAULT))
                .extracting(DeploymentRecord::name).containsExactly("nightly", "b");
        assertThat(db().deployments().list(DeploymentFilter.all().withTags("prod", "eu"), Page.DEFAULT))
                .extracting(DeploymentRecord::name).containsExactly("b");
        assertThat(db().deployments().count(DeploymentFilter.all().withPaused(true))).isEqualTo(1);
        assertThat(db().deployments().count(DeploymentFilter.all().withPaused(false))).isEqualTo(2);
        assertThat(db().deployments().list(DeploymentFilter.all(), Page.of(2, 1)))
                .extracting(DeploymentRecord::name).containsExactly("a", "b");
        assertThat(db().deployments().count(DeploymentFilter.all())).isEqualTo(3);
    }

    @Test
    default void replacingSchedulesDeletesOnlyTheUnstartedAutoScheduledRunsInTheSameWrite() {
        DeploymentRecord deployment = db().deployments().upsert(aDeployment("taxi", "monthly"), T0).deployment();
        List<DeploymentScheduleRecord> old = db().deploymentSchedules().replace(deployment.id(), List.of(hourly()), T0);
        assertThat(old).hasSize(1);
        UUID oldId = old.getFirst().id();
        FlowRunRecord unstarted = autoRun(deployment, oldId, at(3600));
        FlowRunRecord started = autoRun(deployment, oldId, at(7200));
        db().flowRuns().writeState(started.id(), started.version(), moved(started.run(), State.running(at(7200))));
        FlowRunCreate manual = new FlowRunCreate(Ids.newId(), null, "taxi", null, Map.of(), List.of(), null, null,
                State.scheduled(T0, at(60)));
        FlowRunRecord adHoc = db().flowRuns().create(NewFlowRun.of(manual, T0).withDeployment(deployment.id())).run();
        assertThat(db().deploymentSchedules().lastScheduled(oldId)).contains(at(7200));

        NewDeploymentSchedule daily = new NewDeploymentSchedule(
                Schedule.interval(Duration.ofDays(1), T0, ZoneId.of("UTC")), false, Map.of(), null);
        List<DeploymentScheduleRecord> replaced = db().deploymentSchedules().replace(deployment.id(), List.of(hourly(), daily), at(10));

        assertThat(db().flowRuns().read(unstarted.id())).isEmpty();
        assertThat(db().flowRuns().read(started.id())).isPresent();
        assertThat(db().flowRuns().read(adHoc.id())).isPresent();
        assertThat(db().deploymentSchedules().list(deployment.id())).isEqualTo(replaced);
        assertThat(replaced).extracting(DeploymentScheduleRecord::schedule)
                .containsExactly(hourly().schedule(), daily.schedule());
        assertThat(replaced.getFirst().parameters()).isEqualTo(Map.of("month", 2));
        assertThat(replaced.getFirst().slug()).isEqualTo("hourly");
        assertThat(replaced.get(1).active()).isFalse();
        assertThat(db().deploymentSchedules().lastScheduled(replaced.getFirst().id())).isEmpty();
        assertThatThrownBy(() -> db().deploymentSchedules().replace(Ids.newId(), List.of(), T0))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void theSchedulersWorkIsTheActiveSchedulesOfUnpausedDeployments() {
        DeploymentRecord running = db().deployments().upsert(aDeployment("taxi", "monthly"), T0).deployment();
        DeploymentRecord paused = db().deployments().upsert(aDeployment("taxi", "paused"), T0).deployment();
        List<DeploymentScheduleRecord> schedules = db().deploymentSchedules().replace(running.id(), List.of(hourly(), hourly()), T0);
        db().deploymentSchedules().replace(paused.id(), List.of(hourly()), T0);
        db().deployments().setPaused(paused.id(), true, T0);
        FlowRunRecord run = autoRun(running, schedules.get(1).id(), at(3600));

        assertThat(db().deploymentSchedules().setActive(schedules.get(1).id(), false, at(1))).isTrue();
        assertThat(db().deploymentSchedules().setActive(Ids.newId(), false, at(1))).isFalse();

        assertThat(db().deploymentSchedules().listActive(Page.DEFAULT)).extracting(DeploymentScheduleRecord::id)
                .containsExactly(schedules.getFirst().id());
        assertThat(db().flowRuns().read(run.id())).as("deactivating deletes its unstarted runs").isEmpty();
    }

    @Test
    default void theQuickRoundsWorkIsTheActiveSchedulesWrittenSinceOrOfADeploymentWrittenSince() {
        DeploymentRecord old = db().deployments().upsert(aDeployment("taxi", "old"), T0).deployment();
        DeploymentRecord edited = db().deployments().upsert(aDeployment("taxi", "edited"), T0).deployment();
        DeploymentRecord unpaused = db().deployments().upsert(aDeployment("taxi", "unpaused"), T0).deployment();
        DeploymentScheduleRecord untouched = db().deploymentSchedules().replace(old.id(), List.of(hourly()), T0).getFirst();
        db().deploymentSchedules().replace(unpaused.id(), List.of(hourly()), T0);
        db().deployments().setPaused(unpaused.id(), true, T0);
        DeploymentScheduleRecord replaced = db().deploymentSchedules().replace(edited.id(), List.of(hourly()), at(60)).getFirst();
        db().deployments().setPaused(unpaused.id(), false, at(61));

        assertThat(db().deploymentSchedules().listActiveChangedSince(at(60), Page.DEFAULT))
                .extracting(DeploymentScheduleRecord::deploymentId).containsExactlyInAnyOrder(edited.id(), unpaused.id());
        assertThat(db().deploymentSchedules().listActiveChangedSince(at(62), Page.DEFAULT)).isEmpty();
        assertThat(db().deploymentSchedules().listActiveChangedSince(T0, Page.DEFAULT)).hasSize(3);
        db().deploymentSchedules().setActive(untouched.id(), false, at(70));
        assertThat(db().deploymentSchedules().listActiveChangedSince(T0, Page.DEFAULT))
                .extracting(DeploymentScheduleRecord::id).doesNotContain(untouched.id()).contains(replaced.id());
    }

    @Test
    default void theLatestSlotsOfManySchedulesAreReadTogether() {
        DeploymentRecord deployment = db().deployments().upsert(aDeployment("taxi", "monthly"), T0).deployment();
        DeploymentRecord other = db().deployments().upsert(aDeployment("taxi", "other"), T0).deployment();
        List<DeploymentScheduleRecord> schedules = db().deploymentSchedules().replace(deployment.id(),
                List.of(hourly(), hourly(), hourly()), T0);
        DeploymentScheduleRecord otherSchedule = db().deploymentSchedules().replace(other.id(), List.of(hourly()), T0).getFirst();
        autoRun(deployment, schedules.get(0).id(), at(3600));
        autoRun(deployment, schedules.get(0).id(), at(7200));
        autoRun(deployment, schedules.get(1).id(), at(3600));
        autoRun(other, otherSchedule.id(), at(10800));
        java.util.List<DeploymentScheduleRecord> many = new java.util.ArrayList<>(schedules);
        many.add(otherSchedule);
        for (int i = 0; i < 150; i++) {
            many.add(new DeploymentScheduleRecord(Ids.newId(), deployment.id(), hourly().schedule(), true, Map.of(), null, T0, T0));
        }

        assertThat(db().deploymentSchedules().lastScheduled(many)).isEqualTo(Map.of(schedules.get(0).id(), at(7200),
                schedules.get(1).id(), at(3600), otherSchedule.id(), at(10800)));
        assertThat(db().deploymentSchedules().lastScheduled(List.of())).isEmpty();
        assertThat(db().deploymentSchedules().lastScheduled(otherSchedule.id())).contains(at(10800));
    }

    @Test
    default void oneSlotOfOneScheduleIsStoredOnceWhateverItsKey() {
        DeploymentRecord deployment = db().deployments().upsert(aDeployment("taxi", "monthly"), T0).deployment();
        UUID schedule = db().deploymentSchedules().replace(deployment.id(), List.of(hourly()), T0).getFirst().id();
        FlowRunRecord first = autoRun(deployment, schedule, at(3600));
        FlowRunCreate again = new FlowRunCreate(Ids.newId(), null, "taxi", null, Map.of(), List.of(), null, null,
                State.scheduled(T0, at(3600)));

        CreatedFlowRun second = db().flowRuns().create(new NewFlowRun(again, deployment.id(), "another key", T0).withSchedule(schedule));

        assertThat(second.inserted()).isFalse();
        assertThat(second.run().id()).isEqualTo(first.id());
        assertThat(second.run().autoScheduled()).isTrue();
        assertThat(second.run().scheduleId()).isEqualTo(schedule);
    }

    @Test
    default void deletingADeploymentDeletesItsSchedulesAndUnstartedRunsAndPausingDeletesThoseRuns() {
        DeploymentRecord deployment = db().deployments().upsert(aDeployment("taxi", "monthly"), T0).deployment();
        UUID schedule = db().deploymentSchedules().replace(deployment.id(), List.of(hourly()), T0).getFirst().id();
        FlowRunRecord beforePause = autoRun(deployment, schedule, at(3600));
        db().deployments().setPaused(deployment.id(), true, T0);
        assertThat(db().flowRuns().read(beforePause.id())).isEmpty();
        db().deployments().setPaused(deployment.id(), false, T0);
        FlowRunRecord unstarted = autoRun(deployment, schedule, at(7200));

        assertThat(db().deployments().delete(deployment.id())).isTrue();
        assertThat(db().deployments().delete(deployment.id())).isFalse();
        assertThat(db().deployments().read(deployment.id())).isEmpty();
        assertThat(db().deploymentSchedules().list(deployment.id())).isEmpty();
        assertThat(db().flowRuns().read(unstarted.id())).isEmpty();
        assertThat(db().deployments().setPaused(deployment.id(), true, T0)).isFalse();
    }
}
