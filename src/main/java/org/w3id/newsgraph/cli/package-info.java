/**
 * The command line: thin picocli commands over the library; {@link org.w3id.newsgraph.cli.Main}
 * maps errors to exit codes.
 */
package org.w3id.newsgraph.cli;
