package deltac.codegen.bytecode;

/** The generator made a class that would not verify or load: a bug in deltac, with the class's text dump. */
public final class GenerationException extends RuntimeException {
    private final String dump;

    public GenerationException(String message, String dump) {
        super(message);
        this.dump = dump;
    }

    /** The class as ASM's Textifier prints it. */
    public String dump() {
        return dump;
    }
}
