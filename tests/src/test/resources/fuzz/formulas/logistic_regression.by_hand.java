// The formulas of logistic_regression.java, by hand, per sample, as statements.
class LogisticRegressionByHand {
    void formulas() {
        Matrix delta_z = p - y;
        Matrix dw = delta_z * x.T;
        Matrix db = delta_z;
    }
}
