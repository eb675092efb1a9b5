package io.evaljobs.paging;

import io.evaljobs.dynamodb.Position;
import io.evaljobs.paging.InvalidPageTokenException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The compact binary form of a {@link Cursor}, the payload a page token seals. */
final class CursorCodec {
  private static final int FORMAT = 1;
  private static final int MAX_KEY_ATTRIBUTES = 8;

  private CursorCodec() {}

  static byte[] encode(Cursor cursor) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeByte(cursor.kind().ordinal());
      out.writeLong(cursor.position());
      out.writeLong(cursor.totalCount().orElse(-1));
      if (cursor.anchor().isPresent()) {
        Position anchor = cursor.anchor().get();
        out.writeInt(anchor.segment());
        out.writeByte(anchor.lastKey().size());
        for (Map.Entry<String, String> attribute : anchor.lastKey().entrySet()) {
          out.writeUTF(attribute.getKey());
          out.writeUTF(attribute.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Cursor decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (in.readUnsignedByte() != FORMAT) {
        throw new InvalidPageTokenException(Reason.MALFORMED);
      }
      int kindIndex = in.readUnsignedByte();
      if (kindIndex >= Cursor.Kind.values().length) {
        throw new InvalidPageTokenException(Reason.MALFORMED);
      }
      Cursor.Kind kind = Cursor.Kind.values()[kindIndex];
      long position = in.readLong();
      long total = in.readLong();
      Optional<Position> anchor = Optional.empty();
      if (kind != Cursor.Kind.AT_OFFSET) {
        int segment = in.readInt();
        int attributes = in.readUnsignedByte();
        if (segment < 0 || attributes > MAX_KEY_ATTRIBUTES) {
          throw new InvalidPageTokenException(Reason.MALFORMED);
        }
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < attributes; i++) {
          key.put(in.readUTF(), in.readUTF());
        }
        anchor = Optional.of(new Position(segment, key));
      }
      if (in.available() != 0 || position < 0 || total < -1) {
        throw new InvalidPageTokenException(Reason.MALFORMED);
      }
      return new Cursor(kind, position, total < 0 ? OptionalLong.empty() : OptionalLong.of(total), anchor);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidPageTokenException(Reason.MALFORMED);
    }
  }
}
