package dev.weir.result;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stored result: its metadata and the serialized value bytes.
 *
 * <p>The array is not copied, for the sake of large values; callers must not modify it.
 *
 * @param metadata how the value was written
 * @param value the value as written by the metadata's serializer
 */
public record ResultRecord(ResultMetadata metadata, byte[] value) {

    public ResultRecord {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultRecord that
                && metadata.equals(that.metadata)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * metadata.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ResultRecord[metadata=" + metadata + ", value=" + value.length + " bytes]";
    }
}
