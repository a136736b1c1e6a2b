package io.backgrid.engine.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Every problem a plug-in's creation finds in its parameters ({@link Params#problems}). */
final class ParamProblems {
  private ParamProblems() {}

  static List<String> of(Params params, Consumer<Params> create) {
    List<String> found = new ArrayList<>();
    Set<String> refused = new TreeSet<>();
    Params p = params;
    while (true) {
      try {
        create.accept(p);
        return found;
      } catch (Params.Refused e) {
        if (!mentionsAny(e.getMessage(), refused)) {
          found.add(e.getMessage());
        }
        refused.addAll(e.keys);
        Params next = p.without(e.keys);
        if (next.keys().size() == p.keys().size()) {
          return found; // a key it did not get from us (a nested plug-in's): no way on
        }
        p = next;
      } catch (IllegalArgumentException e) {
        if (found.isEmpty()) {
          found.add(e.getMessage());
        }
        return found;
      }
    }
  }

  private static boolean mentionsAny(String message, Set<String> keys) {
    for (String key : keys) {
      if (message.matches(
          "(?s).*(?<![\\w-])" + java.util.regex.Pattern.quote(key) + "(?![\\w-]).*")) {
        return true;
      }
    }
    return false;
  }
}
