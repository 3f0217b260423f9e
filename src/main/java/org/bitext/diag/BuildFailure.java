package org.bitext.diag;

/** Thrown when a stage cannot go on because the input has errors; the diagnostics say why. */
public final class BuildFailure extends Exception {
    private final transient Diagnostics diagnostics;

    public BuildFailure(Diagnostics diagnostics) {
        super(diagnostics.errors().size() + " error(s)");
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
