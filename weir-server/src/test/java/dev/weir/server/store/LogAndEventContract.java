package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.aLog;
import static dev.weir.server.store.Fixtures.anEvent;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.Ids;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.FlowRunCreate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Log lines and events: filters, paging and the live tail. Part of {@link StoreContract}. */
interface LogAndEventContract {

    Database db();

    private FlowRunRecord create(FlowRunCreate create) {
        return db().flowRuns().create(newRun(create, T0)).run();
    }

    private FlowRunRecord create(String flow, Instant created) {
        return db().flowRuns().create(newRun(aFlowRun(flow), created)).run();
    }

    @Test
    default void pagesLogsByTimestampThenIdAndFiltersByTaskRunLevelAndTime() {
        UUID run = create("etl", T0).id();
        UUID task = Ids.newId();
        db().logs().insert(List.of(
                aLog(run, null, "INFO", "b", at(2)),
                aLog(run, task, "DEBUG", "a", at(1)),
                aLog(run, task, "WARNING", "c", at(2)),
                aLog(run, null, "ERROR", "d", at(3)),
                aLog(Ids.newId(), null, "ERROR", "elsewhere", at(1))));

        assertThat(messages(LogFilter.ofFlowRun(run), Page.DEFAULT)).containsExactly("a", "b", "c", "d");
        assertThat(messages(LogFilter.ofFlowRun(run), Page.of(2, 1))).containsExactly("b", "c");
        assertThat(messages(LogFilter.ofFlowRun(run).withTaskRun(task), Page.DEFAULT)).containsExactly("a", "c");
        assertThat(messages(LogFilter.ofFlowRun(run).withMinLevel(LogLevel.WARN), Page.DEFAULT)).containsExactly("c", "d");
        assertThat(messages(LogFilter.ofFlowRun(run).withTimestamp(TimeRange.between(at(2), at(3))), Page.DEFAULT))
                .containsExactly("b", "c");
        assertThat(db().logs().count(LogFilter.all().withMinLevel(LogLevel.ERROR))).isEqualTo(2);
        LogEntry warn = db().logs().list(LogFilter.ofFlowRun(run).withMinLevel(LogLevel.WARN), Page.first(1)).getFirst();
        assertThat(warn.log()).isEqualTo(aLog(run, task, "WARN", "c", at(2)));
    }

    private List<String> messages(LogFilter filter, Page page) {
        return db().logs().list(filter, page).stream().map(e -> e.log().message()).toList();
    }

    @Test
    default void tailsLogsSinceAnId() {
        UUID run = create("etl", T0).id();
        db().logs().insert(List.of(aLog(run, null, "INFO", "1", at(1)), aLog(run, null, "INFO", "2", at(1))));
        List<LogEntry> first = db().logs().since(run, 0, 10);
        assertThat(first).extracting(e -> e.log().message()).containsExactly("1", "2");
        db().logs().insert(List.of(aLog(run, null, "INFO", "3", at(0)), aLog(run, null, "INFO", "4", at(5))));
        long cursor = first.getLast().id();
        assertThat(db().logs().since(run, cursor, 10)).extracting(e -> e.log().message()).containsExactly("3", "4");
        assertThat(db().logs().since(run, cursor, 1)).extracting(e -> e.log().message()).containsExactly("3");
        assertThat(db().logs().since(Ids.newId(), 0, 10)).isEmpty();
    }

    @Test
    default void aLogLineWithAnUnknownLevelRejectsTheWholeBatch() {
        UUID run = create("etl", T0).id();
        assertThatThrownBy(() -> db().logs().insert(List.of(aLog(run, null, "INFO", "ok", T0), aLog(run, null, "LOUD", "x", T0))))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("LOUD")
                .hasMessageContaining("accepted");
        assertThat(db().logs().count(LogFilter.all())).isZero();
    }

    @Test
    default void filtersEventsByNamePrefixResourceAndTimeWithPaging() {
        Event a = anEvent("weir.flow-run.Running", "weir.flow-run.1", at(1));
        Event b = anEvent("weir.flow-run.Completed", "weir.flow-run.1", at(2));
        Event c = anEvent("weir.task-run.Running", "weir.task-run.2", at(3));
        Event d = anEvent("Weir.flow-run.Upper", "weir.flow-run.3", at(4));
        for (Event event : List.of(c, a, d, b)) {
            db().events().insert(event);
        }
        db().events().insert(a);

        assertThat(db().events().list(EventFilter.all(), Page.DEFAULT)).containsExactly(a, b, c, d);
        assertThat(db().events().list(EventFilter.all().withNamePrefix("weir.flow-run."), Page.DEFAULT)).containsExactly(a, b);
        assertThat(db().events().list(EventFilter.all().withResource("weir.task-run.2"), Page.DEFAULT)).containsExactly(c);
        assertThat(db().events().list(EventFilter.all().withOccurred(TimeRange.between(at(2), at(4))), Page.DEFAULT))
                .containsExactly(b, c);
        assertThat(db().events().list(EventFilter.all(), Page.of(2, 2))).containsExactly(c, d);
        assertThat(db().events().count(EventFilter.all().withNamePrefix("weir."))).isEqualTo(3);
    }
}
