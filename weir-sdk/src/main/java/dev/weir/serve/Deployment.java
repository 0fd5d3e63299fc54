package dev.weir.serve;

import dev.weir.api.DeploymentScheduleCreate;
import dev.weir.core.WeirException;
import dev.weir.function.TaskFunction1;
import dev.weir.function.TaskFunction2;
import dev.weir.function.TaskFunction3;
import dev.weir.function.TaskFunction4;
import dev.weir.function.TaskProcedure1;
import dev.weir.function.TaskProcedure2;
import dev.weir.function.TaskProcedure3;
import dev.weir.function.TaskProcedure4;
import dev.weir.internal.engine.Engine;
import dev.weir.schedule.Schedule;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deployment that a process serves itself: which {@code @Flow} it runs, under what name, when, and
 * with which default parameters. Immutable; each setter returns a changed copy.
 *
 * <pre>{@code
 * Weir.serve(Deployment.of(TaxiEtl.class, "etl").name("nightly").cron("0 2 * * *", "Europe/Berlin"),
 *         Deployment.of(TaxiEtl::backfill).parameters(Map.of("months", 3)));
 * }</pre>
 *
 * <p>Serving registers it on the server as {@code <flow name>/<name>} (created, or updated when it
 * exists) on no work pool, with its parameter schema and its schedules replacing the stored ones.
 */
public final class Deployment {

    private final Class<?> type;
    private final String flow;
    private final Method method;
    private final String name;
    private final List<DeploymentScheduleCreate> schedules;
    private final Map<String, Object> parameters;
    private final List<String> tags;
    private final String description;
    private final String version;

    private Deployment(Class<?> type, String flow, Method method, String name, List<DeploymentScheduleCreate> schedules,
            Map<String, Object> parameters, List<String> tags, String description, String version) {
        this.type = type;
        this.flow = flow;
        this.method = method;
        this.name = name;
        this.schedules = List.copyOf(schedules);
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.tags = List.copyOf(tags);
        this.description = description;
        this.version = version;
    }

    /** The flow {@code flow} (its method name or {@link dev.weir.Flow#name()}) of {@code type}; checked when serving starts. */
    public static Deployment of(Class<?> type, String flow) {
        Objects.requireNonNull(type, "type");
        if (flow == null || flow.isBlank()) {
            throw new WeirException("flow must name a @Flow method of " + type.getName() + ", got '" + flow + "'");
        }
        return new Deployment(type, flow, null, null, List.of(), Map.of(), List.of(), null, null);
    }

    /** The {@code @Flow} method a reference such as {@code Etl::run} names (a flow of no parameters). */
    public static <T> Deployment of(TaskFunction1<T, ?> flow) {
        return ofReference(flow);
    }

    /** The {@code @Flow} method a reference such as {@code Etl::run} names (a flow of one parameter). */
    public static <T, A> Deployment of(TaskFunction2<T, A, ?> flow) {
        return ofReference(flow);
    }

    public static <T, A, B> Deployment of(TaskFunction3<T, A, B, ?> flow) {
        return ofReference(flow);
    }

    public static <T, A, B, C> Deployment of(TaskFunction4<T, A, B, C, ?> flow) {
        return ofReference(flow);
    }

    /** The {@code @Flow} method a reference such as {@code Etl::clean} names (returning nothing). */
    public static <T> Deployment of(TaskProcedure1<T> flow) {
        return ofReference(flow);
    }

    public static <T, A> Deployment of(TaskProcedure2<T, A> flow) {
        return ofReference(flow);
    }

    public static <T, A, B> Deployment of(TaskProcedure3<T, A, B> flow) {
        return ofReference(flow);
    }

    public static <T, A, B, C> Deployment of(TaskProcedure4<T, A, B, C> flow) {
        return ofReference(flow);
    }

    private static Deployment ofReference(Serializable reference) {
        Method method = Engine.flowMethod(Objects.requireNonNull(reference, "flow"));
        return new Deployment(method.getDeclaringClass(), method.getName(), method, null, List.of(), Map.of(), List.of(),
                null, null);
    }

    /** The deployment's name, unique per flow; the flow's name by default. */
    public Deployment name(String value) {
        if (value == null || value.isBlank() || value.contains("/")) {
            throw new WeirException("a deployment's name must be non-blank and without '/', got '" + value + "'");
        }
        return new Deployment(type, flow, method, value, schedules, parameters, tags, description, version);
    }

    /** Adds a five-field cron schedule, such as {@code "0 2 * * *"}, following the wall clock of {@code timezone}. */
    public Deployment cron(String expression, String timezone) {
        return schedule(Schedule.cron(expression, zone(timezone)));
    }

    /** Adds a schedule firing every {@code every}, counted from 1970-01-01T00:00Z. */
    public Deployment interval(Duration every) {
        return schedule(Schedule.interval(every, Instant.EPOCH, ZoneOffset.UTC));
    }

    /** Adds an RFC 5545 recurrence rule, such as {@code "FREQ=WEEKLY;BYDAY=MO"}, read in {@code timezone}. */
    public Deployment rrule(String rrule, String timezone) {
        return schedule(Schedule.rrule(rrule, zone(timezone)));
    }

    /** Adds a schedule of any kind (such as an interval with its own anchor and zone). */
    public Deployment schedule(Schedule schedule) {
        List<DeploymentScheduleCreate> more = new ArrayList<>(schedules);
        more.add(new DeploymentScheduleCreate(Objects.requireNonNull(schedule, "schedule"), true, null, null));
        return new Deployment(type, flow, method, name, more, parameters, tags, description, version);
    }

    /** Default parameters of its runs, by parameter name; JSON values (a record may be given as a map). */
    public Deployment parameters(Map<String, ?> defaults) {
        return new Deployment(type, flow, method, name, schedules, new LinkedHashMap<>(defaults), tags, description, version);
    }

    /** Tags of the deployment, copied to each of its runs. */
    public Deployment tags(String... values) {
        List<String> list = Arrays.asList(values);
        if (list.stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw new WeirException("tags must not be null or blank, got " + list);
        }
        return new Deployment(type, flow, method, name, schedules, parameters, list, description, version);
    }

    /** The deployment's description; the flow's by default. */
    public Deployment description(String value) {
        return new Deployment(type, flow, method, name, schedules, parameters, tags, Objects.requireNonNull(value), version);
    }

    /** The deployment's version, given to its runs; the flow's by default. */
    public Deployment version(String value) {
        return new Deployment(type, flow, method, name, schedules, parameters, tags, description, Objects.requireNonNull(value));
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(Objects.requireNonNull(timezone, "timezone"));
        } catch (DateTimeException e) {
            throw new WeirException("timezone must be a zone such as Europe/Berlin or UTC, got '" + timezone + "'");
        }
    }

    Class<?> type() {
        return type;
    }

    String flow() {
        return flow;
    }

    /** The flow method when given by reference, else null (resolved when serving starts). */
    Method method() {
        return method;
    }

    /** Null when not set. */
    String name() {
        return name;
    }

    List<DeploymentScheduleCreate> schedules() {
        return schedules;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    List<String> tags() {
        return tags;
    }

    /** Null when not set. */
    String description() {
        return description;
    }

    /** Null when not set. */
    String version() {
        return version;
    }

    @Override
    public String toString() {
        return "Deployment[" + type.getName() + "#" + flow + (name == null ? "" : " as " + name) + "]";
    }
}
