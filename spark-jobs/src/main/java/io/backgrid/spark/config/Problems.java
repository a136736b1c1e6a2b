package io.backgrid.spark.config;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects config problems (deduplicated, in order) so that all are reported at once. */
final class Problems {
  private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise();

  private final Set<String> messages = new LinkedHashSet<>();

  void add(String message) {
    messages.add(message);
  }

  /** {@code Invalid study.<path>: <value> (<rule>) (<file> line <n>)}. */
  void invalid(String path, ConfigValue value, String rule) {
    add(
        "Invalid "
            + full(path)
            + ": "
            + render(value)
            + " ("
            + rule
            + ") ("
            + where(value.origin())
            + ")");
  }

  /** {@code Missing study.<path> (required) (<file> line <n>)}, at the object that lacks it. */
  void missing(String path, ConfigOrigin origin) {
    add("Missing " + full(path) + " (required) (" + where(origin) + ")");
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  int size() {
    return messages.size();
  }

  List<String> list() {
    return new ArrayList<>(messages);
  }

  void throwIfAny(String source) {
    if (!messages.isEmpty()) {
      throw new StudyConfigException(source, list());
    }
  }

  /** {@code study.<path>} for a path relative to the study block. */
  static String full(String path) {
    return path.isEmpty() ? "study" : "study." + path;
  }

  /** A value as written, compactly: strings quoted, lists in brackets. */
  static String render(ConfigValue value) {
    return value.render(CONCISE);
  }

  /**
   * True when a value comes from the study (a file or text, alone or merged with defaults), false
   * for a default read from {@code reference.conf}, the only classpath resource a study reads.
   */
  static boolean writtenByStudy(ConfigOrigin origin) {
    return origin != null && origin.resource() == null;
  }

  /** {@code demo.conf line 14}: the file's name (not its directory) and the line. */
  static String where(ConfigOrigin origin) {
    if (origin == null) {
      return "unknown location";
    }
    if (origin.filename() != null) {
      return at(Path.of(origin.filename()).getFileName().toString(), origin.lineNumber());
    }
    if (origin.resource() != null) {
      return at(origin.resource(), origin.lineNumber());
    }
    // parsed from a string, or merged ("merge of demo.conf: 1,reference.conf"): the first part
    String d = origin.description().replaceFirst("^merge of ", "");
    int comma = d.indexOf(',');
    d = comma >= 0 ? d.substring(0, comma) : d;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(.*?):\\s*(\\d+)(-\\d+)?$").matcher(d);
    // a merged origin names the file by its full path: keep the name, as for a single file
    return m.matches()
        ? at(m.group(1).substring(m.group(1).lastIndexOf('/') + 1), Integer.parseInt(m.group(2)))
        : d;
  }

  private static String at(String name, int line) {
    return line > 0 ? name + " line " + line : name;
  }
}
