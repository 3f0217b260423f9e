package org.bitext.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.editorial.NoteKind;
import org.junit.jupiter.api.Test;

/**
 * docs/templates.md documents every field a template can read: every record reachable from
 * {@link PageModel} (the page records through {@link PageView}) has a section there whose table lists
 * exactly its components, in order, and the page documents no other type.
 */
class TemplateFieldsTest {
    private static final Pattern HEADING = Pattern.compile("^### (\\w+)$");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|.*");

    /** Every record a template can reach, by simple name. */
    private static Map<String, Class<?>> reachable() {
        Map<String, Class<?>> found = new LinkedHashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(PageModel.class));
        todo.addAll(Arrays.asList(PageView.class.getPermittedSubclasses()));
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!c.isRecord() || found.containsKey(c.getSimpleName())) {
                continue;
            }
            found.put(c.getSimpleName(), c);
            for (RecordComponent rc : c.getRecordComponents()) {
                Type t = rc.getGenericType();
                if (t instanceof ParameterizedType p) {
                    for (Type a : p.getActualTypeArguments()) {
                        if (a instanceof Class<?> k) {
                            todo.add(k);
                        }
                    }
                } else if (t instanceof Class<?> k) {
                    todo.add(k);
                }
            }
        }
        return found;
    }

    /** The documented fields of each type, by the type's heading. */
    private static Map<String, List<String>> documented() throws IOException {
        Map<String, List<String>> doc = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(Path.of("docs/templates.md"), StandardCharsets.UTF_8)) {
            Matcher h = HEADING.matcher(line);
            Matcher r = ROW.matcher(line);
            if (h.matches()) {
                current = new ArrayList<>();
                doc.put(h.group(1), current);
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null && r.matches()) {
                current.add(r.group(1));
            }
        }
        return doc;
    }

    @Test
    void everyFieldATemplateCanReadIsDocumentedAndNothingElse() throws IOException {
        Map<String, Class<?>> records = reachable();
        Map<String, List<String>> doc = documented();
        assertTrue(records.containsKey("TurnView") && records.containsKey("Bilingual"), records.keySet().toString());
        for (Class<?> c : records.values()) {
            List<String> fields = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).toList();
            assertEquals(fields, doc.get(c.getSimpleName()), "docs/templates.md, ### " + c.getSimpleName());
        }
        assertEquals(records.keySet().stream().sorted().toList(), doc.keySet().stream().sorted().toList(),
                "the types docs/templates.md documents");
    }

    @Test
    void everyKindOfNoteHasItsLabelsInTheTemplates() throws IOException {
        String macros = Files.readString(Path.of("templates/macros.ftlh"), StandardCharsets.UTF_8);
        for (NoteKind k : NoteKind.values()) {
            assertTrue(Pattern.compile("\"" + k.id() + "\": \\{\"en\": \"[^\"]+\", \"zh\": \"[^\"]+\"\\}").matcher(macros).find(),
                    "no labels for note kind " + k.id() + " in macros.ftlh");
        }
    }
}
