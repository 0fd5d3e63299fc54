package dev.weir.server.serve;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.Weir;
import dev.weir.serve.Deployment;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Flows the serve tests deploy; {@link #main} serves {@code count} from a JVM of its own. */
public class ServedFlows {

    /** How often each flow run id was executed in this JVM. */
    static final Map<UUID, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

    public record Trip(String zone, double miles) {}

    @Task
    double fare(Trip trip, int month) {
        return trip.miles() * 2 + month;
    }

    @Flow(name = "taxi-fares")
    double fares(int month, Trip trip) {
        double fare = fare(trip, month);
        Weir.logger().info("fare for {} in month {}: {}", trip.zone(), month, fare);
        return fare;
    }

    @Flow(name = "count")
    int count() {
        EXECUTIONS.computeIfAbsent(Weir.context().flowRun().orElseThrow().id(), id -> new AtomicInteger()).incrementAndGet();
        Weir.logger().info("counted in process {}", ProcessHandle.current().pid());
        return 1;
    }

    @Flow(name = "broken")
    void broken() {
        throw new IllegalStateException("the taxi zone file is missing");
    }

    /** Serves the {@code count} flow as {@code count/shared} against {@code WEIR_API_URL} until killed. */
    public static void main(String[] args) {
        Weir.serve(Deployment.of(ServedFlows::count).name("shared"));
    }
}
