package deltac.graph.spec;

import com.github.javaparser.ast.Node;
import java.util.Locale;
import java.util.Map;

/** Plain names for the Java constructs a spec may not use, for "unsupported Java construct: ..." messages. */
final class Constructs {
    private Constructs() {}

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ForStmt", "for loop"),
            Map.entry("ForEachStmt", "for loop"),
            Map.entry("WhileStmt", "while loop"),
            Map.entry("DoStmt", "do loop"),
            Map.entry("IfStmt", "if statement"),
            Map.entry("SwitchStmt", "switch"),
            Map.entry("SwitchExpr", "switch"),
            Map.entry("TryStmt", "try statement"),
            Map.entry("ThrowStmt", "throw statement"),
            Map.entry("BlockStmt", "nested block"),
            Map.entry("LambdaExpr", "lambda"),
            Map.entry("MethodReferenceExpr", "method reference"),
            Map.entry("StringLiteralExpr", "string literal"),
            Map.entry("TextBlockLiteralExpr", "text block"),
            Map.entry("CharLiteralExpr", "char literal"),
            Map.entry("BooleanLiteralExpr", "boolean literal"),
            Map.entry("NullLiteralExpr", "null"),
            Map.entry("ObjectCreationExpr", "new"),
            Map.entry("ArrayCreationExpr", "array"),
            Map.entry("ArrayInitializerExpr", "array"),
            Map.entry("ArrayAccessExpr", "array access"),
            Map.entry("ConditionalExpr", "conditional (?:)"),
            Map.entry("CastExpr", "cast"),
            Map.entry("InstanceOfExpr", "instanceof"),
            Map.entry("AssignExpr", "assignment"),
            Map.entry("ThisExpr", "this"),
            Map.entry("SuperExpr", "super"),
            Map.entry("ClassExpr", "class literal"),
            Map.entry("SynchronizedStmt", "synchronized"),
            Map.entry("LabeledStmt", "label"),
            Map.entry("LocalClassDeclarationStmt", "local class"),
            Map.entry("LocalRecordDeclarationStmt", "local record"),
            Map.entry("BreakStmt", "break"),
            Map.entry("ContinueStmt", "continue"),
            Map.entry("YieldStmt", "yield"),
            Map.entry("AssertStmt", "assert"));

    static String name(Node node) {
        String simple = node.getClass().getSimpleName();
        String known = NAMES.get(simple);
        if (known != null) {
            return known;
        }
        return simple.replaceAll("(Expr|Stmt|Declaration)$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }
}
