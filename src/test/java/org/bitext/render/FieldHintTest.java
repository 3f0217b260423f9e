package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitext.text.Bilingual;
import org.bitext.view.NotFoundPage;
import org.bitext.view.Page;
import org.bitext.view.PageModel;
import org.bitext.view.SiteView;
import org.bitext.view.SourceView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template that reads a field that is not there is told the fields it could read at that point. */
class FieldHintTest {
    @TempDir
    Path templates;

    private static final SiteView SITE = new SiteView(new Bilingual("测试", "Test"), null, null,
            new SourceView(null, null, null, null, "0"), null, "", "");

    /** The error of 404.ftlh made of {@code body}. */
    private TemplateError render(String body) throws IOException {
        Files.writeString(templates.resolve("404.ftlh"), body);
        Page page = new Page("404.html", "404.ftlh", new PageModel(SITE, new NotFoundPage("/"), "404.html", "", null));
        TemplateError error = new Renderer(templates).render(page, new StringWriter(), Renderer.timeoutNanos());
        assertNotNull(error, "the template should fail");
        return error;
    }

    @Test
    void aMisspeltFieldGetsTheFieldsOfItsObjectAndTheNearestOne() throws IOException {
        TemplateError e = render("<p>\n<a href=\"${site.base_url}\">home</a>\n");
        assertEquals("template error: site.base_url is null or missing", e.message());
        assertEquals(2, e.line());
        assertEquals("`site` (SiteView) has the fields title, description, baseUrl, source, lastRevised, citeLead,"
                + " citeSource; did you mean `site.baseUrl`?", e.hint());
        assertEquals("`site` (SiteView) has the fields title, description, baseUrl, source, lastRevised, citeLead,"
                + " citeSource; did you mean `site.baseUrl`?", render("${site.baseurl}").hint());
    }

    @Test
    void theFieldsAreThoseOfTheValueAtThatPointInAMacro() throws IOException {
        TemplateError e = render("<#macro name t>${t.zn}</#macro>\n<@name t=site.title/>\n");
        assertEquals("`t` (Bilingual) has the fields zh, en; did you mean `t.zh`?", e.hint());
        assertEquals("`s` (SourceView) has the fields author, published, place, url, sha256; did you mean `s.author`?",
                render("<#list [site.source] as s>${s.autor}</#list>").hint());
    }

    @Test
    void aFieldNothingIsCloseToGetsTheListAlone() throws IOException {
        assertEquals("`page` (NotFoundPage) has the fields basePath", render("${page.colour}").hint());
        assertEquals("the page model (PageModel) has the fields site, page, path, root, canonical; did you mean `site`?",
                render("${sitee.title.en}").hint());
    }

    @Test
    void aFieldThatIsThereButNullIsSaidToBeNull() throws IOException {
        assertEquals("`site.baseUrl` is there but null here: test it first with `<#if site.baseUrl??>`",
                render("${site.baseUrl}").hint());
    }

    @Test
    void otherErrorsGetNoHint() throws IOException {
        assertNull(render("${site.title.en?number}").hint());
        assertNull(render("${site.title.en.x}").hint());
    }
}
