package org.dds.training.train;

import java.util.Map;

/** The little JSON the run files need: strings and flat objects. */
final class Json {
    private Json() {
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String object(Map<String, String> values, String indent) {
        StringBuilder b = new StringBuilder("{");
        String sep = "\n";
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append(sep).append(indent).append("  ").append(string(e.getKey())).append(": ")
                    .append(string(e.getValue()));
            sep = ",\n";
        }
        return b.append(values.isEmpty() ? "}" : "\n" + indent + "}").toString();
    }
}
