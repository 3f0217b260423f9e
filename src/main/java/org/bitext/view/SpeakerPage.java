package org.bitext.view;

import java.util.List;

/** speakers/ID.html: every turn of one speaker, and the other speakers. */
public record SpeakerPage(SpeakerView speaker, List<SpeakerView> speakers, List<TurnView> turns) implements PageView {
}
