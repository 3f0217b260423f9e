package org.bitext.view;

import java.util.List;

/** topics/index.html: the topic index. */
public record TopicsPage(List<TopicView> topics) implements PageView {
}
