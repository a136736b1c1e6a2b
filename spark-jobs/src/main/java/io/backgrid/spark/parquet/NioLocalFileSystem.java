package io.backgrid.spark.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}), setting permissions through {@code java.nio} instead
 * of a {@code chmod} process.
 *
 * <p>Why: without Hadoop's native library (Spark's distribution ships none), {@link
 * RawLocalFileSystem#setPermission} starts a {@code chmod} process for every file, checksum file
 * and directory it creates. A fresh demo run started 219 of them, ~14 ms each on the main thread
 * and the task threads: about 3 s of a 13 s run (JFR's {@code jdk.ProcessStart}, issue 15).
 *
 * <p>Everything else is Hadoop's: the same checksum ({@code .crc}) files, the same permissions.
 * With the native library loaded, a sticky bit (which {@code java.nio} cannot set) or a file system
 * without POSIX attributes, Hadoop's own {@code setPermission} runs. Installed with {@link #KEY} =
 * this class's name ({@code spark.hadoop.fs.file.impl} for a Spark session).
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  /** The Hadoop setting that selects the implementation of the {@code file:} scheme. */
  public static final String KEY = "fs.file.impl";

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-less) layer, where Hadoop sets permissions. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable() || permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }
  }

  /** The POSIX permission set of Hadoop's user / group / other actions. */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    add(
        set,
        permission.getUserAction(),
        PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(
        set,
        permission.getGroupAction(),
        PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(
        set,
        permission.getOtherAction(),
        PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return set;
  }

  private static void add(
      Set<PosixFilePermission> set,
      FsAction action,
      PosixFilePermission read,
      PosixFilePermission write,
      PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      set.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      set.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      set.add(execute);
    }
  }
}
