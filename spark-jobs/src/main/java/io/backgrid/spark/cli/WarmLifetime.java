package io.backgrid.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * When a {@link WarmServer} stops by itself: after {@code idleMinutes} without a command, or when
 * one of the project's jars on its class path was rebuilt or removed (its classes would no longer
 * be the code the scripts run). Checked every 2 s between commands, never during one.
 */
final class WarmLifetime extends Thread {
  private final ReentrantLock busy;
  private final long idleMillis;
  private final Consumer<String> log;
  private final List<Path> jars = new ArrayList<>();
  private final List<Long> jarTimes = new ArrayList<>();
  private volatile long lastUsed = System.currentTimeMillis();

  /**
   * @param busy held while a command runs (taken here before stopping, so none starts meanwhile)
   * @param idleMinutes minutes without a command before the JVM stops, ≥ 1
   */
  WarmLifetime(ReentrantLock busy, long idleMinutes, Consumer<String> log) throws IOException {
    super("backgrid-warm-idle");
    setDaemon(true);
    this.busy = busy;
    this.idleMillis = idleMinutes * 60_000;
    this.log = log;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.getFileName() != null
          && p.getFileName().toString().startsWith("backgrid-")
          && entry.endsWith(".jar")) {
        jars.add(p);
        jarTimes.add(Files.getLastModifiedTime(p).toMillis());
      }
    }
  }

  /** A command ended now: the idle time starts again. */
  void used() {
    lastUsed = System.currentTimeMillis();
  }

  @Override
  public void run() {
    while (true) {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        return;
      }
      String why = busy.isLocked() ? null : why();
      if (why != null && busy.tryLock()) {
        log.accept(why + ": stopping");
        System.exit(0);
      }
    }
  }

  /** Why the JVM should stop now, or null. */
  private String why() {
    if (System.currentTimeMillis() - lastUsed > idleMillis) {
      return "no command for " + idleMillis / 60_000 + " min";
    }
    for (int i = 0; i < jars.size(); i++) {
      try {
        if (Files.getLastModifiedTime(jars.get(i)).toMillis() != jarTimes.get(i)) {
          return jars.get(i).getFileName() + " was rebuilt";
        }
      } catch (IOException gone) {
        return jars.get(i).getFileName() + " is gone";
      }
    }
    return null;
  }
}
