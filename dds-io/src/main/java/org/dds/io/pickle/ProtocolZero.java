package org.dds.io.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text arguments of protocol 0 (what Python writes with {@code protocol=0}, and Python 2 by default): UNICODE
 * lines in Python's {@code raw-unicode-escape} codec and STRING lines as a quoted Python 2 {@code str} literal,
 * decoded as Python's own unpickler does ({@code codecs.escape_decode}).
 */
final class ProtocolZero {
    private ProtocolZero() {
    }

    /**
     * @param line the argument of UNICODE as latin1 text
     * @return the string: {@code \\uXXXX} and {@code \\UXXXXXXXX} decoded, every other byte one character
     */
    static String rawUnicodeEscape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            int digits = c != '\\' || k + 1 >= line.length() ? 0
                    : line.charAt(k + 1) == 'u' ? 4 : line.charAt(k + 1) == 'U' ? 8 : 0;
            int code = digits > 0 && k + 2 + digits <= line.length() ? hex(line, k + 2, digits) : -1;
            if (code >= 0 && Character.isValidCodePoint(code)) {
                sb.appendCodePoint(code);
                k += 1 + digits;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param line the argument of STRING as latin1 text, quoted
     * @param in   the input, for messages
     * @return the bytes of the Python 2 string as latin1 text (as BINSTRING gives them)
     */
    static String string(String line, PickleInput in) {
        if (line.length() < 2 || line.charAt(0) != line.charAt(line.length() - 1)
                || (line.charAt(0) != '\'' && line.charAt(0) != '"')) {
            throw in.corrupt("has a STRING argument that is not quoted");
        }
        String body = line.substring(1, line.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c != '\\' || k + 1 == body.length()) {
                out.write(c);
                continue;
            }
            char e = body.charAt(++k);
            switch (e) {
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\n' -> {
                    // a line continuation: nothing
                }
                case 'x' -> {
                    int v = k + 2 < body.length() ? hex(body, k + 1, 2) : -1;
                    if (v < 0) {
                        throw in.corrupt("has an invalid \\x escape in a STRING argument");
                    }
                    out.write(v);
                    k += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int n = 0; n < 2 && k + 1 < body.length() && body.charAt(k + 1) >= '0'
                                && body.charAt(k + 1) <= '7'; n++) {
                            v = v * 8 + body.charAt(++k) - '0';
                        }
                        out.write(v & 0xFF);
                    } else {
                        // Python keeps an unknown escape as it is.
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** @return the value of {@code digits} hex digits at {@code at}, or -1 if they are not all hex digits */
    private static int hex(String s, int at, int digits) {
        long v = 0;
        for (int k = at; k < at + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
