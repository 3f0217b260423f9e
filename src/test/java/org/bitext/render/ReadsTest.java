package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a template read is recorded so that a later model can be checked against it: a change to
 * anything the template read, however it read it, makes the answers differ; a change to anything it
 * did not read does not.
 */
class ReadsTest {
    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            ${page.title}<#if page.subtitle??> ${page.subtitle}</#if>
            <#list page.items as i>${i.name}<#sep>, </#list> (${page.items?size})
            <#if page.tags?has_content>tags</#if> <#list page.extra?keys as k>${k}</#list>
            """;

    private Map<String, Object> page;

    private Map<String, Object> model() {
        page = new LinkedHashMap<>();
        page.put("title", "T");
        page.put("unread", "U");
        List<Map<String, Object>> items = new ArrayList<>();
        for (String n : new String[] {"a", "b"}) {
            Map<String, Object> item = new SmallMap();
            item.put("name", n);
            item.put("hidden", n.toUpperCase());
            items.add(item);
        }
        page.put("items", items);
        page.put("tags", new ArrayList<>());
        page.put("extra", new LinkedHashMap<>(Map.of("k1", "v")));
        return Renderer.model("p.html", Map.of("title", "site"), page);
    }

    private Reads render() throws Exception {
        Files.writeString(dir.resolve("t.ftlh"), TEMPLATE);
        Reads reads = new Reads();
        StringWriter out = new StringWriter();
        Diagnostics diags = new Diagnostics();
        assertTrue(new Renderer(dir).render("t.ftlh", "p.html", model(), reads, out, diags), diags.toString());
        assertEquals("T\na, b (2)\n k1\n", out.toString());
        assertTrue(reads.usable());
        return reads;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items() {
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    void theSameModelGivesTheSameAnswers() throws Exception {
        Reads reads = render();
        assertTrue(reads.sameAnswers(model()));
    }

    @Test
    void changesToWhatWasNotReadDoNotMatter() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        page.put("unread", "changed");
        items().get(1).put("hidden", "changed");
        assertTrue(reads.sameAnswers(m));
    }

    @Test
    void aChangedValueIsSeen() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        items().get(1).put("name", "c");
        assertFalse(reads.sameAnswers(m));
    }

    @Test
    void aValueThatAppearsWhereNoneWasIsSeen() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        page.put("subtitle", "S");
        assertFalse(reads.sameAnswers(m));
    }

    @Test
    void anItemAddedAtTheEndOfAListIsSeen() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        Map<String, Object> c = new SmallMap();
        c.put("name", "c");
        items().add(c);
        assertFalse(reads.sameAnswers(m));
    }

    @Test
    void aListThatStopsBeingEmptyIsSeen() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        ((List<Object>) page.get("tags")).add("x");
        assertFalse(reads.sameAnswers(m));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewKeyIsSeenByATemplateThatListsKeys() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        ((Map<String, Object>) page.get("extra")).put("k2", "w");
        assertFalse(reads.sameAnswers(m));
    }

    @Test
    void aValueThatChangesKindIsSeen() throws Exception {
        Reads reads = render();
        Map<String, Object> m = model();
        page.put("items", Map.of("name", "a"));
        assertFalse(reads.sameAnswers(m));
    }
}
