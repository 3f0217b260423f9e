package org.bitext.transcript;

import java.util.List;

/** The transcript as published, read into sections and paragraphs; nothing editorial yet. */
public record Transcript(String file, SourceMeta meta, List<RawSection> sections, String sha256) {
}
