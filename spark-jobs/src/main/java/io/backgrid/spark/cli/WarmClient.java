package io.backgrid.spark.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one backgrid command in a {@link WarmServer} and ends as the command does: its output and
 * error as they come, its exit code, and Ctrl-C passed on (the server prints what it kept, exit
 * 130). The scripts start this small JVM (~0.25 s, no Spark class) instead of a whole one.
 *
 * <p>Usage: {@code WarmClient SOCKET N FALLBACK_1 .. FALLBACK_N ARGS...}: when no server answers at
 * {@code SOCKET}, or it declines (busy with another command), the client runs {@code FALLBACK ARGS}
 * (a whole {@code java ... BackgridCli} command line) as a child process with the same standard
 * streams, and ends as it does; Ctrl-C reaches that child too.
 */
public final class WarmClient {
  private static final long INTERRUPT_WAIT_SECONDS = 20;

  private WarmClient() {}

  public static void main(String[] argv) throws Exception {
    Path socket = Path.of(argv[0]);
    int n = Integer.parseInt(argv[1]);
    List<String> fallback = new ArrayList<>(Arrays.asList(argv).subList(2, 2 + n));
    List<String> args = Arrays.asList(argv).subList(2 + n, argv.length);
    int code;
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      code = new Call(channel, WarmProtocol.logOf(socket)).run(args);
    } catch (IOException noServer) {
      code = WarmProtocol.NOT_SERVED;
    }
    if (code == WarmProtocol.NOT_SERVED) {
      fallback.addAll(args);
      code = runItself(fallback);
    }
    System.exit(code);
  }

  /** The command in a JVM of its own, when the server cannot take it. */
  private static int runItself(List<String> command) throws Exception {
    Process child = new ProcessBuilder(command).inheritIO().start();
    // a signal to this client alone (not its process group) still ends the child the same way
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
    return child.waitFor();
  }

  /** One conversation with the server. */
  private static final class Call {
    private final SocketChannel channel;
    private final Path log;
    private final CountDownLatch ended = new CountDownLatch(1);
    private DataOutputStream out;
    private volatile boolean inputForwarded;

    Call(SocketChannel channel, Path log) {
      this.channel = channel;
      this.log = log;
    }

    int run(List<String> args) throws IOException {
      out = new DataOutputStream(output(channel));
      DataInputStream in = new DataInputStream(input(channel));
      new WarmProtocol.Request(
              System.getProperty("user.dir"),
              ProcessHandle.current()
                  .info()
                  .startInstant()
                  .map(Instant::toEpochMilli)
                  .orElse(System.currentTimeMillis()),
              System.console() != null,
              "1".equals(System.getenv("BACKGRID_TIMINGS")),
              args)
          .write(out);
      Thread interrupt = new Thread(this::interrupt, "backgrid-warm-interrupt");
      Runtime.getRuntime().addShutdownHook(interrupt);
      try {
        return frames(in);
      } finally {
        ended.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(interrupt);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the hook runs and the JVM ends with 130 once it returns
        }
      }
    }

    /** Copies the command's frames to this process's streams; returns its exit code. */
    private int frames(DataInputStream in) throws IOException {
      while (true) {
        byte type;
        try {
          type = in.readByte();
        } catch (java.io.EOFException serverGone) {
          System.err.println(
              "[backgrid] Cannot finish the command: the warm JVM running it stopped (its log: "
                  + log
                  + ")");
          return BackgridCli.EXIT_BAD_INPUT;
        }
        byte[] body = in.readNBytes(in.readInt());
        switch (type) {
          case WarmProtocol.OUT -> copy(System.out, body);
          case WarmProtocol.ERR -> copy(System.err, body);
          case WarmProtocol.EXIT -> {
            return ((body[0] & 0xff) << 24)
                | ((body[1] & 0xff) << 16)
                | ((body[2] & 0xff) << 8)
                | (body[3] & 0xff);
          }
          case WarmProtocol.INPUT -> forwardInput();
          case WarmProtocol.REFUSED -> {
            System.err.println(
                "[backgrid] the warm JVM here is "
                    + new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    + ": this command starts a JVM of its own");
            return WarmProtocol.NOT_SERVED;
          }
          default -> throw new IOException("not a backgrid frame: " + type);
        }
      }
    }

    /**
     * The command reads its standard input (the SQL shell): this process's is sent to it as it
     * comes, by a thread of its own (the frames of the command's output go on meanwhile).
     */
    private void forwardInput() {
      inputForwarded = true;
      Thread forward =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try {
                  int n;
                  while ((n = System.in.read(buffer)) > 0) {
                    WarmProtocol.frame(out, WarmProtocol.DATA, buffer, 0, n);
                  }
                  WarmProtocol.signal(out, WarmProtocol.END);
                } catch (IOException e) {
                  // the command ended (its connection closed) before its input did
                }
              },
              "backgrid-warm-input");
      forward.setDaemon(true);
      forward.start();
    }

    /** Ctrl-C: asks the server to stop the command, and waits for its last lines. */
    private void interrupt() {
      if (ended.getCount() == 0) {
        return;
      }
      try {
        WarmProtocol.signal(out, WarmProtocol.INTERRUPT);
        ended.await(INTERRUPT_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException e) {
        // the server is gone: nothing more to wait for
      }
      if (inputForwarded && System.console() != null) {
        System.out.println(); // the shell's prompt line ends: the terminal's next line is clean
      }
      System.out.flush();
      System.err.flush();
    }
  }

  private static void copy(PrintStream to, byte[] bytes) {
    to.write(bytes, 0, bytes.length);
    to.flush();
  }

  /**
   * The channel's bytes, read without {@code Channels.newInputStream} (which holds the channel's
   * blocking lock while it waits, so Ctrl-C's byte could not be written meanwhile).
   */
  static InputStream input(SocketChannel channel) {
    return new java.io.BufferedInputStream(
        new InputStream() {
          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return channel.read(ByteBuffer.wrap(b, off, len));
          }
        });
  }

  /** Writes to the channel (see {@link #input}). */
  static OutputStream output(SocketChannel channel) {
    return new java.io.BufferedOutputStream(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
              channel.write(buffer);
            }
          }
        });
  }
}
