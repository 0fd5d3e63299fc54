/** The process worker behind {@code weir worker start}: polls a work pool and runs each claimed flow run in a child JVM. */
package dev.weir.cli.worker;
