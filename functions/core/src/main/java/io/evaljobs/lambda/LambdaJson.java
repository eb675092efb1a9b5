package io.evaljobs.lambda;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Optional;

/**
 * The one ObjectMapper of a function: reads the Lambda events (aws-lambda-java-events types) from the handler's input
 * stream and writes its answers. Built once per execution environment, so SnapStart priming, which sends events
 * through the stream entry point, leaves its serializers built and compiled in the snapshot.
 */
public final class LambdaJson {
  /** Longest string an event or answer may hold, in characters: Lambda's 6 MB synchronous payload limit. */
  static final int MAX_STRING_CHARS = 6 * 1024 * 1024;

  /** Shared and thread-safe once built; never reconfigured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  // Letters beyond the BMP (emoji) as their four UTF-8 bytes, not as an escaped surrogate pair.
                  .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                  // Lambda's 6 MB payload limit bounds any string of an event or an answer: a response body of
                  // the 4 MB response budget (a scoring listing without limit) must read back whole.
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_STRING_CHARS).build())
                  .build())
          // API Gateway and DynamoDB Streams add fields over time; an event type reads what it knows.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // One event per invocation: anything after it means the stream is not the event it seems to be.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // DynamoDB stream events name their fields "Records", "NewImage", "S", which the types' setters spell
          // "records", "newImage", "s".
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .addMixIn(StreamRecord.class, StreamRecordMixIn.class)
          .build();

  private LambdaJson() {}

  /**
   * The event the stream holds; empty when it is not JSON of that type's shape (not an object, cut short, nested
   * beyond the limit, a field of the wrong kind, or the literal null).
   */
  public static <T> Optional<T> readEvent(InputStream input, Class<T> type) {
    try {
      return Optional.ofNullable(MAPPER.readValue(input, type));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The event as one JSON document, for a stream it is then read from (tests, priming, the local API). */
  public static String toJson(Object event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an answer to the handler's output stream, which stays open for the runtime. */
  public static void write(Object answer, OutputStream output) throws IOException {
    MAPPER.writeValue(output, answer);
  }

  /**
   * The stream sends ApproximateCreationDateTime in epoch seconds, which a Date would read as milliseconds; the
   * counters do not read it.
   */
  private abstract static class StreamRecordMixIn {
    @JsonIgnore
    abstract void setApproximateCreationDateTime(Date date);

    @JsonIgnore
    abstract Date getApproximateCreationDateTime();
  }
}
