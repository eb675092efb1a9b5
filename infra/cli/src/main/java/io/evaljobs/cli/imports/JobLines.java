package io.evaljobs.cli.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Binds one JSON line to a record of the job's fields, strictly: no unknown or repeated fields, no coercion between
 * strings, numbers and booleans, one object per line. A refusal becomes an {@link IllegalArgumentException} whose
 * message names the field, which the import reports with the line's number.
 */
final class JobLines {
  private static final JsonMapper MAPPER = strictMapper();

  private JobLines() {}

  private static JsonMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    for (CoercionInputShape shape :
        new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /** The line bound to {@code type}; {@code what} names the whole value in messages ("a job"). */
  static <T> T read(String line, Class<T> type, String what) {
    ObjectReader reader = MAPPER.readerFor(type);
    T value;
    try (JsonParser parser = MAPPER.createParser(line)) {
      value = reader.readValue(parser);
      if (value != null && parser.nextToken() != null) {
        throw new IllegalArgumentException(what + " must be one JSON object, with nothing after it");
      }
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException("unknown field " + path(e));
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty()) {
        throw new IllegalArgumentException(what + " must be a JSON object");
      }
      throw new IllegalArgumentException(path(e) + " must be " + kind(e.getTargetType()));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(what + " must be one valid JSON object: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (value == null) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return value;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String kind(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == NumberText.class) {
      return "a number";
    }
    return "an object";
  }

  /** A non-negative integer that fits a long, e.g. a count. */
  static OptionalLong count(String name, NumberText value) {
    OptionalLong count = integer(name, value);
    if (count.isPresent() && count.getAsLong() < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return count;
  }

  static OptionalLong integer(String name, NumberText value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    if (!value.integer()) {
      throw new IllegalArgumentException(name + " must be an integer or null");
    }
    try {
      return OptionalLong.of(Long.parseLong(value.text()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is out of range");
    }
  }
}
