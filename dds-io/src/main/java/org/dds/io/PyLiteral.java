package org.dds.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literal a {@code .npy} header holds, e.g. {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (48, 2048), }}: dicts, tuples, lists, quoted strings, integers (with Python 2's {@code L} suffix), True,
 * False and None. Nothing is evaluated; anything else is refused with an {@link IllegalArgumentException} whose
 * message says what and where.
 */
final class PyLiteral {
    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * @param text the literal
     * @return dict -> {@link LinkedHashMap}, tuple and list -> unmodifiable {@link List}, str -> {@link String},
     *         int -> {@link Long}, True/False -> {@link Boolean}, None -> null
     * @throws IllegalArgumentException if the text is not such a literal
     */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > 16) {
            throw error("nesting too deep");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(')', depth);
            case '[':
                return sequence(']', depth);
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return integer();
                }
                return word();
        }
    }

    private Map<String, Object> dict(int depth) {
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return out;
            }
            Object key = value(depth + 1);
            if (!(key instanceof String k)) {
                throw error("a dict key that is not a string");
            }
            skipSpace();
            expect(':');
            out.put(k, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char close, int depth) {
        pos++;
        List<Object> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return Collections.unmodifiableList(out);
            }
            out.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string that is never closed");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("a string that is never closed");
                }
                char e = text.charAt(pos++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("the integer '" + digits + "' is not a number below 2^63");
        }
    }

    private Object word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        switch (w) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                pos = start;
                throw error("unexpected '" + (w.isEmpty() ? String.valueOf(peek()) : w) + "'");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
