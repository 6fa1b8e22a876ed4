package deltac.codegen;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The MNIST MLP's backpropagation coded by hand with EJML, straight from the textbook formulas, in float64:
 * δ² = (1/n)(a² − y), δ¹ = ((W²)ᵀ δ²) ⊙ a¹ ⊙ (1 − a¹), ∂C/∂W² = δ² (a¹)ᵀ, ∂C/∂b² = δ² 1, and so on.
 */
final class HandWrittenMnistBackprop {
    final DMatrixRMaj dW1;
    final DMatrixRMaj db1;
    final DMatrixRMaj dW2;
    final DMatrixRMaj db2;
    final double loss;

    HandWrittenMnistBackprop(DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2, DMatrixRMaj x, DMatrixRMaj y) {
        int n = x.numCols;
        DMatrixRMaj a1 = new DMatrixRMaj(w1.numRows, n);
        CommonOps_DDRM.mult(w1, x, a1);
        addColumn(a1, b1);
        for (int i = 0; i < a1.data.length; i++) {
            a1.data[i] = 1 / (1 + Math.exp(-a1.data[i]));
        }
        DMatrixRMaj a2 = new DMatrixRMaj(w2.numRows, n);
        CommonOps_DDRM.mult(w2, a1, a2);
        addColumn(a2, b2);
        double total = 0;
        for (int j = 0; j < n; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < a2.numRows; i++) {
                max = Math.max(max, a2.get(i, j));
            }
            double sum = 0;
            for (int i = 0; i < a2.numRows; i++) {
                sum += Math.exp(a2.get(i, j) - max);
            }
            for (int i = 0; i < a2.numRows; i++) {
                double logP = a2.get(i, j) - max - Math.log(sum);
                total -= y.get(i, j) * logP;
                a2.set(i, j, Math.exp(logP));
            }
        }
        loss = total / n;
        DMatrixRMaj delta2 = a2.copy();
        CommonOps_DDRM.subtractEquals(delta2, y);
        CommonOps_DDRM.scale(1.0 / n, delta2);
        dW2 = new DMatrixRMaj(w2.numRows, w2.numCols);
        CommonOps_DDRM.multTransB(delta2, a1, dW2);
        db2 = new DMatrixRMaj(b2.numRows, 1);
        CommonOps_DDRM.sumRows(delta2, db2);
        DMatrixRMaj delta1 = new DMatrixRMaj(w1.numRows, n);
        CommonOps_DDRM.multTransA(w2, delta2, delta1);
        for (int i = 0; i < delta1.data.length; i++) {
            delta1.data[i] *= a1.data[i] * (1 - a1.data[i]);
        }
        dW1 = new DMatrixRMaj(w1.numRows, w1.numCols);
        CommonOps_DDRM.multTransB(delta1, x, dW1);
        db1 = new DMatrixRMaj(b1.numRows, 1);
        CommonOps_DDRM.sumRows(delta1, db1);
    }

    private static void addColumn(DMatrixRMaj m, DMatrixRMaj column) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                m.add(i, j, column.get(i, 0));
            }
        }
    }
}
