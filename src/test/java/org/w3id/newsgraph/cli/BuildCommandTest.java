package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BuildCommandTest {
  @Test
  void aPasswordFromTheEnvironmentJoinsAUserWithoutOne() {
    URI withUser = URI.create("http://editor@127.0.0.1:3030/ds");
    URI joined = BuildCommand.withPassword(withUser, "p@ss:w%rd ok");
    assertEquals("editor:p@ss:w%rd ok", joined.getUserInfo(), "decoded as it was given");
    assertEquals("127.0.0.1", joined.getHost());
    assertEquals(3030, joined.getPort());
    assertEquals("/ds", joined.getPath());
  }

  @Test
  void aUrlWithAPasswordOrWithoutAUserOrNoVariableIsLeftAsItIs() {
    URI both = URI.create("http://editor:given@127.0.0.1:3030/ds");
    assertEquals(both, BuildCommand.withPassword(both, "other"));
    URI none = URI.create("http://127.0.0.1:3030/ds");
    assertEquals(none, BuildCommand.withPassword(none, "other"));
    URI user = URI.create("http://editor@127.0.0.1:3030/ds");
    assertEquals(user, BuildCommand.withPassword(user, null));
  }
}
