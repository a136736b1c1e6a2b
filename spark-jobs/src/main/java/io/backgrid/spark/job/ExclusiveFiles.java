package io.backgrid.spark.job;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Small files created only if absent, in one step, on any Hadoop filesystem: what the study lease
 * is made of.
 */
final class ExclusiveFiles {
  private ExclusiveFiles() {}

  /** Creates a file with this content unless it exists, atomically (see {@link StudyLease}). */
  static boolean create(FileSystem fs, Path file, byte[] content) throws IOException {
    if (fs instanceof RawLocalFileSystem local) {
      // Written aside, then hard-linked into place: link(2) is atomic, fails if the name exists,
      // and
      // the file appears with its content (an exclusive create would show it empty for a moment).
      java.nio.file.Path target = local.pathToFile(file).toPath();
      java.nio.file.Path aside =
          target.resolveSibling(target.getFileName() + ".new-" + java.util.UUID.randomUUID());
      try {
        Files.write(aside, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.createLink(target, aside);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
        try { // no hard links here: an exclusive create, whose content readers may miss for a
          // moment
          Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          return true;
        } catch (FileAlreadyExistsException exists) {
          return false;
        }
      } finally {
        Files.deleteIfExists(aside);
      }
    }
    try (FSDataOutputStream out = fs.create(file, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // some filesystems say "exists" with a plain IOException
      }
      throw e;
    }
  }

  /** A file's bytes, or null when it does not exist. */
  static byte[] read(FileSystem fs, Path file) throws IOException {
    try (var in = fs.open(file)) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      return null;
    }
  }
}
