/**
 * Measurements of the engine's own cost: JMH benchmarks and stand-alone harnesses, started by
 * {@code bin/benchmarks}. See {@code benchmarks/README.md} for how to run them and the figures measured.
 */
package dev.weir.benchmarks;
