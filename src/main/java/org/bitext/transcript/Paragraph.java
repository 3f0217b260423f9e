package org.bitext.transcript;

import org.bitext.diag.Position;

/**
 * One paragraph of the transcript as read: plain text with the speaker label removed and soft line
 * breaks joined. {@code label} is the bold source label that opened it, or null.
 */
public record Paragraph(String text, String label, Position position, Position labelPosition) {
}
