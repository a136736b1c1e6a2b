package io.backgrid.spark.cli;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a {@link WarmClient}'s frames while its command runs in the {@link WarmServer}: its
 * standard input into the command's {@link CommandInput}, and Ctrl-C or the client's end (its
 * terminal closed, it was killed). These stop the warm JVM as they would have stopped the command's
 * own, so that Spark's hook stops a running job and the command prints what it kept; except for a
 * command reading its input (the SQL shell, which has nothing to keep): its Spark jobs are
 * cancelled, its input ends, and the warm JVM stays for the next command.
 */
final class ClientWatch extends Thread {
  /** Larger client frames are not the protocol's (a client sends its input in chunks of 8 KiB). */
  private static final int MAX_FRAME = 1 << 20;

  private final DataInputStream in;
  private final CommandInput input;
  private final Runnable cancelJobs;
  private final Consumer<String> log;
  private volatile boolean done;
  private volatile boolean interrupted;

  /**
   * @param cancelJobs cancels the command's running Spark jobs
   * @param log the warm JVM's log
   */
  ClientWatch(DataInputStream in, CommandInput input, Runnable cancelJobs, Consumer<String> log) {
    super("backgrid-warm-watch");
    setDaemon(true);
    this.in = in;
    this.input = input;
    this.cancelJobs = cancelJobs;
    this.log = log;
  }

  /** The command returned: its connection's end is no longer an interrupt. */
  void done() {
    done = true;
  }

  /** Whether Ctrl-C (or the client's end) ended a command reading its input. */
  boolean endedByClient() {
    return interrupted;
  }

  @Override
  public void run() {
    try {
      while (true) {
        byte type = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
          throw new IOException("not a backgrid frame: " + length + " bytes");
        }
        byte[] body = in.readNBytes(length);
        switch (type) {
          case WarmProtocol.DATA -> input.offer(body);
          case WarmProtocol.END -> input.end();
          case WarmProtocol.INTERRUPT -> {
            stop("Ctrl-C");
            return;
          }
          default -> throw new IOException("not a backgrid frame: type " + type);
        }
      }
    } catch (EOFException gone) {
      stop("the client went away during its command");
    } catch (IOException closed) {
      // the command ended and its connection was closed, or the bytes were no frames
      if (!done) {
        log.accept("a client's frames stopped: " + closed.getMessage());
      }
    }
  }

  private void stop(String why) {
    if (done) {
      return;
    }
    if (input.asked()) {
      interrupted = true;
      log.accept(why + ": ending the command reading its input");
      cancelJobs.run();
      input.end();
    } else {
      log.accept(why + ": stopping");
      System.exit(BackgridCli.EXIT_INTERRUPTED);
    }
  }
}
