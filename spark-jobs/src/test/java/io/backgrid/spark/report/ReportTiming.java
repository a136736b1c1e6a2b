package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * How long a report page takes to open and to draw every chart in headless Chromium, from
 * navigation start, as the page itself measures it ({@code performance.now()} published in {@code
 * data-open-ms} when the first screen is painted and in {@code data-render-ms} when the last chart
 * is drawn; report-lazy.js). Each run is a fresh Chromium (new profile, network off, 1400×1000
 * window, no virtual time) driven over the DevTools protocol, as a user opening the file.
 *
 * <p>Not a test: {@code main} prints one line per run and a median per page, with the load average,
 * e.g. {@code java -cp spark-jobs/target/test-classes:spark-jobs/target/classes:...
 * io.backgrid.spark.report.ReportTiming 5 /tmp/decision.html /tmp/s100k.html} (BENCHMARKS.md,
 * "Report").
 */
final class ReportTiming {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * Resolves, as a JSON array [opened ms, all drawn ms, errors, charts], when the page has both
   * times; a page from before data-open-ms (all charts drawn before its first paint) opens when
   * every chart is drawn.
   */
  private static final String DONE =
      String.join(
          "\n",
          "new Promise(function (resolve) {",
          "  var b = document.body;",
          "  function done() {",
          "    if (!b.getAttribute('data-charts-ready')) return false;",
          "    if (!b.getAttribute('data-open-ms') && b.hasAttribute('data-open-charts')) return"
              + " false;",
          "    resolve(JSON.stringify([b.getAttribute('data-open-ms') ||"
              + " b.getAttribute('data-render-ms'),",
          "      b.getAttribute('data-render-ms'), b.getAttribute('data-errors'),",
          "      JSON.parse(b.getAttribute('data-chart-sizes')).length]));",
          "    return true;",
          "  }",
          "  if (!done()) new MutationObserver(function (m, o) { if (done()) o.disconnect(); })",
          "    .observe(b, { attributes: true });",
          "})");

  private ReportTiming() {}

  /** Args: runs per page, then the pages. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    for (String file : Arrays.copyOfRange(args, 1, args.length)) {
      Path page = Path.of(file).toAbsolutePath();
      long[] open = new long[runs];
      long[] all = new long[runs];
      long[] openCpu = new long[runs];
      long[] allCpu = new long[runs];
      long[] longest = new long[runs];
      for (int r = 0; r < runs; r++) {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long[] t = time(page);
        open[r] = t[0];
        all[r] = t[1];
        openCpu[r] = t[3];
        allCpu[r] = t[4];
        longest[r] = t[5];
        System.out.printf(
            "%s run %d: opened %d ms (CPU %d ms), all %d charts drawn %d ms (CPU %d ms), longest"
                + " task after opening %d ms CPU, load average %s%n",
            page.getFileName(), r + 1, t[0], t[3], t[2], t[1], t[4], t[5], load);
      }
      for (long[] a : List.of(open, all, openCpu, allCpu, longest)) {
        Arrays.sort(a);
      }
      System.out.printf(
          "%s (%.2f MB), medians of %d: opened %d ms (CPU %d ms), all drawn %d ms (CPU %d ms),"
              + " longest task after opening %d ms CPU%n",
          page.getFileName(),
          Files.size(page) / 1e6,
          runs,
          open[runs / 2],
          openCpu[runs / 2],
          all[runs / 2],
          allCpu[runs / 2],
          longest[runs / 2]);
    }
  }

  /**
   * Opens the page in a fresh Chromium: {opened ms, all drawn ms, charts, CPU ms to opened, CPU ms
   * to all drawn, CPU ms of the longest task after opening}.
   */
  static long[] time(Path page) throws Exception {
    Path profile = Files.createTempDirectory("backgrid-timing");
    List<String> command = ReportBrowserTest.offlineChromium(profile);
    command.addAll(
        List.of(
            "--window-size=1400,1000",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank"));
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (Devtools page0 = Devtools.connect(port(profile, chromium))) {
      // Nothing is asked of the page while it loads (a question is a task on its main thread, and
      // asking every 20 ms delayed its opening by seconds): once loaded, one question answered
      // when the page's attributes say it is done.
      CompletableFuture<JsonNode> loaded = page0.event("Page.loadEventFired");
      page0.call("Page.enable", Json.object());
      ObjectNode categories = Json.object();
      categories.putArray("includedCategories").add("toplevel").add("blink.user_timing");
      ObjectNode tracing = Json.object().put("transferMode", "ReportEvents");
      tracing.set("traceConfig", categories);
      page0.call("Tracing.start", tracing);
      page0.call("Page.navigate", Json.object().put("url", page.toUri().toString()));
      loaded.get(3, TimeUnit.MINUTES);
      JsonNode a = Json.MAPPER.readTree(page0.evaluate(DONE).asText());
      if (!a.get(2).asText().equals("[]")) {
        throw new IllegalStateException("Cannot time " + page + ": errors " + a.get(2));
      }
      CompletableFuture<JsonNode> traced = page0.event("Tracing.tracingComplete");
      page0.call("Tracing.end", Json.object());
      traced.get(1, TimeUnit.MINUTES);
      long open = a.get(0).asLong();
      long all = a.get(1).asLong();
      return new long[] {
        open,
        all,
        a.get(3).asLong(),
        cpu(page0.trace, 0, open, false),
        cpu(page0.trace, 0, all, false),
        cpu(page0.trace, open, all, true)
      };
    } finally {
      // all of Chromium gone before its profile is deleted (a child still writing would keep it)
      List<ProcessHandle> children = chromium.descendants().toList();
      children.forEach(ProcessHandle::destroy);
      chromium.destroy();
      chromium.waitFor(30, TimeUnit.SECONDS);
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Milliseconds of CPU the page's main thread spent from {@code fromMs} to {@code toMs} after
   * navigation start: the thread time ({@code tdur}) of its top-level tasks in the trace, a task
   * that straddles an end counted pro rata; or, with {@code longest}, the longest such task (how
   * long an input can wait). Unlike the wall time, it hardly depends on the other processes.
   */
  static long cpu(List<JsonNode> trace, long fromMs, long toMs, boolean longest) {
    JsonNode start = null;
    for (JsonNode e : trace) {
      if (e.path("name").asText().equals("navigationStart")
          && e.path("args").path("data").path("documentLoaderURL").asText().startsWith("file:")) {
        start = e;
      }
    }
    if (start == null) {
      throw new IllegalStateException("Cannot find the page's navigationStart in the trace");
    }
    long from = start.get("ts").asLong() + 1000 * fromMs;
    long to = start.get("ts").asLong() + 1000 * toMs;
    double micros = 0;
    double most = 0;
    for (JsonNode e : trace) {
      if (e.path("ph").asText().equals("X")
          && e.path("cat").asText().equals("toplevel")
          && e.path("pid").asLong() == start.get("pid").asLong()
          && e.path("tid").asLong() == start.get("tid").asLong()
          && e.has("tdur")) {
        long ts = e.get("ts").asLong();
        long dur = Math.max(1, e.get("dur").asLong());
        double inside = Math.min(ts + dur, to) - Math.max(ts, from);
        if (inside > 0) {
          double task = e.get("tdur").asDouble() * Math.min(1, inside / dur);
          micros += task;
          most = Math.max(most, task);
        }
      }
    }
    return Math.round((longest ? most : micros) / 1000);
  }

  /** The page's DevTools WebSocket, once Chromium has written its port into the profile. */
  private static String port(Path profile, Process chromium) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    for (int i = 0; i < 600 && chromium.isAlive(); i++) {
      if (Files.exists(file) && Files.readAllLines(file).size() >= 2) {
        int port = Integer.parseInt(Files.readAllLines(file).get(0).trim());
        HttpResponse<String> list =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode t : Json.MAPPER.readTree(list.body())) {
          if (t.get("type").asText().equals("page")) {
            return t.get("webSocketDebuggerUrl").asText();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Cannot reach Chromium's DevTools port in " + profile);
  }

  /** A minimal DevTools protocol client: one call at a time, answers matched by id. */
  private static final class Devtools implements WebSocket.Listener, AutoCloseable {
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder message = new StringBuilder();
    final List<JsonNode> trace = new ArrayList<>();
    private WebSocket socket;

    static Devtools connect(String url) {
      Devtools d = new Devtools();
      d.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(url), d).join();
      return d;
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      ObjectNode m = Json.object().put("id", id).put("method", method);
      m.set("params", params);
      socket.sendText(Json.MAPPER.writeValueAsString(m), true).join();
      JsonNode a = answer.get(3, TimeUnit.MINUTES);
      if (a.has("error")) {
        throw new IllegalStateException("Cannot " + method + ": " + a.get("error"));
      }
      return a.get("result");
    }

    /** Completes with the next event of that method. */
    CompletableFuture<JsonNode> event(String method) {
      return events.computeIfAbsent(method, m -> new CompletableFuture<>());
    }

    JsonNode evaluate(String expression) throws Exception {
      return call(
              "Runtime.evaluate",
              Json.object()
                  .put("expression", expression)
                  .put("returnByValue", true)
                  .put("awaitPromise", true))
          .path("result")
          .path("value");
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        try {
          JsonNode m = Json.MAPPER.readTree(message.toString());
          CompletableFuture<JsonNode> answer =
              m.has("id") ? pending.remove(m.get("id").asInt()) : null;
          if (answer != null) {
            answer.complete(m);
          } else if (m.path("method").asText().equals("Tracing.dataCollected")) {
            m.get("params").get("value").forEach(trace::add);
          } else if (m.has("method") && events.containsKey(m.get("method").asText())) {
            events.remove(m.get("method").asText()).complete(m);
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
        message.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
