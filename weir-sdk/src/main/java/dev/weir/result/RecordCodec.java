package dev.weir.result;

import dev.weir.core.WeirException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encodes a result record as one JSON document, {@code {"metadata":{...},"value":...}}, and back.
 *
 * <p>A value written by the json serializer is embedded as JSON text, so the file reads as plain
 * JSON; any other value is a base64 string. Reading takes the embedded value's exact bytes from the
 * document (by parser offsets), so the checksum covers the bytes the serializer produced. Thread safe.
 */
final class RecordCodec {

    private static final byte[] OPEN = "{\"metadata\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE = ",\"value\":".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper = ResultJson.mapper();

    byte[] encode(ResultRecord record, boolean embedJson) {
        try {
            byte[] metadata = mapper.writeValueAsBytes(record.metadata());
            byte[] value = embedJson ? record.value() : mapper.writeValueAsBytes(record.value());
            ByteArrayOutputStream out = new ByteArrayOutputStream(metadata.length + value.length + 32);
            out.write(OPEN);
            out.write(metadata);
            out.write(VALUE);
            out.write(value);
            out.write('}');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the result record " + record.metadata().storageKey(), e);
        }
    }

    /**
     * Decodes a document, checking its structure and the value's checksum.
     *
     * @throws CorruptRecordException saying what is wrong
     */
    ResultRecord decode(byte[] document) {
        try (JsonParser parser = mapper.createParser(document)) {
            require(parser.nextToken() == JsonToken.START_OBJECT, "it does not start with '{'");
            require("metadata".equals(parser.nextFieldName()), "the field \"metadata\" is missing");
            parser.nextToken();
            ResultMetadata metadata = mapper.readValue(parser, ResultMetadata.class);
            require(metadata != null, "the metadata is null");
            require("value".equals(parser.nextFieldName()), "the field \"value\" is missing");
            byte[] value = switch (parser.nextToken()) {
                case VALUE_STRING -> parser.getBinaryValue();
                case START_OBJECT, START_ARRAY -> embedded(parser, document);
                case null, default -> throw new CorruptRecordException("the value is neither base64 nor JSON");
            };
            require(parser.nextToken() == JsonToken.END_OBJECT, "there is more after the value");
            require(parser.nextToken() == null, "there is more after the record");
            String actual = sha256(value);
            require(actual.equals(metadata.checksum()),
                    "checksum mismatch: the metadata says " + metadata.checksum() + ", the value hashes to " + actual);
            return new ResultRecord(metadata, value);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptRecordException c) {
                throw c;
            }
            throw new CorruptRecordException("it is not a valid record document (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    private static byte[] embedded(JsonParser parser, byte[] document) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end > document.length || end <= start) {
            throw new CorruptRecordException("the embedded value has no byte offsets");
        }
        return Arrays.copyOfRange(document, (int) start, (int) end);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new CorruptRecordException(problem);
        }
    }

    /** A stored document that is not a valid record; the message says what is wrong. */
    static final class CorruptRecordException extends WeirException {
        private static final long serialVersionUID = 1L;

        CorruptRecordException(String problem) {
            super(problem);
        }

        CorruptRecordException(String problem, Throwable cause) {
            super(problem, cause);
        }
    }
}
