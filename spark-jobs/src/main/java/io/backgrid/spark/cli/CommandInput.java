package io.backgrid.spark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A warm JVM's command's standard input: the bytes its client forwards ({@link WarmProtocol#DATA}),
 * asked for at the command's first read ({@link WarmProtocol#INPUT}), so the client reads its own
 * standard input only for a command that needs it (the SQL shell).
 */
final class CommandInput extends InputStream {
  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private final Asker asker;
  private volatile boolean asked;
  private byte[] chunk;
  private int position;
  private boolean ended;

  /** Asks the client for its standard input. */
  interface Asker {
    void ask() throws IOException;
  }

  CommandInput(Asker asker) {
    this.asker = asker;
  }

  /** Whether the command has read (or tried to read) its standard input. */
  boolean asked() {
    return asked;
  }

  /** Bytes the client read from its standard input. */
  void offer(byte[] bytes) {
    if (bytes.length > 0) {
      chunks.add(bytes);
    }
  }

  /** The end of the client's standard input (or of the command's: Ctrl-C in the shell). */
  void end() {
    chunks.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!asked) {
      asked = true;
      asker.ask();
    }
    while (!ended && (chunk == null || position == chunk.length)) {
      try {
        chunk = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("standard input: interrupted");
      }
      position = 0;
      ended = chunk == END;
    }
    if (ended) {
      return -1;
    }
    int n = Math.min(len, chunk.length - position);
    System.arraycopy(chunk, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return chunk == null || ended ? 0 : chunk.length - position;
  }
}
