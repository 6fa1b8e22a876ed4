package deltac.report;

import deltac.autodiff.print.Marks;
import deltac.graph.Node;
import java.util.Map;
import java.util.Set;

/**
 * What the page attaches to each written term: its shape ({@code \htmlData{shape=128×1}{…}}, shown on hover),
 * its δ's colour when the term is a δ ({@code \htmlClass{d0}{…}}), and the highlight of a term where a
 * hand-derived formula and its derivation part ({@code \htmlClass{differs}{…}}).
 */
final class TermMarks implements Marks {
    private final Map<Node, Integer> colours;
    private final Set<Node> differs;

    TermMarks(Map<Node, Integer> colours, Set<Node> differs) {
        this.colours = colours;
        this.differs = differs;
    }

    @Override
    public String mark(Node node, String latex) {
        String s = latex;
        Integer colour = colours.get(node);
        if (colour != null) {
            s = colour(colour, s);
        }
        if (differs.contains(node)) {
            s = "\\htmlClass{differs}{" + s + "}";
        }
        return shape(node, s);
    }

    static String colour(int colour, String latex) {
        return "\\htmlClass{" + DeltaColours.cssClass(colour) + "}{" + latex + "}";
    }

    static String shape(Node node, String latex) {
        return "\\htmlData{shape=" + node.shape() + "}{" + latex + "}";
    }
}
