package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** The sections under one part title (part is null before the first part). */
public record TocGroup(Bilingual part, List<TocEntry> sections) {
}
