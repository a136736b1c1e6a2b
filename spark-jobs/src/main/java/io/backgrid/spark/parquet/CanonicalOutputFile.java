package io.backgrid.spark.parquet;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * An {@link OutputFile} whose Parquet footer is written canonically ({@link
 * CanonicalFooterStream}).
 */
final class CanonicalOutputFile implements OutputFile {
  private final OutputFile file;

  CanonicalOutputFile(OutputFile file) {
    this.file = file;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return new CanonicalFooterStream(file.create(blockSizeHint));
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return new CanonicalFooterStream(file.createOrOverwrite(blockSizeHint));
  }

  @Override
  public boolean supportsBlockSize() {
    return file.supportsBlockSize();
  }

  @Override
  public long defaultBlockSize() {
    return file.defaultBlockSize();
  }

  @Override
  public String getPath() {
    return file.getPath();
  }
}
