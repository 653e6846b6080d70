package io.vgac.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;

/** Jackson trees ↔ the SDK's {@link Document} (tool schemas, tool inputs and tool results travel as documents). */
final class Documents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Documents() {}

  static Document toDocument(JsonNode n) {
    if (n.isObject()) {
      Map<String, Document> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), toDocument(e.getValue())));
      return Document.fromMap(m);
    }
    if (n.isArray()) {
      List<Document> l = new ArrayList<>(n.size());
      n.forEach(v -> l.add(toDocument(v)));
      return Document.fromList(l);
    }
    if (n.isTextual()) {
      return Document.fromString(n.asText());
    }
    if (n.isBoolean()) {
      return Document.fromBoolean(n.asBoolean());
    }
    if (n.isIntegralNumber()) {
      return Document.fromNumber(n.bigIntegerValue());
    }
    if (n.isNumber()) {
      return Document.fromNumber(n.decimalValue());
    }
    return Document.fromNull();
  }

  static JsonNode toJson(Document d) {
    if (d == null || d.isNull()) {
      return NODES.nullNode();
    }
    if (d.isMap()) {
      ObjectNode o = NODES.objectNode();
      d.asMap().forEach((k, v) -> o.set(k, toJson(v)));
      return o;
    }
    if (d.isList()) {
      ArrayNode a = NODES.arrayNode();
      d.asList().forEach(v -> a.add(toJson(v)));
      return a;
    }
    if (d.isString()) {
      return NODES.textNode(d.asString());
    }
    if (d.isBoolean()) {
      return NODES.booleanNode(d.asBoolean());
    }
    if (d.isNumber()) {
      BigDecimal v = d.asNumber().bigDecimalValue();
      if (v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0) {
        try {
          return NODES.numberNode(v.toBigIntegerExact().longValueExact());
        } catch (ArithmeticException e) {
          return NODES.numberNode(v);
        }
      }
      return NODES.numberNode(v.doubleValue());
    }
    return NODES.nullNode();
  }
}
