package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** index.html: the introduction, the contents, the speakers. */
public record HomePage(Bilingual introduction, List<TocGroup> toc, int topicCount, int termCount, int noteCount, List<SpeakerView> speakers) implements PageView {
}
