package dev.weir.server.store;

/** The stores of one database, or of one transaction in it. */
public interface Stores {

    FlowStore flows();

    FlowRunStore flowRuns();

    TaskRunStore taskRuns();

    LogStore logs();

    EventStore events();

    ApiKeyStore apiKeys();

    DeploymentStore deployments();

    DeploymentScheduleStore deploymentSchedules();

    WorkPoolStore workPools();

    WorkQueueStore workQueues();

    WorkerStore workers();

    ConcurrencyLeaseStore concurrencyLeases();

    FlowRunInputStore flowRunInputs();
}
