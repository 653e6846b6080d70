package io.vgac.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static final Set<String> OPTIONS = Set.of("--input", "--bins", "--format", "--seed");

  private static Args parse(String... args) throws UsageException {
    return Args.parse(List.of(args), OPTIONS);
  }

  @Test
  void spaceAndEqualsFormsAndDefaults() throws Exception {
    Args a = parse("--input", "x.csv", "--bins=20");
    assertThat(a.required("--input")).isEqualTo("x.csv");
    assertThat(a.intIn("--bins", 15, 1, 100)).isEqualTo(20);
    assertThat(a.choice("--format", "json", List.of("json", "text"))).isEqualTo("json");
    assertThat(a.longValue("--seed", 42)).isEqualTo(42);
    assertThat(a.helpRequested()).isFalse();
    assertThat(parse("-h").helpRequested()).isTrue();
    assertThat(parse("--input", "a", "--help").helpRequested()).isTrue();
  }

  @Test
  void valuesMayStartWithOneDash() throws Exception {
    assertThat(parse("--seed", "-7").longValue("--seed", 0)).isEqualTo(-7);
  }

  @Test
  void choiceIsCaseInsensitiveAndReturnsTheCanonicalSpelling() throws Exception {
    assertThat(parse("--format", "TEXT").choice("--format", "json", List.of("json", "text"))).isEqualTo("text");
  }

  @Test
  void usageErrorsNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> parse("--inptu", "x")).hasMessage("unknown option '--inptu'");
    assertThatThrownBy(() -> parse("--in", "x")).hasMessage("unknown option '--in' (did you mean --input?)");
    assertThatThrownBy(() -> parse("x.csv")).hasMessage("unexpected argument 'x.csv'");
    assertThatThrownBy(() -> parse("--input")).hasMessage("--input needs a value");
    assertThatThrownBy(() -> parse("--input", "--bins", "3")).hasMessage("--input needs a value");
    assertThatThrownBy(() -> parse("--bins", "1", "--bins", "2")).hasMessage("--bins given more than once");
    assertThatThrownBy(() -> parse().required("--input")).hasMessage("--input is required");
    assertThatThrownBy(() -> parse("--input=").required("--input")).hasMessage("--input must not be empty");
    assertThatThrownBy(() -> parse("--bins", "0").intIn("--bins", 15, 1, 100))
        .hasMessage("--bins must be an integer in [1, 100] but was '0'");
    assertThatThrownBy(() -> parse("--bins", "ten").intIn("--bins", 15, 1, 100))
        .hasMessage("--bins must be an integer in [1, 100] but was 'ten'");
    assertThatThrownBy(() -> parse("--seed", "1.5").longValue("--seed", 0))
        .hasMessage("--seed must be a 64-bit integer but was '1.5'");
    assertThatThrownBy(() -> parse("--format", "xml").choice("--format", "json", List.of("json", "text")))
        .hasMessage("--format must be one of json|text but was 'xml'");
  }
}
