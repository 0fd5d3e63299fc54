package dev.weir;

import dev.weir.function.TaskFunction0;
import dev.weir.function.TaskFunction1;
import dev.weir.function.TaskFunction2;
import dev.weir.function.TaskFunction3;
import dev.weir.function.TaskFunction4;
import dev.weir.function.TaskProcedure0;
import dev.weir.function.TaskProcedure1;
import dev.weir.function.TaskProcedure2;
import dev.weir.function.TaskProcedure3;
import dev.weir.internal.engine.Engine;
import dev.weir.serve.Deployment;
import dev.weir.serve.Serving;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Weir's entry point.
 *
 * <pre>{@code
 * class Etl {
 *     @Task(retries = 3, retryDelaySeconds = {1, 10, 60})
 *     List<Row> extract(LocalDate day) { ... }
 *
 *     @Flow(flowRunName = "etl-{day}")
 *     int run(LocalDate day) {
 *         TaskFuture<List<Row>> rows = Weir.submit(this::extract, day);
 *         return rows.result().size();
 *     }
 * }
 * int rows = Weir.flows(Etl.class).run(LocalDate.now());
 * }</pre>
 *
 * <p>{@code submit}, {@code map}, {@code logger} and {@code context} act on the run of the calling
 * thread; they work from any thread a flow or task runs on.
 */
public final class Weir {

    private Weir() {}

    /**
     * An orchestrated instance of {@code type}: on the runtime of the calling run, or outside runs on
     * the default runtime (configured from the environment).
     *
     * @throws FlowDefinitionException naming each method or class that cannot be orchestrated
     */
    public static <T> T flows(Class<T> type) {
        return Engine.currentRuntime().flows(type);
    }

    /** A runtime of its own, configured from the environment and then by {@code settings}. */
    public static WeirRuntime configure(Consumer<WeirConfig> settings) {
        WeirConfig config = WeirConfig.fromEnvironment();
        settings.accept(config);
        return Engine.newRuntime(config);
    }

    /**
     * Serves {@code deployments} from this process until the calling thread is interrupted or the JVM
     * stops: registers each on the Weir server named by {@code WEIR_API_URL} (with {@code WEIR_API_KEY}
     * when set) on no work pool, then claims their due runs, scheduled and ad hoc, and runs each here on
     * a virtual thread of its own, at most {@value dev.weir.serve.Serving#DEFAULT_LIMIT} at once. No work
     * pool or worker is involved.
     *
     * <pre>{@code
     * public static void main(String[] args) {
     *     Weir.serve(Deployment.of(TaxiEtl.class, "etl").name("nightly").cron("0 2 * * *", "Europe/Berlin"));
     * }
     * }</pre>
     *
     * <p>On interruption it stops claiming, waits for the runs under way, and returns with the thread's
     * interrupt status set. The deployments and their schedules stay active on the server (Weir does
     * not pause them on exit as Prefect does); their runs wait for the next process that serves them.
     * Serving needs a server: without {@code WEIR_API_URL} it throws, even where flows would otherwise
     * be recorded in the embedded local database, which no scheduler watches.
     *
     * @throws dev.weir.core.WeirException if {@code WEIR_API_URL} is not set, the server refuses a
     *     deployment, or a deployment names no {@code @Flow}
     */
    public static void serve(Deployment... deployments) {
        try (Serving serving = startServing(deployments)) {
            serving.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * As {@link #serve}, but returns once the deployments are registered, serving on other threads
     * until the handle is closed; its polling thread keeps the JVM running until then. For a runtime
     * configured otherwise (another server, another limit), use {@link Serving#start}.
     */
    public static Serving startServing(Deployment... deployments) {
        return Serving.start(Engine.defaultRuntime(), Serving.DEFAULT_LIMIT, deployments);
    }

    /** The SLF4J logger of the current run: lines go to the run's log, tagged with its ids (in the MDC too). */
    public static Logger logger() {
        return Engine.logger();
    }

    /**
     * Pauses the calling flow run until it is resumed ({@code weir flow-run resume ID}, the UI, or
     * {@code POST /api/flow_runs/{id}/resume}), in this process: the run is Paused meanwhile and keeps
     * its heartbeats. Call it from the flow's body, not from a task.
     *
     * @throws FlowPauseException if {@code timeout} passes first (the run then ends Failed), the run is
     *     cancelled while paused, or there is no flow run on this thread
     */
    public static void pause(java.time.Duration timeout) {
        Engine.pause(null, timeout);
    }

    /**
     * Pauses the calling flow run until it is resumed with input of type {@code input}, a record; the
     * resume must carry it (the server checks it against the record's JSON Schema, and the UI shows a
     * form), and this returns it.
     *
     * @throws FlowPauseException as {@link #pause(java.time.Duration)} does
     * @throws IllegalArgumentException if {@code input} is not a record
     */
    public static <T extends Record> T pause(Class<T> input, java.time.Duration timeout) {
        java.util.Objects.requireNonNull(input, "input");
        return Engine.pause(input, timeout);
    }

    /** The flow run and task run the calling code runs in. */
    public static RunContext context() {
        return Engine.context();
    }

    /** Runs {@code body} as a task run named {@code name}, now, on the calling thread, and returns its value. */
    public static <R> R task(String name, TaskFunction0<R> body) {
        return task(name).run(body);
    }

    /** A task without annotations, for code that cannot be annotated: set options, then run or submit. */
    public static AdHocTask task(String name) {
        return new AdHocTask(name);
    }

    /** Task runs submitted from the result that wait for {@code upstream} first, without taking their values. */
    public static Submitter waitFor(TaskFuture<?>... upstream) {
        return new Submitter(Arrays.asList(upstream));
    }

    /** Task runs submitted from the result that wait for {@code upstream} first, without taking their values. */
    public static Submitter waitFor(Collection<? extends TaskFuture<?>> upstream) {
        return new Submitter(new ArrayList<>(upstream));
    }

    /** Marks an upstream given to {@link #waitFor} so that the downstream runs even if it fails. */
    public static <T> TaskFuture<T> allowFailure(TaskFuture<T> upstream) {
        return Engine.allowFailure(upstream);
    }

    /** An argument {@link #map} passes whole to every call. */
    public static <T> Unmapped<T> unmapped(T value) {
        return new Unmapped<>(value);
    }

    /** Waits until every future has finished, whatever its state. */
    public static void waitAll(Collection<? extends TaskFuture<?>> futures) {
        for (TaskFuture<?> future : futures) {
            future.await();
        }
    }

    /** The values of all futures, in order; the first failure is rethrown as {@link TaskFuture#result()} does. */
    public static <R> List<R> results(Collection<? extends TaskFuture<R>> futures) {
        List<R> values = new ArrayList<>(futures.size());
        for (TaskFuture<R> future : futures) {
            values.add(future.result());
        }
        return values;
    }

    /** Runs {@code task} on the flow's task runner. */
    public static <R> TaskFuture<R> submit(TaskFunction0<R> task) {
        return Submitter.NONE.submit(task);
    }

    /** Runs {@code task(a)} on the flow's task runner. */
    public static <A, R> TaskFuture<R> submit(TaskFunction1<A, R> task, A a) {
        return Submitter.NONE.submit(task, a);
    }

    public static <A, B, R> TaskFuture<R> submit(TaskFunction2<A, B, R> task, A a, B b) {
        return Submitter.NONE.submit(task, a, b);
    }

    public static <A, B, C, R> TaskFuture<R> submit(TaskFunction3<A, B, C, R> task, A a, B b, C c) {
        return Submitter.NONE.submit(task, a, b, c);
    }

    public static <A, B, C, D, R> TaskFuture<R> submit(TaskFunction4<A, B, C, D, R> task, A a, B b, C c, D d) {
        return Submitter.NONE.submit(task, a, b, c, d);
    }

    public static TaskFuture<Void> submit(TaskProcedure0 task) {
        return Submitter.NONE.submit(task);
    }

    public static <A> TaskFuture<Void> submit(TaskProcedure1<A> task, A a) {
        return Submitter.NONE.submit(task, a);
    }

    public static <A, B> TaskFuture<Void> submit(TaskProcedure2<A, B> task, A a, B b) {
        return Submitter.NONE.submit(task, a, b);
    }

    public static <A, B, C> TaskFuture<Void> submit(TaskProcedure3<A, B, C> task, A a, B b, C c) {
        return Submitter.NONE.submit(task, a, b, c);
    }

    /** One task run per item, on the flow's task runner. */
    public static <A, R> List<TaskFuture<R>> map(TaskFunction1<A, R> task, Iterable<? extends A> items) {
        return Submitter.NONE.map(task, items);
    }

    /** One task run per item, each also given the same {@code unmapped} value. */
    public static <A, B, R> List<TaskFuture<R>> map(
            TaskFunction2<A, B, R> task, Iterable<? extends A> items, Unmapped<B> unmapped) {
        return Submitter.NONE.map(task, items, unmapped);
    }

    /** One task run per pair of items taken from both iterables in step. */
    public static <A, B, R> List<TaskFuture<R>> map(
            TaskFunction2<A, B, R> task, Iterable<? extends A> first, Iterable<? extends B> second) {
        return Submitter.NONE.map(task, first, second);
    }
}
