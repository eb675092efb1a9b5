package io.evaljobs.cli.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * A JSON number as the line spells it. A score keeps its literal ({@code 0.50} stays {@code 0.50}), and a count's
 * range is checked on the text, so that neither goes through a double or a coercion first.
 */
@JsonDeserialize(using = NumberText.Reader.class)
record NumberText(String text, boolean integer) {

  static final class Reader extends StdDeserializer<NumberText> {
    Reader() {
      super(NumberText.class);
    }

    @Override
    public NumberText deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return new NumberText(parser.getText(), token == JsonToken.VALUE_NUMBER_INT);
      }
      return (NumberText) context.handleUnexpectedToken(NumberText.class, parser);
    }
  }
}
