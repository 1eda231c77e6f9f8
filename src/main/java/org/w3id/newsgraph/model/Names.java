package org.w3id.newsgraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The names users type for enum constants: the constant's name in lower case. */
public final class Names {
  private Names() {}

  /** The name a user types for {@code constant}, e.g. {@code turtle} for {@code TURTLE}. */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} whose name is {@code name}, ignoring case. */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> of(c).equalsIgnoreCase(name))
        .findFirst();
  }

  /** All names of {@code type}, comma-separated, in declaration order. */
  public static String list(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Names::of).collect(Collectors.joining(", "));
  }
}
