package org.bitext.editorial;

/** The recording of the conversation that turn times point into; only linked, never embedded. */
public record Recording(String url, String title) {
}
