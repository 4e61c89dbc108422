package org.dds.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The layout of every JSON file DDS writes (through Jackson): two-space indentation, one member per line,
 * {@code "name": value}, a final newline.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** @return a fresh pretty printer with DDS's layout, for streaming writers */
    public static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
                .withArrayEmptySeparator("")).withObjectIndenter(indent)
                .withArrayIndenter(indent);
    }

    /**
     * @param value maps, lists, strings, numbers and booleans (a map keeps its iteration order)
     * @return it as JSON text in DDS's layout, ending in a newline
     */
    public static String write(Object value) {
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
