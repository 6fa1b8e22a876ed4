package deltac.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header's JSON reader on its own: what it accepts, and where it says a header is wrong. */
class JsonReaderTest {

    @Test
    void readsValues() throws Exception {
        Object v = parse(" {\"a\": [1, -2, 3.5e-1, true, false, null, {}, []], \"\": \"x\"} ");
        assertEquals(Map.of("a", Arrays.asList(new JsonReader.Num("1"), new JsonReader.Num("-2"),
                new JsonReader.Num("3.5e-1"), true, false, null, Map.of(), List.of()), "", "x"), v);
    }

    @Test
    void readsEscapesAndUtf8() throws Exception {
        assertEquals("\"\\/\b\f\n\r\t é€\uD83D\uDE00é", parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0020\\u00e9\\u20AC\\ud83d\\ude00é\""));
    }

    @Test
    void keepsKeyOrder() throws Exception {
        assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) parse("{\"z\":1,\"a\":2,\"m\":3}")).keySet()));
    }

    @Test
    void rejectsWithPositions() {
        assertEquals("7: expected a key in double quotes", failure("{\"a\":1,}"));
        assertEquals("3: expected a value", failure("[1,]"));
        assertEquals("1: expected a value", failure("[+1]"));
        assertEquals("2: expected ',' or ']'", failure("[01]"));
        assertEquals("1: bad number", failure("[-]"));
        assertEquals("1: bad number", failure("[1.]"));
        assertEquals("1: bad number", failure("[1e]"));
        assertEquals("1: expected a value", failure("[tru]"));
        assertEquals("1: expected a value", failure("[NaN]"));
        assertEquals("0: unterminated string", failure("\"abc"));
        assertEquals("2: control character in a string", failure("\"a\tb\""));
        assertEquals("1: bad escape in a string", failure("\"\\x\""));
        assertEquals("1: bad \\u escape, expected 4 hex digits", failure("\"\\u12g4\""));
        assertEquals("1: lone surrogate in a \\u escape", failure("\"\\ud83d\""));
        assertEquals("1: lone surrogate in a \\u escape", failure("\"\\ude00\\ud83d\""));
        assertEquals("1: lone surrogate in a \\u escape", failure("\"\\ud83d\\u0041\""));
        assertEquals("0: expected a value", failure("'a'"));
        assertEquals("0: expected a value", failure("\uFEFF{}"));
        assertEquals("2: unexpected data after the JSON value", failure("{}{}"));
        assertEquals("7: duplicate key \"a\"", failure("{\"a\":1,\"a\":1}"));
    }

    @Test
    void rejectsInvalidUtf8WithItsPosition() {
        assertEquals("3: not valid UTF-8", failure(new byte[] {'"', 'a', 'b', (byte) 0xFF, '"'}));
        // Overlong encoding of '/' and an encoded surrogate are not UTF-8 either.
        assertEquals("1: not valid UTF-8", failure(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}));
        assertEquals("1: not valid UTF-8", failure(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
        assertEquals("1: not valid UTF-8", failure(new byte[] {'"', (byte) 0xE2, (byte) 0x82}));
    }

    @Test
    void boundsTheDepth() throws Exception {
        parse("[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH));
        assertEquals("64: nested deeper than 64 levels", failure("[".repeat(JsonReader.MAX_DEPTH + 1)));
        assertEquals("64: nested deeper than 64 levels", failure("[".repeat(64) + "{"));
        assertEquals("320: nested deeper than 64 levels", failure("{\"a\":".repeat(1_000_000)));
    }

    private static Object parse(String json) throws JsonReader.Failure {
        return JsonReader.parse(json.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String failure(String json) {
        return failure(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(byte[] json) {
        JsonReader.Failure f = assertThrows(JsonReader.Failure.class, () -> JsonReader.parse(json, 0));
        return f.position + ": " + f.getMessage();
    }
}
