package io.backgrid.datasets.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small file helpers for tests. */
public final class Files2 {
  private Files2() {}

  /** Writes lines (joined with \n, trailing newline) to dir/name and returns the path. */
  public static Path write(Path dir, String name, String... lines) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, String.join("\n", lines) + "\n");
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the entries of a directory, sorted. */
  public static List<String> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
