package deltac.graph;

/**
 * An op was applied to arguments whose shapes it does not accept.
 *
 * <p>The message is a template: {@code {0}}, {@code {1}} stand for the arguments, each described by whoever
 * reports the error ("W2 is 10×128", or the source text of the expression), so the parser and the builder
 * can both name the culprits in their own terms.
 */
public final class ShapeException extends Exception {

    public ShapeException(String template) {
        super(template, null, false, false);
    }

    /** The message with each {@code {i}} replaced by {@code describe[i]}. */
    public String format(String... describe) {
        String message = getMessage();
        for (int i = 0; i < describe.length; i++) {
            message = message.replace("{" + i + "}", describe[i]);
        }
        return message;
    }
}
