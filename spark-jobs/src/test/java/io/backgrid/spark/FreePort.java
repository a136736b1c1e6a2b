package io.backgrid.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server a test starts on a port it must name in advance (a Spark
 * master's URL), chosen below Linux's ephemeral range (32768–60999 by default).
 *
 * <p>Why not {@code new ServerSocket(0)}: that port comes from the ephemeral range and is free only
 * until it is closed; any socket bound meanwhile without a port (a Spark driver the test starts at
 * the same time) may get it back from the kernel first — the master then binds the next port while
 * its workers call the named one, and the cluster never forms (seen in a CI rehearsal). No bind to
 * port 0 ever takes a port below the range.
 */
public final class FreePort {
  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;

  private FreePort() {}

  /** A port in [20000, 32000) that was free on 127.0.0.1 just now. */
  public static int belowEphemeralRange() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException inUse) {
        // taken: try another
      }
    }
    throw new IOException("Cannot find a free port in [" + LOW + ", " + HIGH + ") on 127.0.0.1");
  }
}
