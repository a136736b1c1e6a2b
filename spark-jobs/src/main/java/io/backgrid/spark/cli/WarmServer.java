package io.backgrid.spark.cli;

import io.backgrid.spark.job.SparkSessions;
import io.backgrid.spark.job.Terminal;
import io.backgrid.spark.job.Timings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.spark.sql.SparkSession;

/**
 * A warm JVM that runs the scripts' commands one after the other (issue 15): the JVM, Spark's
 * classes, the JIT and a local SparkSession are paid for once instead of per command, so a small
 * study or a query costs what its own work costs. Like Gradle's daemon: the scripts start it on
 * first use ({@code submit-scripts/common.sh}), a {@link WarmClient} hands it each command, and it
 * stops after {@code IDLE_MINUTES} without a command or when the project's jars are rebuilt.
 *
 * <p>What a command sees is what it would see in a JVM of its own: its output and error go to the
 * client as they are written; its working directory is the server's (a server serves one directory:
 * a client elsewhere is refused and runs the command itself); it gets a SparkSession of its own
 * ({@link SparkSession#newSession}: its own temporary views and SQL settings) on the shared
 * context; its standard input is the client's, sent once the command reads it ({@link
 * CommandInput}); Ctrl-C stops the server the way it stops a command's own JVM (Spark's hook stops
 * the job, the command's interrupt line is printed, exit 130), and the next command starts a new
 * one, except in the SQL shell, which has nothing to keep: Ctrl-C ends the shell with 130 and the
 * server stays ({@link ClientWatch}). One command at a time: a second client meanwhile is refused
 * (it says so) and runs its command itself.
 *
 * <p>The socket is a Unix socket in a directory only its user can enter (checked at start), so no
 * other user can hand it a command. Usage: {@code WarmServer SOCKET IDLE_MINUTES}; its log (Spark's
 * lines between commands, the reason it stopped) is {@code SOCKET} with {@code .log}.
 */
public final class WarmServer {
  /** The server's own standard error (its log), whatever a command's is meanwhile. */
  private static final PrintStream LOG = System.err;

  private final Path socket;
  private final WarmLifetime lifetime;
  private final ReentrantLock busy = new ReentrantLock();

  /** The running command's name ({@code run}, {@code query}...), for a refusal's reason. */
  private volatile String running = "";

  private final Thread warmUp;
  private volatile SparkSession root;

  /** Whether {@link WarmUp#sql} ran (or runs). */
  private final java.util.concurrent.atomic.AtomicBoolean sqlWarm =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The running command's session, made at its first need; null between commands. */
  private SparkSession commandSession;

  private WarmServer(Path socket, long idleMinutes) throws IOException {
    this.socket = socket;
    this.lifetime = new WarmLifetime(busy, idleMinutes, WarmServer::log);
    this.warmUp = new Thread(this::warmUp, "backgrid-warm-up");
  }

  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]).toAbsolutePath();
    long idle = Long.parseLong(args[1]);
    String refusal = privateDirectory(socket.getParent());
    if (refusal != null) {
      System.err.println(refusal);
      System.exit(2);
    }
    new WarmServer(socket, idle).serve();
  }

  /** Null when only this user can enter {@code dir}, else why the server does not start there. */
  static String privateDirectory(Path dir) throws IOException {
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
    String owner = Files.getOwner(dir).getName();
    if (!mode.endsWith("------") || !owner.equals(System.getProperty("user.name"))) {
      return "Cannot start a warm JVM in "
          + dir
          + ": the directory is "
          + mode
          + " owned by "
          + owner
          + " (must be rwx------ and owned by "
          + System.getProperty("user.name")
          + ")";
    }
    return null;
  }

  private void serve() throws IOException {
    if (Files.exists(socket)) {
      try (SocketChannel other = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        log("another warm JVM already serves " + socket + ": this one stops");
        System.exit(0);
      } catch (IOException stale) {
        Files.delete(socket); // a server that died without removing it
      }
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Path pid = socket.resolveSibling(socket.getFileName() + ".pid");
    Files.writeString(pid, Long.toString(ProcessHandle.current().pid()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(socket);
                    Files.deleteIfExists(pid);
                  } catch (IOException e) {
                    // the next start removes a stale socket
                  }
                },
                "backgrid-warm-socket"));
    BackgridCli.installInterruptHook();
    SparkSessions.commandSessions(this::sessionOfCommand);
    warmUp.start();
    lifetime.start();
    log("serving " + System.getProperty("user.dir") + " on " + socket);
    while (true) {
      SocketChannel client = server.accept();
      Thread t = new Thread(() -> answer(client), "backgrid-warm-command");
      t.start();
    }
  }

  /**
   * The running command's session: a new one on the warm context (its own temporary views and SQL
   * settings), at the command's first need, so that a first command does its own first steps while
   * Spark starts.
   */
  private synchronized SparkSession sessionOfCommand() {
    if (commandSession == null) {
      try {
        warmUp.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (root == null) {
        throw new IllegalStateException(
            "Cannot start Spark in the warm JVM (its log: "
                + WarmProtocol.logOf(socket)
                + "); BACKGRID_WARM=0 runs the command in a JVM of its own");
      }
      commandSession = newSession(root);
      SparkSession.setActiveSession(commandSession);
    }
    return commandSession;
  }

  /**
   * A new session on the warm context for a command (or the warm-up) that shares Spark's compiled
   * code with the others. Spark keys its cache of generated classes by the class loader of a
   * session's artifacts (jars a session adds), which it isolates per session: each new session then
   * compiled every operator again, on the command's time — 34 Janino compiles in an open shell for
   * the README's three queries, a third of their CPU (BENCHMARKS.md "Round 6"). No command adds
   * artifacts ({@code query} refuses {@code ADD JAR}), so there is nothing to isolate.
   */
  static SparkSession newSession(SparkSession root) {
    SparkSession session = root.newSession();
    // read at the session's first job: set before any
    session.conf().set("spark.sql.artifact.isolation.enabled", "false");
    return session;
  }

  /** The session and Spark SQL's first query, before the first command needs them. */
  private void warmUp() {
    SparkSession session = SparkSessions.create("backgrid (warm)", "local[*]");
    session.sql("SELECT 1").collectAsList();
    root = session;
    warmSql();
  }

  private void answer(SocketChannel client) {
    try (client) {
      DataOutputStream out = new DataOutputStream(WarmClient.output(client));
      DataInputStream in = new DataInputStream(WarmClient.input(client));
      WarmProtocol.Request request = WarmProtocol.Request.read(in);
      if (!busy.tryLock()) {
        String other = running;
        log("refused " + String.join(" ", request.args()) + ": busy with " + other);
        WarmProtocol.refuse(out, "busy with another command (" + other + ")");
        return;
      }
      try {
        running = request.args().isEmpty() ? "?" : request.args().get(0);
        if (!request.directory().equals(System.getProperty("user.dir"))) {
          log("refused a command from " + request.directory());
          WarmProtocol.refuse(out, "serves " + System.getProperty("user.dir"));
          return;
        }
        if (!warmUp.isAlive() && root == null) {
          WarmProtocol.refuse(out, "its Spark session did not start (see its log)");
          return;
        }
        long t0 = System.nanoTime();
        int code = run(request, in, out);
        // logged before the client hears the exit code: its log is complete once it has ended
        log(
            String.format(
                Locale.ROOT,
                "ran %s: exit %d in %.1f s",
                String.join(" ", request.args()),
                code,
                (System.nanoTime() - t0) / 1e9));
        WarmProtocol.exit(out, code);
      } finally {
        lifetime.used();
        busy.unlock();
      }
    } catch (IOException e) {
      log("a client went away: " + e);
    }
    warmSql();
  }

  /**
   * Spark SQL's warm-up ({@link WarmUp}), once, when the session is there and no command waits:
   * after the session starts if no command runs then, else after the command that runs.
   */
  private void warmSql() {
    if (root == null || busy.isLocked() || sqlWarm.getAndSet(true)) {
      return;
    }
    try {
      long t0 = System.nanoTime();
      WarmUp.sql(root, socket.resolveSibling(socket.getFileName() + ".warm-up"));
      log(
          String.format(
              Locale.ROOT, "warmed up Spark SQL in %.1f s", (System.nanoTime() - t0) / 1e9));
    } catch (IOException | RuntimeException e) {
      log("warming up Spark SQL failed (commands are not affected): " + e);
    }
  }

  /** Runs the request's command with its streams, session and timings; returns its exit code. */
  private int run(WarmProtocol.Request request, DataInputStream in, DataOutputStream out) {
    PrintStream stdout =
        new PrintStream(WarmProtocol.frames(out, WarmProtocol.OUT), true, StandardCharsets.UTF_8);
    PrintStream stderr =
        new PrintStream(WarmProtocol.frames(out, WarmProtocol.ERR), true, StandardCharsets.UTF_8);
    PrintStream ownOut = System.out;
    PrintStream ownErr = System.err;
    java.io.InputStream ownIn = System.in;
    CommandInput input = new CommandInput(() -> WarmProtocol.signal(out, WarmProtocol.INPUT));
    ClientWatch watch =
        new ClientWatch(in, input, () -> root.sparkContext().cancelAllJobs(), WarmServer::log);
    try {
      System.setOut(stdout);
      System.setErr(stderr);
      System.setIn(input);
      Terminal.given(request.terminal());
      Timings.command(request.timings(), request.startMillis());
      Timings.mark("warm: command received");
      watch.start();
      int code =
          BackgridCli.runCommand(
              new PrintWriter(stdout, true),
              new PrintWriter(stderr, true),
              () -> sendExit(out),
              request.args().toArray(String[]::new));
      return watch.endedByClient() ? BackgridCli.EXIT_INTERRUPTED : code;
    } finally {
      watch.done();
      System.setOut(ownOut);
      System.setErr(ownErr);
      System.setIn(ownIn);
      Terminal.given(null);
      Timings.command(false, System.currentTimeMillis());
      synchronized (this) {
        commandSession = null;
      }
      SparkSession.clearActiveSession();
      try {
        CommandLog.end();
      } catch (RuntimeException e) { // logging stopping under Ctrl-C
        log("logging not reset after the command: " + e);
      }
    }
  }

  /** After Ctrl-C's line: the client's exit code. */
  private static void sendExit(DataOutputStream out) {
    try {
      WarmProtocol.exit(out, BackgridCli.EXIT_INTERRUPTED);
    } catch (IOException e) {
      // the client is gone already
    }
  }

  private static void log(String line) {
    LOG.printf(Locale.ROOT, "%tFT%<tT warm: %s%n", System.currentTimeMillis(), line);
  }
}
