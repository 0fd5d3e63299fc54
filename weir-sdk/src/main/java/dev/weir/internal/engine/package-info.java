/**
 * The flow and task engines: definitions read from annotations, generated subclasses that intercept
 * calls, run scopes, task runners, retries, timeouts and run logging. No compatibility promise.
 */
package dev.weir.internal.engine;
