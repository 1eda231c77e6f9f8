package org.w3id.newsgraph.draft;

import java.text.Normalizer;
import java.util.Locale;

/** Proposed ids in the project's id syntax: lower-case ASCII words joined by single hyphens. */
final class Ids {
  private Ids() {}

  /** The id words of a name: "Tehrik-e Insaf (PTI)" gives "tehrik-e-insaf-pti". */
  static String slug(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("['\u2019]s\\b", "")
            .toLowerCase(Locale.ROOT);
    String s = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "x" : s;
  }
}
