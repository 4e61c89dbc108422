package org.dds.reports;

/** The one piece of JSON writing the reports need: string literals (RFC 8259 escaping). */
final class Json {
    private Json() {
    }

    /**
     * @param text any string
     * @return it as a JSON string literal, quotes included
     */
    static String string(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
