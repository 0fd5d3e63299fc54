package dev.weir.server.store;

import java.time.InstantSource;

/** The JDBC stores over one executor: a database's, or one transaction's. */
record StoreSet(
        FlowStore flows, FlowRunStore flowRuns, TaskRunStore taskRuns, LogStore logs, EventStore events,
        ApiKeyStore apiKeys, RetentionStore retention, DeploymentStore deployments,
        DeploymentScheduleStore deploymentSchedules, WorkPoolStore workPools, WorkQueueStore workQueues,
        WorkerStore workers, ConcurrencyLeaseStore concurrencyLeases, FlowRunInputStore flowRunInputs)
        implements Stores {

    static StoreSet create(SqlExecutor executor, Dialect dialect, InstantSource clock) {
        Sql sql = new Sql(dialect);
        JdbcFlowStore flows = new JdbcFlowStore(executor, sql);
        return new StoreSet(
                flows,
                new JdbcFlowRunStore(executor, sql, flows, clock),
                new JdbcTaskRunStore(executor, sql, clock),
                new JdbcLogStore(executor, sql),
                new JdbcEventStore(executor, sql),
                new JdbcApiKeyStore(executor, sql),
                new JdbcRetentionStore(executor, sql),
                new JdbcDeploymentStore(executor, sql, flows),
                new JdbcDeploymentScheduleStore(executor, sql),
                new JdbcWorkPoolStore(executor, sql),
                new JdbcWorkQueueStore(executor, sql),
                new JdbcWorkerStore(executor, sql),
                new JdbcConcurrencyLeaseStore(executor, sql),
                new JdbcFlowRunInputStore(executor, sql));
    }
}
