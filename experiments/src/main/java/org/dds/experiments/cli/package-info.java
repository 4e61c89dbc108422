/**
 * The {@code dds} command line (picocli): one class per command, shared DDS options and converters for the core's
 * names, and the mapping of failures to exit codes (0 success, 2 bad usage or input, 1 internal failure).
 */
package org.dds.experiments.cli;
