/**
 * The user's project as {@code weir deploy} sees it: the {@code weir.yaml} file, its templates, the
 * bundle built from its classpath and the flow method each deployment runs.
 */
package dev.weir.cli.project;
