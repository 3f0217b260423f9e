package org.bitext.view;

/** What the editors did to a turn: split it from the paragraph above, or reattributed it. */
public record InterventionView(String kind, boolean reattributed, NamedRef sourceSpeaker, String reason, String reasonHtml) {
}
