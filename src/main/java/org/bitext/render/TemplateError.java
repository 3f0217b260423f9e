package org.bitext.render;

import java.nio.file.Path;

/**
 * A template that could not make a file: where in the template, and why; {@code hint}, when not null, says
 * what the template could have read there instead.
 */
public record TemplateError(Path file, int line, int column, String message, String hint) {
}
