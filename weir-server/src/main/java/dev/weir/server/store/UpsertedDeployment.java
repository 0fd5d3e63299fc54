package dev.weir.server.store;

/** The answer to an upsert: the deployment as stored, and whether this call created it. */
public record UpsertedDeployment(DeploymentRecord deployment, boolean inserted) {}
