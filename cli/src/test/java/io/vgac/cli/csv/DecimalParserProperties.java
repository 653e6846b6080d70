package io.vgac.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast decimal parser must give bit for bit what Double.parseDouble gives, and reject what a CSV should not hold. */
class DecimalParserProperties {

  private static void assertSameAsJdk(String s) {
    double expected = Double.parseDouble(s);
    double actual = DecimalParser.parse(s);
    assertThat(Double.doubleToRawLongBits(actual))
        .as("parse(\"%s\") = %s, Double.parseDouble gives %s", s, actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Property(tries = 3000)
  void randomDecimalStringsParseExactly(@ForAll("decimals") String s) {
    assertSameAsJdk(s);
  }

  @Property(tries = 2000)
  void javaRoundTripStringsParseExactly(@ForAll double d) {
    if (Double.isFinite(d)) {
      assertSameAsJdk(Double.toString(d));
    }
  }

  @Property(tries = 2000)
  void fixedDecimalProbabilitiesParseExactly(
      @ForAll @DoubleRange(min = 0, max = 1) double p, @ForAll @IntRange(min = 0, max = 20) int decimals) {
    assertSameAsJdk(String.format(Locale.ROOT, "%." + decimals + "f", p));
    assertSameAsJdk(String.format(Locale.ROOT, "%." + decimals + "e", p));
  }

  /** Many more random strings than jqwik's tries, seeded, with every shape the grammar allows. */
  @Test
  void halfAMillionSeededRandomStringsParseExactly() {
    SplittableRandom random = new SplittableRandom(2024);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 500_000; k++) {
      sb.setLength(0);
      int sign = random.nextInt(4);
      if (sign == 1) {
        sb.append('-');
      } else if (sign == 2) {
        sb.append('+');
      }
      int intDigits = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 22);
      int zeros = random.nextInt(3) == 0 ? random.nextInt(0, 25) : 0;
      for (int i = 0; i < intDigits; i++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      int fracDigits = random.nextInt(3) == 0 ? 0 : random.nextInt(0, 24);
      if (intDigits == 0 || random.nextBoolean()) {
        sb.append('.');
        for (int i = 0; i < zeros; i++) {
          sb.append('0');
        }
        fracDigits = intDigits == 0 ? Math.max(1, fracDigits) : fracDigits;
        for (int i = 0; i < fracDigits; i++) {
          sb.append((char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextInt(3) == 0) {
        sb.append(random.nextBoolean() ? 'e' : 'E');
        int es = random.nextInt(3);
        if (es > 0) {
          sb.append(es == 1 ? '-' : '+');
        }
        sb.append(random.nextInt(random.nextBoolean() ? 30 : 400));
      }
      assertSameAsJdk(sb.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "-0.0", "+0", "1", "1.", ".5", "0.1", "0.3", "1e22", "1e23", "9007199254740992",
      "9007199254740993", "9007199254740993e-10", "123456789012345678", "1234567890123456789", "0.30000000000000004",
      "1.7976931348623157e308", "1.8e308", "4.9e-324", "2.4e-324", "1e-400", "1e400", "0e99999999", "00000000000000000000001",
      "0.000000000000000000000000000001", "0.9999999999999999999999", "1.0000000000000000000001", "1E5", "1e+05",
      "0.1234567890", "0.05", "5e-1"})
  void edgeCasesParseExactly(String s) {
    assertSameAsJdk(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "-", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "NaN", "nan", "Infinity", "-Infinity",
      "0x1p3", "1d", "1f", "1.5D", " 1", "1 ", "1,0", "1..2", "--1", "+-1", "1e5.0", "1e5e5", "true", "abc", "½"})
  void nonDecimalsAreNaN(String s) {
    assertThat(DecimalParser.parse(s)).isNaN();
  }

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> sign = Arbitraries.of("", "-", "+");
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(25);
    Arbitrary<String> fraction = Arbitraries.oneOf(
        Arbitraries.just(""), digits.map(d -> "." + d));
    Arbitrary<String> exponent = Arbitraries.oneOf(
        Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "-", "+"),
                Arbitraries.integers().between(0, 350))
            .as((e, s, v) -> e + s + v));
    return Combinators.combine(sign, digits, fraction, exponent)
        .as((s, i, f, e) -> s + i + f + e)
        .filter(s -> s.chars().anyMatch(Character::isDigit) && !s.matches("[-+]?\\.?([eE].*)?")
            && !s.matches("[-+]?\\.[eE].*") && mantissaHasDigit(s));
  }

  private static boolean mantissaHasDigit(String s) {
    int e = Math.max(s.indexOf('e'), s.indexOf('E'));
    String mantissa = e < 0 ? s : s.substring(0, e);
    return mantissa.chars().anyMatch(Character::isDigit);
  }
}
