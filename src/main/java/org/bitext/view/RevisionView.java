package org.bitext.view;

import org.bitext.text.Bilingual;

/** One revision of the edition: its date (YYYY-MM-DD) and what changed. */
public record RevisionView(String date, Bilingual summary) {
}
