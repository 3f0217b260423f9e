package org.bitext.edition;

import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.editorial.EditorialLayer;
import org.bitext.transcript.Transcript;

/** What every stage of the annotation reads, and where it reports problems. */
record Context(Transcript transcript, EditorialLayer layer, boolean strict, Diagnostics diags) {
    /** Something missing that a draft may lack: a warning, or an error under --strict. */
    void incomplete(Position at, String message) {
        if (strict) {
            diags.error(at, message);
        } else {
            diags.warning(at, message);
        }
    }
}
