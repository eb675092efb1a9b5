package io.evaljobs.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The one streaming JSON factory of a function, and a way to write a JSON document to a string. */
public final class Json {
  /** Shared and thread-safe; built once per execution environment. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Letters beyond the BMP (emoji) as their four UTF-8 bytes, not as an escaped surrogate pair.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
          .build();

  private Json() {}

  /** Something that writes itself as one JSON value. */
  @FunctionalInterface
  public interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** The document as UTF-8 bytes, which the proxy response then embeds escaped straight from these bytes. */
  static byte[] writeUtf8(Body body) {
    // A page of 25 to 50 jobs is 10 to 30 kB: start near it rather than copy the buffer as it grows.
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static String write(Body body) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
