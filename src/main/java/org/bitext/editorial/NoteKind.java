package org.bitext.editorial;

import java.util.Locale;

/** What a note is about; the notes page groups notes by kind in this order. */
public enum NoteKind {
    PERSON("Person", "人物"),
    ORGANISATION("Organisation", "机构"),
    PRODUCT("Product", "产品"),
    PUBLICATION("Publication", "出版物"),
    EVENT("Event", "事件"),
    CONTEXT("Context", "背景"),
    CORRECTION("Correction", "更正"),
    TRANSLATION("Translation", "翻译"),
    ATTRIBUTION("Attribution", "说话人归属");

    private final String en;
    private final String zh;

    NoteKind(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String en() {
        return en;
    }

    public String zh() {
        return zh;
    }
}
