package org.bitext.editorial;

import org.bitext.diag.Position;

/** The editor's entry for a section: which heading (by quote), its page id and English title. */
public record SectionDef(Quote at, String id, String en, Position position) {
}
