package io.backgrid.spark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.datasets.validate.Utf8Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads a study from HOCON: the file's {@code study} block over the defaults of {@code
 * reference.conf}, bound once into a {@link Study}. Every problem is collected first and thrown
 * together as one {@link StudyConfigException}.
 *
 * <p>Unknown keys are refused at every level (including inside sleeves, costs, constraints, and at
 * the file's top level, where only {@code study} is known), except inside a sleeve's {@code params}
 * and inside an algorithm block ({@code allocation.kelly { ... }}), whose keys the engine's
 * strategy and algorithm registries check.
 */
public final class StudyLoader {
  private StudyLoader() {}

  /**
   * Loads and binds a study file.
   *
   * @throws StudyConfigException listing every problem (syntax, unknown keys, types, ranges,
   *     cross-field rules of the study as written, grid axes)
   */
  public static Study load(Path file) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new StudyConfigException(
          source, List.of("Cannot read study file " + file + " (not a file)"));
    }
    // the HOCON parser would read a byte that is not UTF-8 as U+FFFD, silently changing a symbol
    try (java.io.InputStream in = Files.newInputStream(file)) {
      Utf8Text.Malformed bad = Utf8Text.firstMalformed(in);
      if (bad != null) {
        throw new StudyConfigException(
            source,
            List.of(
                "Invalid encoding in "
                    + source
                    + " line "
                    + bad.line()
                    + ": not UTF-8 at "
                    + bad.bytes()
                    + " (save the file as UTF-8)"));
      }
    } catch (java.io.IOException e) {
      throw new StudyConfigException(
          source, List.of("Cannot read study file " + file + ": " + e.getMessage()));
    }
    ConfigObject parsed;
    try {
      parsed =
          ConfigFactory.parseFile(
                  file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
              .root();
    } catch (ConfigException e) {
      throw new StudyConfigException(source, List.of(e.getMessage()));
    }
    return bind(parsed, source);
  }

  /**
   * Loads a study from HOCON text (tests, tools).
   *
   * @param name the name messages give as the file (e.g. {@code demo.conf})
   */
  public static Study load(String text, String name) {
    ConfigObject parsed;
    try {
      parsed =
          ConfigFactory.parseString(
                  text,
                  ConfigParseOptions.defaults()
                      .setSyntax(ConfigSyntax.CONF)
                      .setOriginDescription(name))
              .root();
    } catch (ConfigException e) {
      throw new StudyConfigException(name, List.of(e.getMessage()));
    }
    return bind(parsed, name);
  }

  private static Study bind(ConfigObject parsed, String source) {
    Problems problems = new Problems();
    for (Map.Entry<String, ConfigValue> e : parsed.entrySet()) {
      if (!e.getKey().equals("study")) {
        problems.add(
            "Unknown key "
                + e.getKey()
                + " ("
                + Problems.where(e.getValue().origin())
                + "); known: study");
      }
    }
    ConfigValue own = parsed.get("study");
    if (own == null || own.valueType() != ConfigValueType.OBJECT) {
      problems.add("Missing study { ... } block in " + source);
      problems.throwIfAny(source);
    }
    Config merged;
    try {
      merged = parsed.toConfig().withFallback(ConfigFactory.defaultReference()).resolve();
    } catch (ConfigException e) {
      problems.add(e.getMessage());
      throw new StudyConfigException(source, problems.list());
    }
    StudyBinder binder = new StudyBinder();
    Study study = binder.bind(merged.getObject("study"), source);
    for (String p : binder.problems.list()) {
      problems.add(p);
    }
    problems.throwIfAny(source);
    return study;
  }
}
