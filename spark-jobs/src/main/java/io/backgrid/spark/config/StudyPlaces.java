package io.backgrid.spark.config;

import java.util.function.Predicate;

/**
 * Where a study wrote a setting, for the messages of checks made after binding: the place of the
 * axis value that holds it, else the place of the setting in the study's template.
 */
final class StudyPlaces {
  private StudyPlaces() {}

  /**
   * The place of the first value of the axis at {@code path} that {@code matches} (given the
   * value's typed form), else where the study wrote {@code path}.
   */
  static String where(Study study, String path, Predicate<Object> matches) {
    for (GridAxis a : study.axes()) {
      if (a.path().equals(path)) {
        for (AxisValue v : a.values()) {
          if (matches.test(v.typed())) {
            return v.where();
          }
        }
      }
    }
    return study.template().where(path);
  }
}
