package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** The sections under one part title of the EPUB (part is null before the first part title). */
public record EpubPart(Bilingual part, List<SectionView> sections) {
}
