package deltac.autodiff.print;

/** How equations are written. */
public enum Format {
    /** Unicode, as a textbook writes them: δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹). */
    TEXT,
    /** LaTeX math, one aligned equation per line. */
    LATEX,
    /** A Markdown document with the equations as LaTeX math. */
    MARKDOWN,
    /** Spec syntax, the names a hand-derived formula file uses: delta_z1 = hadamard(W2.T * delta_z2, sigmoidPrime(z1)). */
    ASCII
}
