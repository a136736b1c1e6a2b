package io.backgrid.spark.job;

import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.datasets.signals.WeightFileReader;
import io.backgrid.datasets.signals.WeightRequest;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.engine.strategy.TargetWeights;
import io.backgrid.engine.strategy.WeightSchedule;
import io.backgrid.spark.grid.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * The {@code target-weights} sleeves' files, read on the driver once the price panel is loaded
 * (their checks need the data's dates and symbols): each distinct sleeve's file is read once
 * ({@link WeightFileReader}) and its schedule put into the sleeve's parameters ({@link
 * TargetWeights#withSchedule}). Configuration ids and the configs table keep the parameters as
 * written (the path); the schedules' content joins the data fingerprint, so a changed weights file
 * refuses a resume like changed prices do.
 *
 * @param configurations the study's configurations, each {@code target-weights} sleeve with its
 *     schedule (one shared instance per distinct sleeve, so a batch's tasks carry it once)
 * @param dataFingerprint the panel's fingerprint, followed by {@code +} and the schedules' when the
 *     study has any
 */
record WeightFiles(StudyConfigurations configurations, String dataFingerprint) {

  /**
   * Reads the files of the configurations' {@code target-weights} sleeves.
   *
   * @param hadoop the driver's Hadoop configuration (opens {@code hdfs://}, {@code s3a://}, …)
   * @throws IllegalArgumentException naming the file, the line or row and the value
   */
  static WeightFiles read(
      StudyConfigurations configurations, MarketPanel panel, Configuration hadoop) {
    String panelFingerprint = Fingerprints.panel(panel);
    Set<SleeveSpec> sleeves = configurations.weightFileSleeves();
    if (sleeves.isEmpty()) {
      return new WeightFiles(configurations, panelFingerprint);
    }
    Set<String> dataSymbols = new HashSet<>(panel.symbols());
    Map<SleeveSpec, SleeveSpec> resolved = new LinkedHashMap<>();
    MessageDigest digest = Sha256.digest();
    for (SleeveSpec s : sleeves) {
      Params params = s.params();
      String path = TargetWeights.checkWritten(params);
      WeightSchedule schedule =
          WeightFileReader.read(
              path,
              hadoop,
              WeightRequest.of(
                  params.string(TargetWeights.SLEEVE, s.id()),
                  s.universe(),
                  params.flag(TargetWeights.SHORTS, false),
                  panel.dates(),
                  dataSymbols));
      resolved.put(
          s,
          new SleeveSpec(
              s.id(), s.strategy(), s.universe(), TargetWeights.withSchedule(params, schedule)));
      update(digest, schedule);
    }
    return new WeightFiles(
        new Resolved(configurations, resolved), panelFingerprint + "+" + Sha256.prefixHex(digest));
  }

  /** A schedule's content: source, symbols, then each row's date and weights. */
  private static void update(MessageDigest digest, WeightSchedule schedule) {
    digest.update(schedule.source().getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    for (String symbol : schedule.symbols()) {
      digest.update(symbol.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    int n = schedule.symbols().size();
    ByteBuffer row = ByteBuffer.allocate(8 * (n + 1));
    for (int r = 0; r < schedule.rows(); r++) {
      row.clear();
      row.putLong(schedule.epochDay(r));
      for (int i = 0; i < n; i++) {
        row.putDouble(schedule.weight(r, i));
      }
      digest.update(row.array(), 0, row.position());
    }
  }

  /** The configurations with their {@code target-weights} sleeves replaced by the read ones. */
  private record Resolved(StudyConfigurations written, Map<SleeveSpec, SleeveSpec> read)
      implements StudyConfigurations {
    @Override
    public int size() {
      return written.size();
    }

    @Override
    public String id(int position) {
      return written.id(position);
    }

    @Override
    public JobConfiguration get(int position) {
      JobConfiguration j = written.get(position);
      PortfolioConfig c = j.config();
      List<SleeveSpec> sleeves = new ArrayList<>(c.sleeves().size());
      for (SleeveSpec s : c.sleeves()) {
        sleeves.add(read.getOrDefault(s, s));
      }
      return new JobConfiguration(
          j.configId(),
          new PortfolioConfig(
              c.capital(),
              c.execution(),
              sleeves,
              c.weights(),
              c.rebalancing(),
              c.start(),
              c.end(),
              c.riskFree(),
              c.lifecycle()));
    }

    @Override
    public int indexOf(String id) {
      return written.indexOf(id);
    }

    @Override
    public PanelRequest panelRequest() {
      return written.panelRequest();
    }
  }
}
