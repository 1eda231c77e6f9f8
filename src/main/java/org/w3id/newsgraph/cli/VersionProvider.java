package org.w3id.newsgraph.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest (or "development" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"newsgraph " + (v == null ? "(development build)" : v)};
  }
}
