package io.vgac.tracelab.read;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * Reads whole traces: by file name ({@code *.swf[.gz]} → SWF, {@code *.csv[.gz]} → Alibaba pods), from a path or from
 * the traces bundled in this jar ({@link #bundled}). Gzip is recognised by its magic bytes, not by the name.
 */
public final class Traces {
  /** The classpath directory of the bundled traces (see {@code DATA.md} there for citations). */
  public static final String BUNDLED_DIR = "/io/vgac/tracelab/data/";
  /** KTH IBM SP2, 1996–97, 100 processors, EASY backfill: 28,476 jobs. */
  public static final String KTH_SP2 = "KTH-SP2-1996-2.1-cln.swf.gz";
  /** University of Luxembourg Gaia, 2014, OAR: 51,987 jobs, short waits. */
  public static final String UNILU_GAIA = "UniLu-Gaia-2014-1.swf.gz";
  /** Alibaba GPU-sharing cluster, Kubernetes, 2023: 8,152 pods (897 still pending). */
  public static final String ALIBABA_GPU = "Alibaba-GPU-2023-openb-pods.csv.gz";
  /** The bundled traces, in the demo's order (home first). */
  public static final List<String> BUNDLED = List.of(KTH_SP2, UNILU_GAIA, ALIBABA_GPU);

  /** The Alibaba trace's GPUs: "~6,200" (shared/data/DATA.md); the pod list itself does not say. */
  public static final int ALIBABA_GPUS = 6200;

  private Traces() {}

  /**
   * Reads the trace file {@code path}.
   *
   * @throws MalformedTraceException for a malformed line under FAIL (and a bad CSV header always)
   * @throws UncheckedIOException when the file cannot be read (missing, not gzip though it says so, …)
   */
  public static Trace read(Path path, MalformedLinePolicy policy) {
    String fileName = path.getFileName().toString();
    TraceFormat format = TraceFormat.fromFileName(fileName);
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, fileName, format, policy);
    } catch (IOException e) {
      throw new UncheckedIOException(fileName + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a bundled trace, e.g. {@link #KTH_SP2}. */
  public static Trace bundled(String fileName) {
    try (InputStream in = Traces.class.getResourceAsStream(BUNDLED_DIR + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("No bundled trace '" + fileName + "' (bundled: " + BUNDLED + ")");
      }
      return read(in, fileName, TraceFormat.fromFileName(fileName), MalformedLinePolicy.FAIL);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled trace " + fileName, e);
    }
  }

  /** Reads a trace from a stream (gzip or plain) of the given format; {@code fileName} names it in messages. */
  public static Trace read(InputStream raw, String fileName, TraceFormat format, MalformedLinePolicy policy)
      throws IOException {
    BufferedReader reader = reader(raw);
    List<TraceJob> jobs = new ArrayList<>();
    String name = shortName(fileName);
    if (format == TraceFormat.SWF) {
      SwfReader.Result r = SwfReader.read(reader, fileName, policy, jobs::add);
      TraceHeader h = r.header();
      return new Trace(name, format, h, jobs, r.summary(), h.unixStartTime().orElse(0), h.maxProcs(), false,
          r.observedUntil());
    }
    AlibabaPodReader.Result r = AlibabaPodReader.read(reader, fileName, policy, jobs::add);
    return new Trace(name, format, TraceHeader.EMPTY, jobs, r.summary(), 0, OptionalInt.of(ALIBABA_GPUS), true,
        r.observedUntil());
  }

  /** A buffered UTF-8 reader over {@code raw}, decompressing it when it starts with the gzip magic bytes. */
  public static BufferedReader reader(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    InputStream data = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16);
  }

  /** {@code dir/KTH-SP2-1996-2.1-cln.swf.gz} → {@code KTH-SP2-1996-2.1-cln}. */
  public static String shortName(String fileName) {
    String n = fileName;
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = n.substring(slash + 1);
    for (String ext : new String[] {".gz", ".swf", ".csv"}) {
      if (SwfReader.lower(n).endsWith(ext)) {
        n = n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
