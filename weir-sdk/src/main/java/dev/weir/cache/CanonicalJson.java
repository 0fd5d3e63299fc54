package dev.weir.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical JSON form that input hashes are computed over; changing it changes every cache key.
 *
 * <p>Map entries are ordered by key and bean properties alphabetically; set elements are ordered by
 * their own canonical JSON (a {@code HashSet}'s iteration order is not stable); java.time values are ISO
 * strings with zone ids; doubles use Jackson's Schubfach writer, whose output does not vary with the JDK;
 * byte arrays are base64 of their content. Stateful and synthetic types fail, see {@link Unhashables}.
 */
final class CanonicalJson {

    static final ObjectMapper MAPPER = build();

    private CanonicalJson() {}

    private static ObjectMapper build() {
        SimpleModule canonical = new SimpleModule("weir-canonical");
        canonical.setSerializerModifier(new CanonicalModifier());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(canonical)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_KEYS_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    /** Refuses unhashable classes wherever they appear and orders sets. */
    private static final class CanonicalModifier extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonSerializer<?> modifySerializer(
                SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
            Optional<String> reason = Unhashables.reason(description.getBeanClass());
            return reason.<JsonSerializer<?>>map(Refusing::new).orElse(serializer);
        }

        @Override
        public JsonSerializer<?> modifyCollectionSerializer(
                SerializationConfig config,
                CollectionType type,
                BeanDescription description,
                JsonSerializer<?> serializer) {
            return Set.class.isAssignableFrom(type.getRawClass()) ? new SortedSetSerializer() : serializer;
        }
    }

    /** Fails with the reason a class is unhashable. */
    private static final class Refusing extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Refusing(String reason) {
            super(Object.class);
            this.reason = reason;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            throw JsonMappingException.from(generator, reason);
        }
    }

    /** Writes a set as an array ordered by each element's canonical JSON bytes. */
    @SuppressWarnings("rawtypes") // Jackson hands collection serializers raw Set types.
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        private static final long serialVersionUID = 1L;

        SortedSetSerializer() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator generator, SerializerProvider provider) throws IOException {
            List<byte[]> elements = new ArrayList<>(set.size());
            for (Object element : set) {
                elements.add(MAPPER.writeValueAsBytes(element));
            }
            elements.sort(Arrays::compare);
            generator.writeStartArray();
            for (byte[] element : elements) {
                generator.writeRawValue(new String(element, StandardCharsets.UTF_8));
            }
            generator.writeEndArray();
        }
    }
}
