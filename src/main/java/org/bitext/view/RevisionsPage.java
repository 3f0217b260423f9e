package org.bitext.view;

import java.util.List;

/** revisions.html: the edition's revisions, newest first. */
public record RevisionsPage(String published, List<RevisionView> revisions) implements PageView {
}
