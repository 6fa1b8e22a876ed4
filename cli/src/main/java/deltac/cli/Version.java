package deltac.cli;

import picocli.CommandLine;

/** The version from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
    static String get() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"deltac " + get(), "Java " + Runtime.version()};
    }
}
