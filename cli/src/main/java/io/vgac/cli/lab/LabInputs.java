package io.vgac.cli.lab;

import io.vgac.cli.BadInputException;
import io.vgac.tracelab.read.MalformedLinePolicy;
import io.vgac.tracelab.read.MalformedTraceException;
import io.vgac.tracelab.read.Trace;
import io.vgac.tracelab.read.Traces;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading traces with the CLI's error convention: one line naming the file, the line and the field. */
final class LabInputs {
  private LabInputs() {}

  static Trace trace(String path) throws BadInputException {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new BadInputException(path + ": no such file");
    }
    try {
      return Traces.read(p, MalformedLinePolicy.FAIL);
    } catch (MalformedTraceException e) {
      throw new BadInputException(path + ": line " + e.line() + (e.field().isEmpty() ? "" : ", field '" + e.field()
          + "'") + ": " + e.problem(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException(path + ": cannot read: " + e.getCause().getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(path + ": " + e.getMessage(), e);
    }
  }
}
