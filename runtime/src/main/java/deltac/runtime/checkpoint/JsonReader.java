package deltac.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for safetensors headers, so the runtime needs no JSON
 * library. It works on the header's bytes, so every error has a byte position in the file.
 *
 * <p>Values come back as {@code LinkedHashMap<String, Object>} (key order kept), {@code
 * List<Object>}, {@code String}, {@link Num}, {@code Boolean} or {@code null}. Strict means: the
 * input must be UTF-8, duplicate keys, lone surrogates, control characters in strings, trailing
 * commas and trailing data (other than whitespace) are errors, and nesting is bounded by
 * {@link #MAX_DEPTH} so a hostile header cannot overflow the stack.
 */
final class JsonReader {

    /** Deeper nesting is an error; a safetensors header needs 3 levels. */
    static final int MAX_DEPTH = 64;

    /** A syntax error at a byte position (in the file, not in the header). */
    static final class Failure extends Exception {
        final long position;

        Failure(long position, String message) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** A number, kept as its text: the header's numbers must be exact integers, never doubles. */
    record Num(String text) {
        boolean isInteger() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }

        /** An integer from 0 to Long.MAX_VALUE, or -1 when this is anything else. */
        long nonNegativeLong() {
            // The length check first: parsing a hostile 100 MB digit string would take forever.
            if (!isInteger() || text.startsWith("-") || text.length() > 19) {
                return -1;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final byte[] in;
    private final int end;
    private final long base;
    private int pos;

    private JsonReader(byte[] in, long base) {
        this.in = in;
        this.end = in.length;
        this.base = base;
    }

    /**
     * Parses {@code json}, which must hold exactly one value (whitespace around it is fine).
     *
     * @param base the file offset of {@code json[0]}, so that positions in errors are file offsets
     */
    static Object parse(byte[] json, long base) throws Failure {
        JsonReader r = new JsonReader(json, base);
        r.checkUtf8();
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos < r.end) {
            throw r.fail(r.pos, "unexpected data after the JSON value");
        }
        return value;
    }

    private void checkUtf8() throws Failure {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(in);
        try {
            // Decoding a chunk at a time keeps memory small; the decoder stops at the bad byte.
            var chars = java.nio.CharBuffer.allocate(8192);
            while (true) {
                var result = decoder.decode(bytes, chars, true);
                if (result.isError()) {
                    throw fail(bytes.position(), "not valid UTF-8");
                }
                if (result.isUnderflow()) {
                    result = decoder.flush(chars);
                    if (result.isError()) {
                        throw fail(bytes.position(), "not valid UTF-8");
                    }
                    return;
                }
                chars.clear();
            }
        } catch (IllegalStateException e) {
            throw fail(bytes.position(), "not valid UTF-8");
        }
    }

    private Object value(int depth) throws Failure {
        if (pos >= end) {
            throw fail(pos, "unexpected end of the header, expected a value");
        }
        switch (in[pos]) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (in[pos] == '-' || isDigit(pos)) {
                    return number();
                }
                throw fail(pos, "expected a value");
        }
    }

    private Map<String, Object> object(int depth) throws Failure {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            int keyAt = pos;
            if (!peek('"')) {
                throw fail(pos, "expected a key in double quotes");
            }
            String key = string();
            if (map.containsKey(key)) {
                throw fail(keyAt, "duplicate key " + HeaderWriter.quote(key));
            }
            skipSpace();
            expect(':', "expected ':'");
            skipSpace();
            map.put(key, value(depth));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}', "expected ',' or '}'");
                return map;
            }
        }
    }

    private List<Object> array(int depth) throws Failure {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']', "expected ',' or ']'");
                return list;
            }
        }
    }

    private void checkDepth(int depth) throws Failure {
        if (depth > MAX_DEPTH) {
            throw fail(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws Failure {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw fail(start, "unterminated string");
            }
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return sb.toString();
            } else if (b == '\\') {
                escape(sb);
            } else if (b < 0x20) {
                throw fail(pos, "control character in a string");
            } else {
                // A run of plain bytes; the input was checked to be UTF-8, so decoding cannot fail.
                int run = pos;
                while (pos < end && in[pos] != '"' && in[pos] != '\\' && (in[pos] & 0xFF) >= 0x20) {
                    pos++;
                }
                sb.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
            }
        }
    }

    private void escape(StringBuilder sb) throws Failure {
        int at = pos;
        pos++;
        if (pos >= end) {
            throw fail(at, "unterminated string");
        }
        byte e = in[pos++];
        switch (e) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u': {
                char c = hex4(at);
                if (Character.isHighSurrogate(c) && pos + 1 < end && in[pos] == '\\' && in[pos + 1] == 'u') {
                    pos += 2;
                    char low = hex4(at);
                    if (!Character.isLowSurrogate(low)) {
                        throw fail(at, "lone surrogate in a \\u escape");
                    }
                    sb.append(c).append(low);
                } else if (Character.isSurrogate(c)) {
                    throw fail(at, "lone surrogate in a \\u escape");
                } else {
                    sb.append(c);
                }
                break;
            }
            default:
                throw fail(at, "bad escape in a string");
        }
    }

    private char hex4(int escapeAt) throws Failure {
        if (pos + 4 > end) {
            throw fail(escapeAt, "bad \\u escape, expected 4 hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[pos + i], 16);
            if (digit < 0) {
                throw fail(escapeAt, "bad \\u escape, expected 4 hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private Num number() throws Failure {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (isDigit(pos)) {
            digits();
        } else {
            throw fail(start, "bad number");
        }
        if (peek('.')) {
            pos++;
            if (!isDigit(pos)) {
                throw fail(start, "bad number");
            }
            digits();
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!isDigit(pos)) {
                throw fail(start, "bad number");
            }
            digits();
        }
        return new Num(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    }

    private void digits() {
        while (isDigit(pos)) {
            pos++;
        }
    }

    private Object literal(String word, Object value) throws Failure {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || in[pos + i] != word.charAt(i)) {
                throw fail(pos, "expected a value");
            }
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < end && in[pos] == c;
    }

    private boolean isDigit(int at) {
        return at < end && in[at] >= '0' && in[at] <= '9';
    }

    private void expect(char c, String message) throws Failure {
        if (!peek(c)) {
            throw fail(pos, pos >= end ? "unexpected end of the header, " + message : message);
        }
        pos++;
    }

    private Failure fail(int at, String message) {
        return new Failure(base + at, message);
    }
}
