package org.bitext.transcript;

import java.util.List;
import org.bitext.diag.Position;

/**
 * The paragraphs under one heading, as published. A section with no paragraphs is a part title.
 * {@code heading} is null for paragraphs that come before the first heading.
 */
public record RawSection(String heading, int level, Position position, List<Paragraph> paragraphs,
        int omittedImages) {
    public boolean isPartTitle() {
        return heading != null && paragraphs.isEmpty();
    }
}
