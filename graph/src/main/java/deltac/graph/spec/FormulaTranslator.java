package deltac.graph.spec;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a formulas file's syntax tree into nodes; stops at the first error, like the spec reader. */
final class FormulaTranslator {
    private final SpecTranslator reporter;
    private final Scope scope;
    private final Map<String, Shape> expected;
    private final Map<String, com.github.javaparser.ast.Node> given = new LinkedHashMap<>();
    private final List<Formulas.Formula> formulas = new ArrayList<>();
    private final Map<String, com.github.javaparser.ast.Node> helpers = new LinkedHashMap<>();
    private final Repairs repairs;

    /** @param repairs null to stop at the first shape error; else how to read past them (a formula of the wrong shape is kept) */
    FormulaTranslator(String file, GraphBuilder builder, Map<String, Node> names, Map<String, Shape> expected,
                      Repairs repairs) {
        this.reporter = new SpecTranslator(file);
        this.scope = new Scope(reporter, builder);
        names.forEach(scope::define);
        this.expected = expected;
        this.repairs = repairs;
        scope.repairing(repairs);
    }

    Formulas.Result translate(CompilationUnit unit) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            ClassOrInterfaceDeclaration c = reporter.theClass(unit);
            for (BodyDeclaration<?> member : c.getMembers()) {
                if (member instanceof FieldDeclaration field) {
                    for (VariableDeclarator v : field.getVariables()) {
                        formula(v.getName(), v.getNameAsString(), v.getInitializer().orElseThrow(
                                () -> reporter.error(v.getName(), v.getNameAsString() + " has no formula")));
                    }
                } else if (member instanceof MethodDeclaration method && method.getBody().isPresent()) {
                    for (Statement s : method.getBody().get().getStatements()) {
                        statement(s);
                    }
                } else {
                    reporter.warn(member, SpecTranslator.ignoredMember(member) + " is ignored: formulas are read, never executed");
                }
            }
            if (formulas.isEmpty()) {
                throw reporter.error(c.getName(), "no formulas: assign the names derive prints, e.g. "
                        + String.join(", ", expected.keySet()));
            }
        } catch (SpecError e) {
            diagnostics.addAll(reporter.warnings());
            diagnostics.add(e.diagnostic);
            return new Formulas.Result(List.of(), diagnostics);
        }
        diagnostics.addAll(reporter.warnings());
        return new Formulas.Result(formulas, diagnostics);
    }

    private void statement(Statement s) {
        if (s instanceof EmptyStmt) {
            return;
        }
        if (s instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr assign
                && assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getTarget() instanceof NameExpr name) {
            formula(name, name.getNameAsString(), assign.getValue());
            return;
        }
        if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr decl) {
            for (VariableDeclarator v : decl.getVariables()) {
                Expression value = v.getInitializer().orElseThrow(
                        () -> reporter.error(v.getName(), v.getNameAsString() + " has no formula"));
                if (expected.containsKey(v.getNameAsString())) {
                    formula(v.getName(), v.getNameAsString(), value);
                } else {
                    helper(v, value);
                }
            }
            return;
        }
        throw reporter.error(s, "a formula is an assignment such as delta_z1 = ...; not " + Constructs.name(s));
    }

    /**
     * A local such as {@code Matrix t1 = softmax(z1);}: a name for a term the formulas after it use, as derive
     * prints for shared terms. It names no formula of its own, so it may not hide a name the spec defines.
     */
    private void helper(VariableDeclarator v, Expression value) {
        String name = v.getNameAsString();
        if (helpers.containsKey(name)) {
            throw reporter.error(v.getName(), name + " is defined twice (first at " + SpecTranslator.where(helpers.get(name)) + ")");
        }
        if (scope.defines(name)) {
            throw reporter.error(v.getName(), name + " is already a name of the spec; give this term another name");
        }
        if (repairs != null) {
            repairs.formula(name);
        }
        scope.define(name, scope.translate(value));
        helpers.put(name, v.getName());
    }

    private void formula(com.github.javaparser.ast.Node at, String name, Expression value) {
        Shape shape = expected.get(name);
        if (shape == null) {
            throw reporter.error(at, "derive gives no " + name + ": the formulas it gives are "
                    + String.join(", ", expected.keySet()) + Suggestions.didYouMean(name, expected.keySet()));
        }
        if (given.containsKey(name)) {
            throw reporter.error(at, name + " is given twice (first at " + SpecTranslator.where(given.get(name)) + ")");
        }
        if (repairs != null) {
            repairs.formula(name);
        }
        Node node = scope.translate(value);
        if (!node.shape().equals(shape) && repairs == null) {
            throw reporter.error(value, name + " is " + shape + " but this formula is " + node.shape());
        }
        given.put(name, at);
        Position p = SpecTranslator.position(at);
        formulas.add(new Formulas.Formula(name, node, p.line, p.column));
    }
}
