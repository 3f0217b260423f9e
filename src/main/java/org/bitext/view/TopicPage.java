package org.bitext.view;

import java.util.List;

/** topics/ID.html: the turns of one topic. */
public record TopicPage(TopicView topic, List<TurnView> turns) implements PageView {
}
