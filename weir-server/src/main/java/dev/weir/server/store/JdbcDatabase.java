package dev.weir.server.store;

import java.time.InstantSource;
import java.util.function.Function;

/** A {@link Database} over a dialect's executor, migrated when opened. */
final class JdbcDatabase implements Database {

    private final Kind kind;
    private final Dialect dialect;
    private final SqlExecutor executor;
    private final InstantSource clock;
    private final StoreSet stores;
    private final int schemaVersion;
    private final ServiceLocks serviceLocks;

    JdbcDatabase(Kind kind, Dialect dialect, SqlExecutor executor, InstantSource clock) {
        this.kind = kind;
        this.dialect = dialect;
        this.executor = executor;
        this.clock = clock;
        this.stores = StoreSet.create(executor, dialect, clock);
        Migrations migrations = new Migrations(dialect);
        this.schemaVersion = executor.write(migrations::apply);
        this.serviceLocks = executor instanceof dev.weir.server.store.postgres.PostgresExecutor postgres
                ? new PostgresServiceLocks(postgres::openDedicated) : ServiceLocks.NONE;
    }

    @Override
    public ServiceLocks serviceLocks() {
        return serviceLocks;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public FlowStore flows() {
        return stores.flows();
    }

    @Override
    public FlowRunStore flowRuns() {
        return stores.flowRuns();
    }

    @Override
    public TaskRunStore taskRuns() {
        return stores.taskRuns();
    }

    @Override
    public LogStore logs() {
        return stores.logs();
    }

    @Override
    public EventStore events() {
        return stores.events();
    }

    @Override
    public ApiKeyStore apiKeys() {
        return stores.apiKeys();
    }

    @Override
    public DeploymentStore deployments() {
        return stores.deployments();
    }

    @Override
    public DeploymentScheduleStore deploymentSchedules() {
        return stores.deploymentSchedules();
    }

    @Override
    public WorkPoolStore workPools() {
        return stores.workPools();
    }

    @Override
    public WorkQueueStore workQueues() {
        return stores.workQueues();
    }

    @Override
    public WorkerStore workers() {
        return stores.workers();
    }

    @Override
    public ConcurrencyLeaseStore concurrencyLeases() {
        return stores.concurrencyLeases();
    }

    @Override
    public FlowRunInputStore flowRunInputs() {
        return stores.flowRunInputs();
    }

    @Override
    public RetentionStore retention() {
        return stores.retention();
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        return executor.write(connection -> work.apply(StoreSet.create(new BoundExecutor(connection), dialect, clock)));
    }

    @Override
    public void close() {
        serviceLocks.close();
        executor.close();
    }
}
