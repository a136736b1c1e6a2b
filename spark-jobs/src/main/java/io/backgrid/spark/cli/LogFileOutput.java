package io.backgrid.spark.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes appended to a log file that is opened (and created, with its directory) only when the first
 * byte comes, as {@link CommandLog}'s own appender does: a command whose standard error stays quiet
 * leaves no file behind.
 */
final class LogFileOutput extends OutputStream {
  private final Path file;
  private OutputStream out;

  LogFileOutput(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    open().write(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    open().write(bytes, offset, length);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }

  private OutputStream open() throws IOException {
    if (out == null) {
      Files.createDirectories(file.getParent());
      out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return out;
  }
}
