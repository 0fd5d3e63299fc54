/** Applies the orchestration policy to flow runs inside the database transaction that records the result. */
package dev.weir.server.orchestration;
