package org.bitext.view;

/** What one output file shows, given to its template as {@code page}. */
public sealed interface PageView permits HomePage, SectionPage, TranscriptPage, NotesPage, TopicsPage, TopicPage,
        SpeakerPage, GlossaryPage, NotFoundPage, EditionData, SitemapPage, CitePage, RevisionsPage, NamesPage,
        EpubBook {
}
