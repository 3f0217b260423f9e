<#-- Made only when edition.yaml gives base_url; read by search engines at a host's root only. -->
User-agent: *
Allow: /
Sitemap: ${site.baseUrl}sitemap.xml
