package io.backgrid.spark.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link WarmClient} and a {@link WarmServer} say to each other over the server's Unix
 * socket. Both sides send frames, a type byte and a length-prefixed body. The client sends one
 * {@link Request}, then {@link #INTERRUPT} on Ctrl-C and, once the server has asked for it with
 * {@link #INPUT}, its standard input as {@link #DATA} frames and {@link #END} at its end. The
 * server answers with {@link #OUT} and {@link #ERR}, the command's standard output and error as
 * they are written, {@link #INPUT} when the command first reads its standard input (so a command
 * that never reads it never takes the client's: a script's loop reading lines keeps them), {@link
 * #EXIT} its exit code (the last frame), or {@link #REFUSED} with the reason the command was not
 * run (the server is busy with another command, or was started in another directory): the client
 * then runs it itself.
 *
 * <p>No Spark class is loaded by this class or the client: the client's JVM starts in ~0.25 s.
 */
final class WarmProtocol {
  /** "BGW" and the protocol version; a client and server of different builds never talk. */
  static final int MAGIC = 0x42475702;

  // server to client
  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte REFUSED = 4;
  static final byte INPUT = 5;

  // client to server, after the request
  static final byte INTERRUPT = 'I';
  static final byte DATA = 'D';
  static final byte END = 'E';

  /** The exit code with which the client tells its script to run the command itself. */
  static final int NOT_SERVED = 75;

  private WarmProtocol() {}

  /** The server's log file: its socket's name with {@code .log} for {@code .sock}. */
  static java.nio.file.Path logOf(java.nio.file.Path socket) {
    return socket.resolveSibling(
        socket.getFileName().toString().replaceFirst("\\.sock$", "") + ".log");
  }

  /**
   * One command to run.
   *
   * @param directory the client's working directory (a server serves only its own)
   * @param startMillis when the client's process started, ms since the epoch (for the timings)
   * @param terminal whether the client's standard output is a terminal (progress lines)
   * @param timings whether the client asked for per-phase timings ({@code BACKGRID_TIMINGS=1})
   * @param args the command line, e.g. {@code run conf/studies/demo.conf}
   */
  record Request(
      String directory, long startMillis, boolean terminal, boolean timings, List<String> args) {
    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      writeText(out, directory);
      out.writeLong(startMillis);
      out.writeBoolean(terminal);
      out.writeBoolean(timings);
      out.writeInt(args.size());
      for (String arg : args) {
        writeText(out, arg);
      }
      out.flush();
    }

    /**
     * @throws IOException also when the bytes are no request of this protocol version
     */
    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a backgrid request of this version");
      }
      String directory = readText(in);
      long start = in.readLong();
      boolean terminal = in.readBoolean();
      boolean timings = in.readBoolean();
      int n = in.readInt();
      if (n < 0 || n > 10_000) {
        throw new IOException("not a backgrid request: " + n + " arguments");
      }
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(readText(in));
      }
      return new Request(directory, start, terminal, timings, List.copyOf(args));
    }
  }

  /** Writes one frame; frames of several threads (output and error) never interleave. */
  static void frame(DataOutputStream out, byte type, byte[] body, int offset, int length)
      throws IOException {
    synchronized (out) {
      out.writeByte(type);
      out.writeInt(length);
      out.write(body, offset, length);
      out.flush();
    }
  }

  /** The exit frame: the command's exit code. */
  static void exit(DataOutputStream out, int code) throws IOException {
    byte[] body = {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
    frame(out, EXIT, body, 0, 4);
  }

  /** A frame without a body ({@link #INPUT}, {@link #INTERRUPT}, {@link #END}). */
  static void signal(DataOutputStream out, byte type) throws IOException {
    frame(out, type, new byte[0], 0, 0);
  }

  /** The refusal frame: why the command was not run here. */
  static void refuse(DataOutputStream out, String why) throws IOException {
    byte[] body = why.getBytes(StandardCharsets.UTF_8);
    frame(out, REFUSED, body, 0, body.length);
  }

  /** A stream of {@code type} frames (the command's standard output or error). */
  static OutputStream frames(DataOutputStream out, byte type) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
          frame(out, type, b, off, len);
        }
      }
    };
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new IOException("not a backgrid request: a text of " + n + " bytes");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
