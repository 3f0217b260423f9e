package org.bitext.view;

import java.util.List;

/** transcript.html: every section on one page. */
public record TranscriptPage(List<SpeakerCount> speakerCounts, List<SectionView> sections) implements PageView {
}
