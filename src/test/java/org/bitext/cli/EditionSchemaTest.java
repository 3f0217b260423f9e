package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bitext.TestSupport;
import org.bitext.TestSupport.Run;
import org.bitext.editorial.EditorialReader;
import org.bitext.editorial.NoteKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The JSON Schema of edition.yaml (docs/edition.schema.json, carried by the jar) says what the reader reads. */
class EditionSchemaTest {
    private static final Path DOCS = Path.of("docs/edition.schema.json");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema() throws IOException {
        // JSON is YAML: SnakeYAML reads it without another library
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(Files.readString(DOCS));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> properties(Map<String, Object> def) {
        return new TreeSet<>(((Map<String, Object>) def.get("properties")).keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyKeyTheReaderAcceptsIsInTheSchemaAndNoOther() throws IOException {
        Map<String, Object> schema = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema"));
        Map<String, Object> defs = (Map<String, Object>) schema.get("$defs");
        Map<String, Set<String>> reader = EditorialReader.allowedKeys();
        Set<String> mappings = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : reader.entrySet()) {
            Map<String, Object> def = e.getKey().equals("top") ? schema : (Map<String, Object>) defs.get(e.getKey());
            assertTrue(def != null, "no $defs/" + e.getKey() + " in the schema");
            assertEquals(new TreeSet<>(e.getValue()), properties(def), e.getKey());
            assertEquals(false, def.get("additionalProperties"), e.getKey() + " must refuse unknown keys, as the reader does");
            mappings.add(e.getKey());
        }
        // the other way round: every closed mapping of the schema is one the reader reads
        for (Map.Entry<String, Object> e : defs.entrySet()) {
            Map<String, Object> def = (Map<String, Object>) e.getValue();
            if (def.containsKey("properties") && !e.getKey().equals("bilingual")) {
                assertTrue(mappings.contains(e.getKey()), "$defs/" + e.getKey() + " is not a mapping the reader knows");
            }
        }
        assertEquals(Set.of("zh", "en"), properties((Map<String, Object>) defs.get("bilingual")));
    }

    /** The keys of the given mappings, together. */
    @SuppressWarnings("unchecked")
    private static Set<String> keys(Iterable<?> mappings) {
        Set<String> keys = new TreeSet<>();
        for (Object m : mappings) {
            keys.addAll(((Map<String, Object>) m).keySet());
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void theFormatReferenceShowsEveryKeyTheReaderAccepts() throws IOException {
        String doc = Files.readString(Path.of("docs/edition-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        Map<String, Object> example = map(new Yaml(new LoaderOptions()).load(doc.substring(start, doc.indexOf("```", start))));
        Map<String, Object> edition = map(example.get("edition"));
        List<Map<String, Object>> turns = list(example.get("turns"));
        Map<String, Set<String>> shown = Map.ofEntries(Map.entry("top", keys(List.of(example))),
                Map.entry("edition", keys(List.of(edition))), Map.entry("source", keys(List.of(edition.get("source")))),
                Map.entry("recording", keys(List.of(edition.get("recording")))),
                Map.entry("speaker", keys(map(example.get("speakers")).values())),
                Map.entry("section", keys(list(example.get("sections")))), Map.entry("turn", keys(turns)),
                Map.entry("split", keys(turns.stream().filter(t -> t.containsKey("split")).flatMap(t -> list(t.get("split")).stream()).toList())),
                Map.entry("note", keys(list(example.get("notes")))),
                Map.entry("noteSource", keys(list(example.get("notes")).stream().flatMap(n -> list(n.get("sources")).stream()).toList())),
                Map.entry("glossaryEntry", keys(list(example.get("glossary")))),
                Map.entry("topic", keys(map(example.get("topics")).values())),
                Map.entry("revision", keys(list(example.get("revisions")))));
        for (Map.Entry<String, Set<String>> e : EditorialReader.allowedKeys().entrySet()) {
            assertEquals(new TreeSet<>(e.getValue()), shown.get(e.getKey()), "docs/edition-format.md's example of " + e.getKey());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noteKindsAreTheReadersKinds() throws IOException {
        Map<String, Object> kind = (Map<String, Object>) properties(schema(), "note").get("kind");
        Set<String> kinds = new TreeSet<>((java.util.List<String>) kind.get("enum"));
        Set<String> expected = new TreeSet<>(Arrays.stream(NoteKind.values()).map(NoteKind::id).toList());
        expected.add("organization"); // the reader takes the American spelling too
        assertEquals(expected, kinds);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema, String def) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schema.get("$defs")).get(def)).get("properties");
    }

    @Test
    void theJarCarriesThePublishedSchema() throws IOException {
        assertArrayEquals(Files.readAllBytes(DOCS), InitCommand.resource("/org/bitext/edition.schema.json"));
        Run r = TestSupport.cli("schema");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(DOCS), r.out());
    }

    @Test
    void schemaWritesAFileButNeverOverOne(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("sub/edition.schema.json");
        Run r = TestSupport.cli("schema", file.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(DOCS), Files.readAllBytes(file));
        Files.writeString(file, "mine", StandardCharsets.UTF_8);
        Run again = TestSupport.cli("schema", file.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains(file + " already exists"), again.err());
        assertEquals("mine", Files.readString(file));
    }
}
