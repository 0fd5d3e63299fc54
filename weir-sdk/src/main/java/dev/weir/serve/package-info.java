/**
 * Serving deployments from the running process: {@link dev.weir.serve.Deployment} says what to serve,
 * {@link dev.weir.Weir#serve} registers it and runs its runs here, with no work pool or worker.
 */
package dev.weir.serve;
