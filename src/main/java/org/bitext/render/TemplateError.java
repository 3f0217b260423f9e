package org.bitext.render;

import java.nio.file.Path;

/** A template that could not make a file: where in the template, and why. */
public record TemplateError(Path file, int line, int column, String message) {
}
