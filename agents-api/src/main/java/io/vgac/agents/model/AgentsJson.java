package io.vgac.agents.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one configured Jackson mapper of the agents layer.
 *
 * <ul>
 *   <li>Property names are snake_case on the wire ({@code gpus_total}, {@code job_id}).
 *   <li>{@link Instant} is an ISO-8601 string ({@code "2026-01-05T10:15:30Z"}); {@link Duration} an ISO-8601
 *       duration string ({@code "PT2H"}). Done by a small built-in module so the layer needs no jsr310 artifact.
 *   <li>Unknown fields are ignored (newer producers may add fields); a missing or null primitive field fails instead
 *       of silently becoming 0; trailing tokens after the document fail.
 * </ul>
 *
 * Use {@link #read} for input from outside: every parse or validation failure becomes one
 * {@link IllegalArgumentException} whose message names the type, the problem and the location.
 */
public final class AgentsJson {
  private static final ObjectMapper MAPPER = create();

  private AgentsJson() {}

  /** The shared, configured mapper (thread-safe; do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("vgac-java-time");
    time.addSerializer(Instant.class, new ToStringSerializer<>(Instant.class));
    time.addSerializer(Duration.class, new ToStringSerializer<>(Duration.class));
    time.addDeserializer(Instant.class, new TextDeserializer<>(Instant.class) {
      @Override
      Instant parse(String text) {
        return Instant.parse(text);
      }
    });
    time.addDeserializer(Duration.class, new TextDeserializer<>(Duration.class) {
      @Override
      Duration parse(String text) {
        return Duration.parse(text);
      }
    });
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(time)
        .build();
  }

  /**
   * Parses {@code json} as a {@code type}.
   *
   * @throws IllegalArgumentException for malformed JSON, a wrong field type, a missing required field or a value
   *     the type's validation rejects; the message names the type and the cause
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      String why = cause instanceof IllegalArgumentException && cause.getMessage() != null
          ? cause.getMessage()
          : e.getOriginalMessage();
      throw new IllegalArgumentException("Invalid " + type.getSimpleName() + " JSON: " + why, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage() + location(e), e);
    }
  }

  /** Writes {@code value} as one line of JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static String location(JsonProcessingException e) {
    var loc = e.getLocation();
    String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " (field " + m.getPathReference() + ")" : "";
    return loc == null ? path : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + path;
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    private final Class<T> type;

    ToStringSerializer(Class<T> type) {
      this.type = type;
    }

    @Override
    public Class<T> handledType() {
      return type;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private abstract static class TextDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;

    TextDeserializer(Class<T> type) {
      this.type = type;
    }

    abstract T parse(String text);

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      String text = p.getText();
      try {
        return parse(text);
      } catch (DateTimeParseException e) {
        return type.cast(ctxt.handleWeirdStringValue(type, text, "not an ISO-8601 %s", type.getSimpleName()));
      }
    }
  }
}
