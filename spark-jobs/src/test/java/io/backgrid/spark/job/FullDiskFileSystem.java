package io.backgrid.spark.job;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local filesystem with a full disk for files whose path contains {@link #failing}: their
 * writes fail, as on a full disk, once 64 bytes are written. Installed as {@code fs.file.impl}
 * (uncached) in the Hadoop configuration a test run ships to its tasks.
 */
public final class FullDiskFileSystem extends LocalFileSystem {
  static volatile String failing;

  @Override
  public FSDataOutputStream create(
      Path f,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    FSDataOutputStream out =
        super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    String where = failing;
    if (where == null || !f.toString().contains(where)) {
      return out;
    }
    return new FSDataOutputStream(
        new OutputStream() {
          private long written;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > 64) {
              throw new IOException("No space left on device");
            }
            written += len;
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        },
        null);
  }
}
