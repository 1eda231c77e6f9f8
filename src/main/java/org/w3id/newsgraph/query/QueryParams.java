package org.w3id.newsgraph.query;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;

/**
 * Values for query variables as a user writes them: an entity id ({@code imran-khan}), a prefixed
 * name ({@code ng:Attack}), an IRI in angle brackets, or else a plain string.
 */
public final class QueryParams {
  private QueryParams() {}

  /** Turns {@code name=value} pairs into variable names and RDF terms. */
  public static Map<String, Node> parse(Map<String, String> raw, PrefixMapping prefixes) {
    Map<String, Node> out = new LinkedHashMap<>();
    raw.forEach(
        (name, value) -> {
          String var = name.startsWith("?") ? name.substring(1) : name;
          if (!var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new NewsGraphException(
                ErrorId.BAD_OPTION, "'" + name + "' is not a variable name");
          }
          out.put(var, node(value, prefixes));
        });
    return out;
  }

  /** One value: entity id, prefixed name, {@code <IRI>}, or a plain string. */
  public static Node node(String value, PrefixMapping prefixes) {
    if (value.startsWith("<") && value.endsWith(">") && value.length() > 2) {
      return NodeFactory.createURI(value.substring(1, value.length() - 1));
    }
    if (Iris.isValidId(value)) {
      return NodeFactory.createURI(Iris.entity(value));
    }
    int colon = value.indexOf(':');
    if (colon > 0 && prefixes.getNsPrefixURI(value.substring(0, colon)) != null) {
      return NodeFactory.createURI(prefixes.expandPrefix(value));
    }
    return NodeFactory.createLiteralString(value);
  }
}
