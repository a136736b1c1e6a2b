package io.backgrid.spark.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void everyPermissionMapsToThePosixSetOfItsSymbolicForm() {
    for (short bits = 0; bits < 01000; bits++) {
      FsPermission permission = new FsPermission(bits);
      assertEquals(
          PosixFilePermissions.fromString(permission.toString()),
          NioLocalFileSystem.posix(permission),
          permission.toString());
    }
  }

  @Test
  void filesAndDirectoriesGetThePermissionsAskedForAndFilesKeepTheirChecksums() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set(NioLocalFileSystem.KEY, NioLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem fs = new Path(dir.toUri()).getFileSystem(conf);
    assertInstanceOf(NioLocalFileSystem.class, fs);

    Path sub = new Path(dir.toUri().toString(), "a/b");
    assertTrue(fs.mkdirs(sub, new FsPermission((short) 0750)));
    assertEquals("rwxr-x---", posix(dir.resolve("a/b")));

    Path file = new Path(sub, "part-00000.parquet");
    try (FSDataOutputStream out =
        fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.writeBytes("rows");
    }
    assertEquals("rw-r-----", posix(dir.resolve("a/b/part-00000.parquet")));
    assertTrue(Files.exists(dir.resolve("a/b/.part-00000.parquet.crc")), "checksum file");
    fs.setPermission(file, new FsPermission((short) 0604));
    assertEquals("rw----r--", posix(dir.resolve("a/b/part-00000.parquet")));
  }

  private static String posix(java.nio.file.Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
