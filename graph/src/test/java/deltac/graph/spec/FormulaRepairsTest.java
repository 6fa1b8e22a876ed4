package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading formulas past their shape errors, as {@code check} does to name the mistake behind one. */
class FormulaRepairsTest {
    private final GraphBuilder b = new GraphBuilder("Net", "net.java");
    private final Param w = b.param("W", Shape.of(4, 3), Init.zeros());
    private final Param v = b.param("v", Shape.of(4, 1), Init.zeros());
    private final Map<String, Node> names = Map.of("W", w, "v", v);
    private final Map<String, Shape> expected = Map.of("d", Shape.of(3, 1));

    @Test
    void aProductThatDoesNotFitIsReadWithATranspose() throws Exception {
        String text = "class H { Matrix d = W * v; }";
        Formulas.Result plain = Formulas.read(text, "h.java", b, names, expected);
        assertFalse(plain.ok());
        assertTrue(plain.diagnostics().get(0).message().startsWith("shape mismatch in product: W is 4×3 but v is 4×1"));

        Repairs repairs = new Repairs(List.of());
        Formulas.Result read = Formulas.readRepairing(text, "h.java", b, names, expected, repairs);
        assertTrue(read.ok(), read.diagnostics().toString());
        assertEquals(b.apply(Op.MATMUL, b.apply(Op.TRANSPOSE, w), v), read.formulas().get(0).value());
        Repairs.Repair r = repairs.made().get(0);
        assertEquals("d", r.formula());
        assertEquals(List.of(w, v), r.written());
        assertEquals(2, r.ways(), "Wᵀ v and vᵀ W fit");

        Repairs second = new Repairs(List.of(1));
        Node other = Formulas.readRepairing(text, "h.java", b, names, expected, second).formulas().get(0).value();
        assertEquals(Shape.of(1, 3), other.shape(), "vᵀ W, kept though it is not the shape d must have");
    }

    @Test
    void aFormulaOfTheWrongShapeIsKept() {
        Repairs repairs = new Repairs(List.of());
        Formulas.Result read = Formulas.readRepairing("class H { Matrix d = v; }", "h.java", b, names, expected, repairs);
        assertTrue(read.ok());
        assertEquals(v, read.formulas().get(0).value());
        assertTrue(repairs.made().isEmpty());
    }

    @Test
    void whatNoTransposeOrSwapFitsStaysAnError() {
        Formulas.Result read = Formulas.readRepairing("class H { Matrix d = W + ones(2, 2); }", "h.java", b, names,
                expected, new Repairs(List.of()));
        assertFalse(read.ok());
    }
}
