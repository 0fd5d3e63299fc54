/**
 * The orchestration policy for flow-run states: an ordered list of rules, one class per rule, that
 * every orchestrator (the server, the embedded store, the in-memory one) applies to proposed states.
 */
package dev.weir.orchestration;
