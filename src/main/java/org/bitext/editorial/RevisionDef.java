package org.bitext.editorial;

import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/** One entry of the edition's revision history: its date ("YYYY-MM-DD") and what changed, in both languages. */
public record RevisionDef(String date, Bilingual summary, Position position) {
}
