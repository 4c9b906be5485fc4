package dev.berth.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;

/**
 * The one JSON renderer of {@code berth}: every {@code --format json} document goes through here, written from
 * records (a record's components become the keys, in declaration order). An {@code Optional} component is its
 * value or {@code null}; marked {@code @JsonInclude(NON_EMPTY)}, an empty one is left out.
 *
 * <p>The mappers are made on first use: loading Jackson costs about a fifth of a second of start-up, which text
 * output (every {@code berth start} a person types) need not pay.
 */
final class Json {

    private Json() {
    }

    private static final class Mappers {
        static final ObjectMapper PRETTY = mapper().enable(SerializationFeature.INDENT_OUTPUT);
        static final ObjectMapper COMPACT = mapper();

        private static ObjectMapper mapper() {
            SimpleModule optionals = new SimpleModule("berth-optional");
            optionals.addSerializer(new OptionalSerializer());
            return new ObjectMapper().registerModule(optionals);
        }
    }

    /** One indented document and a final newline: the whole answer of a command. */
    static String document(Object doc) {
        return write(Mappers.PRETTY, doc) + "\n";
    }

    /** One object on one line, no newline (a record of a stream, as {@code berth logs --format json} prints). */
    static String line(Object doc) {
        return write(Mappers.COMPACT, doc);
    }

    private static String write(ObjectMapper mapper, Object doc) {
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("berth's reports are records of strings, numbers, booleans and lists, "
                    + "which always serialise", e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalSerializer extends StdSerializer<Optional> {
        OptionalSerializer() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Optional value) {
            return value == null || value.isEmpty();
        }
    }
}
