package io.backgrid.engine.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plug-ins' declared parameters as a Markdown table, one row per parameter: the README's tables are
 * this output, and a test keeps them equal to it.
 */
public final class ParamTable {
  private ParamTable() {}

  /**
   * The table of the plug-ins, in the map's order.
   *
   * @param kind the first column's heading ({@code algorithm}, {@code strategy})
   * @param plugins plug-in name → its declaration
   * @return the table's lines, heading first
   */
  public static List<String> markdown(String kind, Map<String, Declared> plugins) {
    List<String> out = new ArrayList<>();
    out.add("| " + kind + " | parameter | values | default | meaning |");
    out.add("|---|---|---|---|---|");
    plugins.forEach(
        (name, declared) -> {
          if (declared.params().isEmpty()) {
            out.add("| `" + name + "` | (none) | | | |");
          }
          for (ParamSpec p : declared.params()) {
            out.add(
                "| `"
                    + name
                    + "` | `"
                    + p.name()
                    + "` | "
                    + cell(p.rangeText())
                    + " | "
                    + cell(p.defaultText())
                    + " | "
                    + cell(p.meaning())
                    + " |");
          }
        });
    return out;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
