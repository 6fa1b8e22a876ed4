package deltac.graph.spec;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Numbers in a spec: literals, and constant arithmetic over literals and numeric fields. */
final class Numbers {
    private Numbers() {}

    static boolean isLiteral(Expression e) {
        return e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr;
    }

    /**
     * A dimension: a constant expression whose value is a positive integer, or an error saying so ({@code kinds}:
     * what the place accepts, e.g. "a positive integer or n").
     */
    static int dimension(Expression e, Scope scope, String kinds) {
        double v = constant(e, scope);
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw scope.owner().error(e, "a dimension is " + kinds + ", got " + e
                    + (isLiteral(e) ? "" : " = " + deltac.graph.ExprPrinter.number(v)));
        }
        return (int) v;
    }

    /** The value of a constant expression, or an error saying a number is needed there. */
    static double constant(Expression e, Scope scope) {
        if (isLiteral(e)) {
            return literal((LiteralStringValueExpr) e, scope);
        }
        if (e instanceof EnclosedExpr enclosed) {
            return constant(enclosed.getInner(), scope);
        }
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            return -constant(u.getExpression(), scope);
        }
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.PLUS) {
            return constant(u.getExpression(), scope);
        }
        if (e instanceof NameExpr name && scope.number(name.getNameAsString()) != null) {
            return scope.number(name.getNameAsString());
        }
        if (e instanceof BinaryExpr b) {
            double l = constant(b.getLeft(), scope);
            double r = constant(b.getRight(), scope);
            double v = switch (b.getOperator()) {
                case PLUS -> l + r;
                case MINUS -> l - r;
                case MULTIPLY -> l * r;
                case DIVIDE -> l / r;
                default -> throw scope.owner().error(b, "unsupported operator " + b.getOperator().asString()
                        + " in a number");
            };
            if (!Double.isFinite(v)) {
                throw scope.owner().error(b, "this number is not finite: " + b);
            }
            return v;
        }
        throw scope.owner().error(e, "a number is needed here, not " + e);
    }

    /** A numeric literal's value; a literal too large for a double is an error, not infinity. */
    static double literal(LiteralStringValueExpr e, Scope scope) {
        String text = e.getValue().replace("_", "");
        double value;
        try {
            if (e instanceof DoubleLiteralExpr) {
                value = Double.parseDouble(text);
            } else {
                value = integer(text.replaceAll("[lL]$", "")).doubleValue();
            }
        } catch (NumberFormatException bad) {
            throw scope.owner().error(e, "not a number: " + e.getValue());
        }
        if (!Double.isFinite(value)) {
            throw scope.owner().error(e, "number out of range: " + e.getValue());
        }
        return value;
    }

    private static BigInteger integer(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("0x")) {
            return new BigInteger(t.substring(2), 16);
        }
        if (t.startsWith("0b")) {
            return new BigInteger(t.substring(2), 2);
        }
        if (t.length() > 1 && t.startsWith("0")) {
            return new BigInteger(t.substring(1), 8);
        }
        if (t.length() > 400) {
            return new BigDecimal("1e400").toBigInteger(); // too large for a double either way
        }
        return new BigInteger(t);
    }
}
