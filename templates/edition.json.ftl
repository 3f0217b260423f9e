<#ftl output_format="JSON">
<#-- edition.json: the whole edition as data. The layout is part of the contract: keep it stable. -->
<#setting c_format="JSON">
<#-- Every value is written with ?c, as a JSON literal; (value?c)!"null" writes null for a missing one. -->
<#macro bi b pad>{
${pad}  "zh": ${(b.zh?c)!"null"},
${pad}  "en": ${(b.en?c)!"null"}
${pad}}</#macro>
<#macro ids list>[<#list list as x>${x?c}<#sep>, </#list>]</#macro>
<#macro names list>[<#list list as x>{"literal": ${x?c}}<#sep>, </#list>]</#macro>
<#macro dateParts parts>{"date-parts": [[<#list parts as p>${p?c}<#sep>, </#list>]]}</#macro>
{
  "title": <@bi site.title "  "/>,
  "description": <#if site.description??><@bi site.description "  "/><#else>null</#if>,
  "introduction": <#if page.introduction??><@bi page.introduction "  "/><#else>null</#if>,
  "source": {
    "url": ${(site.source.url?c)!"null"},
    "author": ${(site.source.author?c)!"null"},
    "published": ${(site.source.published?c)!"null"},
    "sha256": ${(site.source.sha256?c)!"null"}
  },
  "base_url": ${(site.baseUrl?c)!"null"},
  "citation": {
    "text": ${page.citation.text?c},
    "bibtex": ${page.citation.bibtex?c},
    "csl": {
      "id": ${page.citation.id?c},
      "type": "webpage",
      "title": ${(page.citation.title?c)!"null"},
      "editor": <@names page.citation.editors/><#if page.citation.issued?has_content>,
      "issued": <@dateParts page.citation.issued/></#if><#if page.citation.url??>,
      "URL": ${page.citation.url?c}</#if><#if page.citation.originalAuthors?has_content>,
      "original-author": <@names page.citation.originalAuthors/></#if><#if page.citation.originalDate?has_content>,
      "original-date": <@dateParts page.citation.originalDate/></#if><#if page.citation.originalUrl??>,
      "note": ${page.citation.originalUrl?c}</#if>,
      "language": "zh-Hans, en"
    }
  },
  "revisions": <#list page.revisions>[
<#items as r>
    {
      "date": ${r.date?c},
      "summary": <@bi r.summary "      "/>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "speakers": <#list page.speakers>[
<#items as sp>
    {
      "id": ${(sp.id?c)!"null"},
      "name": <@bi sp.name "      "/>,
      "narrator": ${sp.narrator?c},
      "about": <#if sp.about??><@bi sp.about "      "/><#else>null</#if>,
      "labels": <@ids sp.labels/>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "sections": <#list page.sections>[
<#items as sec>
    {
      "id": ${(sec.id?c)!"null"},
      "title": <@bi sec.title "      "/>,
      "part": ${sec.part?c},
      "url": ${(sec.url?c)!"null"},
      "turns": <#list sec.turns>[
<#items as t>
        {
          "id": ${(t.id?c)!"null"},
          "number": ${t.number?c},
          "time": ${(t.time.text?c)!"null"},
          "speaker": ${(t.speaker.id?c)!"null"},
          "zh": ${(t.zh?c)!"null"},
          "en": ${(t.en?c)!"null"},
          "notes": <@ids t.notes?map(n -> n.id)/>,
          "topics": <@ids t.topics?map(x -> x.id)/><#if t.intervention??>,
          "intervention": {
            "kind": ${(t.intervention.kind?c)!"null"},
            "source_speaker": ${(t.intervention.sourceSpeaker.id?c)!"null"},
            "reason": ${(t.intervention.reason?c)!"null"}
          }</#if>
        }<#sep>,</#sep>
</#items>
      ]<#else>[]</#list>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "notes": <#list page.notes>[
<#items as n>
    {
      "id": ${(n.id?c)!"null"},
      "kind": ${(n.kind?c)!"null"},
      "turn": ${(n.turn?c)!"null"},
      "section": ${(n.section.id?c)!"null"},
      "quote": ${(n.quote?c)!"null"},
      "text": ${(n.markdown?c)!"null"},
      "sources": <#list n.sources>[<#items as w>
        {"title": ${w.title?c}, "author": ${(w.author?c)!"null"}, "publisher": ${(w.publisher?c)!"null"}, "date": ${w.date?c}, "url": ${(w.url?c)!"null"}}<#sep>,</#sep></#items>
      ]<#else>[]</#list>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "topics": <#list page.topics>[
<#items as t>
    {
      "id": ${(t.id?c)!"null"},
      "name": <@bi t.name "      "/>,
      "description": <#if t.description??><@bi t.description "      "/><#else>null</#if>,
      "turns": <@ids t.turnIds/>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "glossary": <#list page.glossary>[
<#items as g>
    {
      "id": ${(g.id?c)!"null"},
      "zh": ${(g.zh?c)!"null"},
      "pinyin": ${(g.pinyin?c)!"null"},
      "en": ${(g.en?c)!"null"},
      "note": ${(g.note?c)!"null"},
      "occurrences": ${g.occurrences?c}
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>
}
