<#ftl output_format="JSON">
<#-- edition.json: the whole edition as data. The layout is part of the contract: keep it stable. -->
<#setting c_format="JSON">
<#-- a string, or null (a missing value gets the default, which is not a string) -->
<#macro s v={}><#if v?is_string>${v?c}<#else>null</#if></#macro>
<#macro bi b pad>{
${pad}  "zh": <@s b.zh/>,
${pad}  "en": <@s b.en/>
${pad}}</#macro>
<#macro ids list>[<#list list as x>${x?c}<#sep>, </#list>]</#macro>
{
  "title": <@bi site.title "  "/>,
  "source": {
    "url": <@s site.source.url/>,
    "author": <@s site.source.author/>,
    "published": <@s site.source.published/>,
    "sha256": <@s site.source.sha256/>
  },
  "base_url": <@s site.baseUrl/>,
  "speakers": <#list page.speakers>[
<#items as sp>
    {
      "id": <@s sp.id/>,
      "name": <@bi sp.name "      "/>,
      "narrator": ${sp.narrator?c}
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "sections": <#list page.sections>[
<#items as sec>
    {
      "id": <@s sec.id/>,
      "title": <@bi sec.title "      "/>,
      "part": ${sec.part?c},
      "url": <@s sec.url/>,
      "turns": <#list sec.turns>[
<#items as t>
        {
          "id": <@s t.id/>,
          "speaker": <#if t.speaker??><@s t.speaker.id/><#else>null</#if>,
          "zh": <@s t.zh/>,
          "en": <@s t.en/>,
          "notes": <@ids t.notes?map(n -> n.id)/>,
          "topics": <@ids t.topics?map(x -> x.id)/><#if t.intervention??>,
          "intervention": {
            "kind": <@s t.intervention.kind/>,
            "source_speaker": <#if t.intervention.sourceSpeaker??><@s t.intervention.sourceSpeaker.id/><#else>null</#if>,
            "reason": <@s t.intervention.reason/>
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
      "id": <@s n.id/>,
      "kind": <@s n.kind/>,
      "turn": <@s n.turn/>,
      "section": <@s n.section.id/>,
      "quote": <@s n.quote/>,
      "text": <@s n.markdown/>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "topics": <#list page.topics>[
<#items as t>
    {
      "id": <@s t.id/>,
      "name": <@bi t.name "      "/>,
      "turns": <@ids t.turnIds/>
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>,
  "glossary": <#list page.glossary>[
<#items as g>
    {
      "id": <@s g.id/>,
      "zh": <@s g.zh/>,
      "pinyin": <@s g.pinyin/>,
      "en": <@s g.en/>,
      "occurrences": ${g.occurrences?c}
    }<#sep>,</#sep>
</#items>
  ]<#else>[]</#list>
}
