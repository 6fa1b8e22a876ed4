package deltac.graph.spec;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed spec (a JavaParser syntax tree) into a {@link Graph}: declarations become inputs and
 * parameters, {@code loss()}'s statements become nodes. Stops at the first error, so a broken spec gets one
 * diagnostic at the place that broke it; warnings are collected on the way.
 */
final class SpecTranslator {
    private final String file;
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<String, com.github.javaparser.ast.Node> declaredAt = new LinkedHashMap<>();
    private GraphBuilder builder;
    private Scope scope;
    private SimpleName trainingField;

    SpecTranslator(String file) {
        this.file = file;
    }

    SpecResult translate(CompilationUnit unit) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            Graph graph = translateUnit(unit);
            diagnostics.addAll(warnings);
            return new SpecResult(Optional.of(graph), diagnostics);
        } catch (SpecError e) {
            diagnostics.addAll(warnings);
            diagnostics.add(e.diagnostic);
            return new SpecResult(Optional.empty(), diagnostics);
        }
    }

    private Graph translateUnit(CompilationUnit unit) {
        ClassOrInterfaceDeclaration spec = theClass(unit);
        builder = new GraphBuilder(spec.getNameAsString(), fileName());
        scope = new Scope(this, builder);
        MethodDeclaration loss = null;
        for (BodyDeclaration<?> member : spec.getMembers()) {
            if (member instanceof FieldDeclaration field) {
                for (VariableDeclarator variable : field.getVariables()) {
                    declareField(variable);
                }
            } else if (member instanceof MethodDeclaration method && method.getNameAsString().equals("loss")) {
                if (loss != null) {
                    throw error(method.getName(), "two losses: loss() is already declared at " + where(loss.getName()));
                }
                loss = method;
            } else {
                warn(member, ignoredMember(member) + " is ignored: a spec is read, never executed");
            }
        }
        scope.resolveDerivedFields();
        if (loss == null) {
            throw error(spec.getName(), "no loss() method: a spec returns its scalar loss from Matrix loss()");
        }
        Node lossNode = translateLoss(loss);
        Graph graph = builder.build(lossNode);
        warnUnreached(graph);
        return graph;
    }

    ClassOrInterfaceDeclaration theClass(CompilationUnit unit) {
        List<TypeDeclaration<?>> types = unit.getTypes();
        if (types.isEmpty()) {
            throw error(1, 1, "no class: a spec is one class with fields and a loss() method");
        }
        if (types.size() > 1) {
            throw error(types.get(1).getName(), "a spec declares one class, but "
                    + types.get(1).getNameAsString() + " is a second");
        }
        TypeDeclaration<?> type = types.get(0);
        if (!(type instanceof ClassOrInterfaceDeclaration c) || c.isInterface()) {
            throw error(type.getName(), "unsupported Java construct: " + Constructs.name(type)
                    + " (a spec is a class)");
        }
        return c;
    }

    static String ignoredMember(BodyDeclaration<?> member) {
        if (member instanceof MethodDeclaration m) {
            return "method " + m.getNameAsString() + "()";
        }
        if (member instanceof com.github.javaparser.ast.body.InitializerDeclaration i) {
            return i.isStatic() ? "static initializer" : "initializer block";
        }
        if (member instanceof com.github.javaparser.ast.body.ConstructorDeclaration) {
            return "constructor";
        }
        if (member instanceof TypeDeclaration<?> t) {
            return "nested type " + t.getNameAsString();
        }
        return Constructs.name(member);
    }

    private void declareField(VariableDeclarator variable) {
        String name = variable.getNameAsString();
        checkNotDeclared(name, variable.getName());
        declaredAt.put(name, variable.getName());
        String type = variable.getTypeAsString();
        Expression value = variable.getInitializer()
                .orElseThrow(() -> error(variable.getName(), name + " has no value"));
        Optional<MethodCallExpr> optimizer = TrainingSettings.optimizerCall(value);
        if (!type.equals("Training") && optimizer.isPresent()) {
            throw error(variable.getType(), optimizer.get().getNameAsString() + "(...) makes training settings: declare"
                    + " it as Training " + name + ", not " + type + " " + name);
        }
        switch (type) {
            case "Training" -> declareTraining(variable, value);
            case "Matrix" -> {
                Optional<MethodCallExpr> declaration = Declarations.leafCall(value);
                if (declaration.isPresent()) {
                    declareLeaf(name, declaration.get(), value);
                } else {
                    scope.deferField(name, value);
                }
            }
            case "double", "float" -> scope.number(name, Numbers.constant(value, scope), false);
            case "int", "long" -> scope.number(name, Numbers.constant(value, scope), true);
            default -> throw error(variable.getType(), "unsupported field type " + type
                    + ": a spec's fields are Matrix, int, double or Training");
        }
    }

    /** {@code Training training = sgd(0.1).batch(8);}: how the spec trains, said once. */
    private void declareTraining(VariableDeclarator variable, Expression value) {
        if (trainingField != null) {
            throw error(variable.getName(), "two Training fields: " + trainingField.asString() + " (at "
                    + where(trainingField) + ") already says how this spec trains");
        }
        trainingField = variable.getName();
        builder.training(new TrainingSettings(this, scope).read(value));
        scope.settings(variable.getNameAsString());
    }

    private void declareLeaf(String name, MethodCallExpr call, Expression whole) {
        Declarations.Leaf leaf = new Declarations(this, scope).leaf(call, whole);
        Node node = switch (leaf.kind()) {
            case "input" -> builder.input(name, leaf.shape().rows());
            case "target" -> builder.target(name, leaf.shape().rows());
            default -> builder.param(name, leaf.shape(),
                    leaf.init() == null ? Init.defaultFor(leaf.shape()) : leaf.init());
        };
        scope.define(name, node);
    }

    private Node translateLoss(MethodDeclaration loss) {
        if (!loss.getParameters().isEmpty()) {
            throw error(loss.getParameter(0), "loss() takes no parameters");
        }
        List<Statement> statements = loss.getBody()
                .orElseThrow(() -> error(loss.getName(), "loss() has no body"))
                .getStatements();
        scope.announceLocals(statements);
        Node result = null;
        ReturnStmt returned = null;
        for (Statement statement : statements) {
            if (statement instanceof ReturnStmt ret) {
                if (returned != null) {
                    throw error(ret, "two losses: loss() already returned at " + where(returned));
                }
                returned = ret;
                Expression value = ret.getExpression()
                        .orElseThrow(() -> error(ret, "return what? loss() returns the scalar loss"));
                result = scope.translate(value);
                if (!result.shape().isScalar()) {
                    throw error(value, "the loss must be a scalar (1×1) but " + scope.describe(value, result));
                }
            } else if (returned != null && !(statement instanceof EmptyStmt)) {
                throw error(statement, "unreachable statement after the return at " + where(returned));
            } else {
                translateStatement(statement);
            }
        }
        if (result == null) {
            throw error(loss.getName(), "loss() has no return statement: it returns the scalar loss");
        }
        return result;
    }

    private void translateStatement(Statement statement) {
        if (statement instanceof EmptyStmt) {
            return;
        }
        if (statement instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr decl) {
            for (VariableDeclarator variable : decl.getVariables()) {
                String type = variable.getTypeAsString();
                if (type.equals("Training")) {
                    throw error(variable.getType(), "the training settings are a field of the class: move Training "
                            + variable.getNameAsString() + " out of loss()");
                }
                if (!Set.of("Matrix", "var", "double", "float", "int", "long").contains(type)) {
                    throw error(variable.getType(), "unsupported type " + type
                            + ": a spec's values are Matrix (or a number: double, int)");
                }
                String name = variable.getNameAsString();
                checkNotDeclared(name, variable.getName());
                Expression value = variable.getInitializer()
                        .orElseThrow(() -> error(variable.getName(), name + " has no value"));
                Node node = scope.translate(value);
                if (!type.equals("Matrix") && !type.equals("var") && !node.shape().isScalar()) {
                    throw error(value, name + " is declared " + type + " but " + scope.describe(value, node));
                }
                declaredAt.put(name, variable.getName());
                scope.define(name, node);
                builder.name(name, node);
            }
            return;
        }
        if (statement instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof MethodCallExpr || e.isAssignExpr() || e.isUnaryExpr()) {
                scope.translate(e); // reports the unsupported construct where it is
            }
            throw error(statement, "this statement computes nothing: name its value (Matrix h = ...;)");
        }
        throw error(statement, "unsupported Java construct: " + Constructs.name(statement)
                + " (a spec is straight-line matrix code)");
    }

    private void checkNotDeclared(String name, com.github.javaparser.ast.Node at) {
        com.github.javaparser.ast.Node first = declaredAt.get(name);
        if (first != null) {
            throw error(at, name + " is declared twice (first at " + where(first) + ")");
        }
    }

    private void warnUnreached(Graph graph) {
        Set<Node> reached = new HashSet<>(Graph.topologicalOrder(List.of(graph.loss())));
        for (Input input : graph.inputs()) {
            if (!reached.contains(input)) {
                warn(declaredAt.get(input.name()), (input.isTarget() ? "target " : "input ") + input.name()
                        + " does not reach the loss");
            }
        }
        for (Param param : graph.params()) {
            if (!reached.contains(param)) {
                warn(declaredAt.get(param.name()), "parameter " + param.name()
                        + " does not reach the loss, so it will not be trained");
            }
        }
    }

    // --- positions and diagnostics, shared with Scope and Declarations

    List<Diagnostic> warnings() {
        return List.copyOf(warnings);
    }

    String fileName() {
        return file;
    }

    com.github.javaparser.ast.Node declaration(String name) {
        return declaredAt.get(name);
    }

    SpecError error(com.github.javaparser.ast.Node at, String message) {
        Position p = position(at);
        return error(p.line, p.column, message);
    }

    SpecError error(int line, int column, String message) {
        return new SpecError(Diagnostic.error(file, line, column, message));
    }

    void warn(com.github.javaparser.ast.Node at, String message) {
        Position p = position(at);
        warnings.add(Diagnostic.warning(file, p.line, p.column, message));
    }

    static Position position(com.github.javaparser.ast.Node node) {
        return node == null ? new Position(1, 1) : node.getBegin().orElse(new Position(1, 1));
    }

    static String where(com.github.javaparser.ast.Node node) {
        Position p = position(node);
        return p.line + ":" + p.column;
    }
}
