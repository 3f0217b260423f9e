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
