package org.bitext.view;

import org.bitext.text.Bilingual;

/** What every page shows of the edition (its frame), given to each template as {@code site}. */
public record SiteView(Bilingual title, Bilingual description, String baseUrl, SourceView source, String lastRevised,
        String citeLead, String citeSource) {
}
