/**
 * The {@code weir} command line: {@link dev.weir.cli.Main} and one picocli command class per command
 * group ({@code server}, {@code flow}, {@code flow-run}, {@code api-key}, {@code config}).
 */
package dev.weir.cli;
