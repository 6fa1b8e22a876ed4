package deltac.report;

import deltac.report.GraphModel.Arc;
import deltac.report.GraphModel.Link;
import deltac.report.GraphModel.Vertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link GraphModel} as one SVG element: the forward band above, the backward band below in the same
 * columns (its edges run right to left), the links between them behind both. The SVG carries its own style sheet,
 * so the file "download SVG" saves looks as it does on the page.
 */
final class GraphSvg {
    private static final double MARGIN = 16;
    private static final double BAND_TITLE = 26;
    private static final double BAND_GAP = 46;
    private static final double COLUMN_GAP = 14;
    private static final double LABEL_FONT = 11;
    private static final double LABEL_HEIGHT = 15;

    /** One placed box, for the tests: no two may overlap. */
    record Rect(String what, double x, double y, double width, double height) {
        boolean overlaps(Rect o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final List<Rect> rects = new ArrayList<>();
    private double width;
    private double height;

    private GraphSvg() {}

    /** The picture as SVG markup. */
    static String svg(GraphModel model, String title) {
        return draw(model, title).out.toString();
    }

    /** Every node and edge label as placed: what the overlap test checks. */
    static List<Rect> boxes(GraphModel model) {
        return List.copyOf(draw(model, "").rects);
    }

    private static GraphSvg draw(GraphModel model, String title) {
        GraphSvg svg = new GraphSvg();
        svg.render(model, title);
        return svg;
    }

    private void render(GraphModel model, String title) {
        int layers = Layered.layerCount(model.maxRank());
        Layered forward = new Layered(boxes(model.forward), edges(model.forwardArcs), layers);
        Layered backward = new Layered(boxes(model.backward), edges(model.backwardArcs), layers);
        double[] columns = new double[layers];
        double x = MARGIN;
        for (int l = 0; l < layers; l++) {
            double w = Math.max(forward.layerWidth(l), backward.layerWidth(l));
            w = Math.max(w, l % 2 == 0 ? 30 : 18);
            columns[l] = x + w / 2;
            x += w + COLUMN_GAP;
        }
        Layered.Placed top = forward.place(columns);
        Layered.Placed bottom = backward.place(columns);
        double topY = MARGIN + BAND_TITLE;
        double bottomY = topY + top.height() + BAND_GAP + BAND_TITLE;
        width = x - COLUMN_GAP + MARGIN;
        height = bottomY + bottom.height() + MARGIN;

        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"deltac-graph\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                        + "height=\"%.0f\" role=\"img\" aria-label=\"%s\">\n",
                width, height, width, height, Html.escape(title)));
        out.append("<title>").append(Html.escape(title)).append("</title>\n");
        out.append("<style>").append(Resources.text("graph.css")).append("</style>\n");
        out.append("<defs><marker id=\"g-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,1L10,5L0,9z\" class=\"arrow\"/></marker></defs>\n");
        bandTitle(topY - 10, "forward: each edge carries the shape of the value flowing along it");
        bandTitle(bottomY - 10, "backward: δ flows right to left; dashed lines join each parameter to its gradient");
        out.append("<g class=\"links\">\n");
        for (Link link : model.links) {
            link(model, link, top, topY, bottom, bottomY);
        }
        out.append("</g>\n");
        band("forward", model.forward, model.forwardArcs, top, topY, "f");
        band("backward", model.backward, model.backwardArcs, bottom, bottomY, "b");
        out.append("</svg>\n");
    }

    private void bandTitle(double y, String text) {
        out.append(String.format(Locale.ROOT, "<text class=\"band-title\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                MARGIN, y, Html.escape(text)));
    }

    private static List<Layered.Box> boxes(List<Vertex> vertices) {
        List<Layered.Box> boxes = new ArrayList<>();
        for (Vertex v : vertices) {
            boxes.add(new Layered.Box(v.rank(), boxWidth(v), boxHeight(v)));
        }
        return boxes;
    }

    private static List<Layered.Edge> edges(List<Arc> arcs) {
        List<Layered.Edge> edges = new ArrayList<>();
        for (Arc a : arcs) {
            edges.add(new Layered.Edge(a.from(), a.to(), TextWidth.of(a.label(), LABEL_FONT) + 8, LABEL_HEIGHT));
        }
        return edges;
    }

    static double boxWidth(Vertex v) {
        return Math.max(34, Math.max(TextWidth.of(v.label(), 14), TextWidth.of(v.caption(), 10)) + 18);
    }

    static double boxHeight(Vertex v) {
        return v.caption().isEmpty() ? 26 : 38;
    }

    private void band(String name, List<Vertex> vertices, List<Arc> arcs, Layered.Placed placed, double dy, String id) {
        out.append("<g class=\"band ").append(name).append("\">\n");
        for (int e = 0; e < arcs.size(); e++) {
            Arc arc = arcs.get(e);
            List<double[]> points = placed.paths().get(e);
            double[] label = placed.labels().get(e);
            double lw = TextWidth.of(arc.label(), LABEL_FONT) + 8;
            String cls = "edge" + (arc.colour() >= 0 ? " " + DeltaColours.cssClass(arc.colour()) : "");
            out.append("<g class=\"").append(cls).append("\"><path d=\"").append(path(points, dy)).append("\"/>");
            out.append(String.format(Locale.ROOT,
                    "<rect class=\"label-bg\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\"/>"
                            + "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">%s</text></g>\n",
                    label[0] - lw / 2, label[1] + dy - LABEL_HEIGHT / 2, lw, LABEL_HEIGHT, label[0], label[1] + dy,
                    Html.escape(arc.label())));
            rects.add(new Rect("label " + arc.label(), label[0] - lw / 2, label[1] + dy - LABEL_HEIGHT / 2, lw, LABEL_HEIGHT));
        }
        for (int i = 0; i < vertices.size(); i++) {
            Vertex v = vertices.get(i);
            double w = boxWidth(v);
            double h = boxHeight(v);
            double cx = placed.x()[i];
            double cy = placed.y()[i] + dy;
            String cls = "node " + v.kind() + (v.colour() >= 0 ? " " + DeltaColours.cssClass(v.colour()) : "");
            out.append(String.format(Locale.ROOT, "<g class=\"%s\" id=\"g-%s%d\"><title>%s</title>"
                            + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\"/>",
                    cls, id, i, Html.escape(v.title()), cx - w / 2, cy - h / 2, w, h));
            if (v.caption().isEmpty()) {
                out.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                        cx, cy, Html.escape(v.label())));
            } else {
                out.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>"
                                + "<text class=\"caption\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                        cx, cy - 6, Html.escape(v.label()), cx, cy + 11, Html.escape(v.caption())));
            }
            out.append("</g>\n");
            rects.add(new Rect(name + " " + v.label(), cx - w / 2, cy - h / 2, w, h));
        }
        out.append("</g>\n");
    }

    private void link(GraphModel model, Link link, Layered.Placed top, double topY, Layered.Placed bottom, double bottomY) {
        Vertex from = model.forward.get(link.forward());
        Vertex to = model.backward.get(link.backward());
        double x1 = top.x()[link.forward()];
        double y1 = top.y()[link.forward()] + topY + boxHeight(from) / 2;
        double x2 = bottom.x()[link.backward()];
        double y2 = bottom.y()[link.backward()] + bottomY - boxHeight(to) / 2;
        double bend = Math.max(30, (y2 - y1) / 2);
        out.append(String.format(Locale.ROOT,
                "<path class=\"link %s\" d=\"M%.1f,%.1fC%.1f,%.1f %.1f,%.1f %.1f,%.1f\"><title>%s</title></path>\n",
                link.kind(), x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2,
                Html.escape(link.kind().equals("gradient") ? from.label() + " and its gradient " + to.label()
                        : "the loss starts " + to.label())));
    }

    /** Smooth through the points: each step a cubic leaving and arriving horizontally. */
    private static String path(List<double[]> points, double dy) {
        StringBuilder d = new StringBuilder();
        double[] p = points.get(0);
        d.append(String.format(Locale.ROOT, "M%.1f,%.1f", p[0], p[1] + dy));
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            double mid = (b[0] - a[0]) / 2;
            d.append(String.format(Locale.ROOT, "C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
                    a[0] + mid, a[1] + dy, b[0] - mid, b[1] + dy, b[0], b[1] + dy));
        }
        return d.toString();
    }
}
