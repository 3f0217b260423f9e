package org.bitext.view;

/** A link to a turn: its number, its section and where it is. */
public record TurnRef(String id, int number, SectionRef section, String url) {
}
