package org.bitext.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.text.Texts;

/**
 * The templates a template depends on, read from its {@code #include} and {@code #import} directives.
 * When a dependency cannot be read that way (a name computed at render time, {@code ?interpret}), the
 * template is taken to depend on every template, which is never wrong, only slower.
 */
final class TemplateKeys {
    /** Any include or import, in either of FreeMarker's tag syntaxes. */
    private static final Pattern DIRECTIVE = Pattern.compile("[<\\[]#(?:include|import)\\b");
    /** One whose template name is a string literal. */
    private static final Pattern LITERAL = Pattern.compile("[<\\[]#(?:include|import)\\s+(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)')");

    private TemplateKeys() {
    }

    /** A digest of the sources of {@code template} and everything it depends on (absent ones included as absent). */
    static String key(String template, Map<String, byte[]> files) {
        Set<String> used = new TreeSet<>();
        if (!collect(template, files, used)) {
            used = new TreeSet<>(files.keySet());
            used.removeIf(name -> !Renderer.isTemplate(name));
            used.add(template);
        }
        MessageDigest sha = Texts.sha256();
        for (String name : used) {
            byte[] source = files.get(name);
            sha.update((name + (source == null ? "\0absent\0" : "\0" + source.length + "\0")).getBytes(StandardCharsets.UTF_8));
            if (source != null) {
                sha.update(source);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Adds {@code name} and what it depends on to {@code used}; false when that cannot be known from the sources. */
    private static boolean collect(String name, Map<String, byte[]> files, Set<String> used) {
        if (!used.add(name)) {
            return true;
        }
        byte[] bytes = files.get(name);
        if (bytes == null) {
            return true; // rendering it fails, and its absence is part of the key
        }
        String source = new String(bytes, StandardCharsets.UTF_8);
        if (source.contains("?interpret") || source.contains("get_optional_template")) {
            return false;
        }
        int directives = 0;
        for (Matcher m = DIRECTIVE.matcher(source); m.find(); ) {
            directives++;
        }
        int literals = 0;
        for (Matcher m = LITERAL.matcher(source); m.find(); literals++) {
            String dependency = resolve(name, m.group(1) != null ? m.group(1) : m.group(2));
            if (dependency == null || !collect(dependency, files, used)) {
                return false;
            }
        }
        return literals == directives;
    }

    /**
     * The name FreeMarker loads for {@code name} written in {@code from}: relative to that template's
     * folder unless it starts with "/". Null for what it finds by searching ("*") or outside the folder.
     */
    static String resolve(String from, String name) {
        if (name.contains("*") || name.contains(":") || name.contains("\\")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        String path = name.startsWith("/") ? name : from.substring(0, from.lastIndexOf('/') + 1) + name;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
