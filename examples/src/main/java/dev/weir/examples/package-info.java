/**
 * Runnable example flows, one class per example; {@link dev.weir.examples.Examples} runs them all and
 * prints what the orchestrator recorded. Start them with {@code bin/examples}.
 */
package dev.weir.examples;
