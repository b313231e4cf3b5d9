#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "document_invariants.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/html.hpp"

namespace presslens {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The HTML that the text span [begin, end) was read from.
std::string source_of(const HtmlPage& page, const std::string& html, std::size_t begin,
                      std::size_t end) {
  const Span source =
      page.source_map.source({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  return html.substr(source.begin, source.size());
}

TEST(LooksLikeHtml, TellsPagesFromProse) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF  \n<!doctype HTML>"));
  EXPECT_TRUE(looks_like_html("<!-- saved from url -->\n<HTML lang=en>"));
  EXPECT_TRUE(looks_like_html("<?xml version=\"1.0\"?><html xmlns=\"x\">"));
  EXPECT_TRUE(looks_like_html("<head><title>t</title></head>"));
  EXPECT_TRUE(looks_like_html("<body>"));
  EXPECT_FALSE(looks_like_html("The <b>bold</b> claim, in prose."));
  EXPECT_FALSE(looks_like_html("<p>A fragment</p>"));
  EXPECT_TRUE(looks_like_html("\t<meta property=\"og:type\" content=\"article\" />\n<html>"));
  EXPECT_TRUE(looks_like_html("<br />\n<b>Warning</b>: old PHP\n<!DOCTYPE html><html>"));
  EXPECT_FALSE(looks_like_html("A sentence that mentions <html> and <body> tags."));
  EXPECT_FALSE(looks_like_html("<htmlish>"));
  EXPECT_FALSE(looks_like_html("<!-- a comment that never ends"));
  EXPECT_FALSE(looks_like_html(""));
}

TEST(ReadHtml, VisibleTextOneLinePerBlock) {
  const std::string html =
      "<html><head><title>T</title><style>p{}</style><script>var s='<p>no</p>';</script></head>"
      "<body><h1>Head  line</h1><p>One   <b>bold</b>\n word.</p><div hidden>secret</div>"
      "<p style=\"display: none\">gone</p><span class=\"sr-only\">reader only</span>"
      "<p>a<br>b</p><table><tr><td>x</td><td>y</td></tr></table><noscript>n</noscript>"
      "<template><p>t</p></template><pre>k  1\nk  2</pre></body></html>";
  const HtmlPage page = read_html(html);
  EXPECT_EQ(lines(page.text), (std::vector<std::string>{"Head line", "One bold word.", "a", "b",
                                                        "x y", "k  1", "k  2"}));
  ASSERT_EQ(page.blocks.size(), 7u);
  EXPECT_TRUE(page.blocks[0].has(PageBlock::kTopHeading));
  EXPECT_EQ(page.text.substr(page.blocks[1].span.begin, page.blocks[1].span.size()),
            "One bold word.");
}

TEST(ReadHtml, EntitiesDecodedAndMappedWhole) {
  const std::string html = "<html><body><p>Fish &amp; chips &#8212; caf&eacute;&nbsp;x</p>";
  const HtmlPage page = read_html(html);
  EXPECT_EQ(page.text, "Fish & chips \xE2\x80\x94 caf\xC3\xA9\xC2\xA0x");
  const std::size_t amp = page.text.find('&');
  EXPECT_EQ(source_of(page, html, amp, amp + 1), "&amp;");
  EXPECT_EQ(source_of(page, html, 0, 4), "Fish");
  const std::size_t dash = page.text.find("\xE2\x80\x94");
  EXPECT_EQ(source_of(page, html, dash, dash + 3), "&#8212;");
  EXPECT_EQ(source_of(page, html, 0, page.text.size()),
            "Fish &amp; chips &#8212; caf&eacute;&nbsp;x");
}

TEST(ReadHtml, MapsEveryCopiedByteExactly) {
  const std::string html =
      "<!DOCTYPE html><html><body><p>港口重新开放。🌊 <a href=\"/x\">link</a></p>\r\n"
      "<p>Second\r\nline</p></body></html>";
  const HtmlPage page = read_html(html);
  EXPECT_EQ(lines(page.text), (std::vector<std::string>{"港口重新开放。🌊 link", "Second line"}));
  for (const SourceMap::Run& run : page.source_map.runs()) {
    ASSERT_LE(run.source_end, html.size());
  }
  const std::size_t wave = page.text.find("🌊");
  EXPECT_EQ(source_of(page, html, wave, wave + 4), "🌊");
  const std::size_t link = page.text.find("link");
  EXPECT_EQ(source_of(page, html, link, link + 4), "link");
  EXPECT_EQ(page.blocks[0].link_bytes, 4u);
}

// libxml2 reads markup as browsers do, but for a named reference without its semicolon, which
// it keeps as written ("&amp no").
TEST(ReadHtml, BrokenMarkupRecovers) {
  const HtmlPage page = read_html(
      "<html><body><p>Open <b>bold <i>both</b> after</i><p>Next<div>Inner</span></div>"
      "<p>Unclosed &amp no semicolon &bogus; <3 & done");
  EXPECT_EQ(lines(page.text),
            (std::vector<std::string>{"Open bold both after", "Next", "Inner",
                                      "Unclosed &amp no semicolon &bogus; <3 & done"}));
}

TEST(ReadHtml, NulBytesAndEmptyPages) {
  const std::string with_nul("<html><body><p>a\0b</p><p>c</p></body></html>", 44);
  const HtmlPage page = read_html(with_nul);
  EXPECT_EQ(lines(page.text), (std::vector<std::string>{"a b", "c"}));
  EXPECT_EQ(read_html("").text, "");
  EXPECT_EQ(read_html("<html><head><title>Only a title</title></head></html>").text, "");
  EXPECT_EQ(read_html("<html><head><title>Only a title</title></head></html>").metadata.title,
            "Only a title");
}

TEST(ReadHtml, DeepNestingAndHugePagesStayLinear) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div><span>";
  deep += "bottom";
  const HtmlPage nested = read_html(deep);
  EXPECT_NE(nested.text.find("bottom"), std::string::npos);

  std::string huge = "<!DOCTYPE html><html><body>";
  const std::string paragraph =
      "<p>Councillors voted, after a long night, to keep the library open &amp; staffed.</p>\n";
  while (huge.size() < 50'000'000) huge += paragraph;
  const HtmlPage page = read_html(huge);
  EXPECT_EQ(page.blocks.size(), (huge.size() - 27) / paragraph.size());
  const Span last = page.blocks.back().span;
  EXPECT_EQ(source_of(page, huge, last.begin, last.end),
            "Councillors voted, after a long night, to keep the library open &amp; staffed.");
}

TEST(ReadHtml, MetadataFromMetaJsonLdAndTime) {
  const std::string html = R"(<html lang="de"><head>
    <title>Fallback | Site</title>
    <meta property="og:title" content="Der Titel">
    <meta name="author" content="Meta Author">
    <meta property="og:site_name" content="Die Zeitung">
    <link rel="canonical" href="https://example.org/a">
    <script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"},
       {"@type": ["NewsArticle"], "headline": "LD headline", "datePublished": "2024-05-24T11:10:00+02:00",
        "author": [{"@type": "Person", "name": "Anna Schmidt"}, {"name": "Paul Weber"}],
        "publisher": {"@type": "Organization", "name": "Verlag"}}]}
    </script><script type="application/ld+json">{not json</script></head>
    <body><time datetime="2020-01-01">old</time></body></html>)";
  const PageMetadata m = read_html(html).metadata;
  EXPECT_EQ(m.title, "Der Titel");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Anna Schmidt", "Paul Weber"}));
  EXPECT_EQ(m.date, "2024-05-24T11:10:00+02:00");
  EXPECT_EQ(m.site_name, "Die Zeitung");
  EXPECT_EQ(m.url, "https://example.org/a");
  EXPECT_EQ(m.language, "de");

  const PageMetadata bare =
      read_html(
          "<html><head><title>Plain &amp; simple</title></head><body><a rel=\"author\" "
          "href=\"/u\">Lin Wu</a><time datetime=\"2021-02-03\">x</time></body></html>")
          .metadata;
  EXPECT_EQ(bare.title, "Plain & simple");
  EXPECT_EQ(bare.authors, (std::vector<std::string>{"Lin Wu"}));
  EXPECT_EQ(bare.date, "2021-02-03");

  // Site plugins date the web page, not an article node: that date, above a <time> element.
  const PageMetadata page_only =
      read_html(
          "<html><head><script type=\"application/ld+json\">{\"@graph\": [{\"@type\": "
          "\"WebPage\", \"datePublished\": \"2014-03-17T01:44:37+00:00\"}]}</script></head>"
          "<body><time datetime=\"2020-01-01\">x</time></body></html>")
          .metadata;
  EXPECT_EQ(page_only.date, "2014-03-17T01:44:37+00:00");
}

TEST(ReadHtml, LayoutAndContentEvidence) {
  const std::string html =
      "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
      "<div><article><h1>Storm closes the pier</h1>"
      "<p>The pier closed on Monday after a storm, and engineers said it would stay shut.</p>"
      "<p>Repairs, which the council approved, will take weeks, officials said on Tuesday.</p>"
      "<div class=\"share-bar\"><a href=/s>Share this story</a></div></article>"
      "<aside><p>Most read: a long list of other stories, headlines, and teasers for you.</p>"
      "</aside></div><footer>Contact us</footer></body></html>";
  const HtmlPage page = read_html(html);
  const auto block = [&](const std::string& text) {
    for (const PageBlock& b : page.blocks) {
      if (page.text.substr(b.span.begin, b.span.size()) == text) return b;
    }
    ADD_FAILURE() << "no block " << text;
    return PageBlock{};
  };
  EXPECT_TRUE(block("Home World").has(PageBlock::kLayout));
  EXPECT_TRUE(block("Contact us").has(PageBlock::kLayout));
  EXPECT_TRUE(block("Storm closes the pier").has(PageBlock::kArticle));
  const PageBlock lead =
      block("The pier closed on Monday after a storm, and engineers said it would stay shut.");
  EXPECT_TRUE(lead.in_content);
  EXPECT_FALSE(lead.has(PageBlock::kLayout));
  EXPECT_TRUE(block("Share this story").has(PageBlock::kChromeClass));
  const PageBlock aside =
      block("Most read: a long list of other stories, headlines, and teasers for you.");
  EXPECT_FALSE(aside.in_content);
  EXPECT_TRUE(aside.has(PageBlock::kLayout));
}

Options html_options() {
  Options options;
  options.format = InputFormat::kHtml;
  return options;
}

constexpr const char* kArticlePage = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="iso-8859-1">
<title>Harbour wall to be rebuilt | Coast Courier</title>
<meta property="og:title" content="Harbour wall to be rebuilt">
<meta property="article:published_time" content="2026-04-08T07:45:00Z">
<meta name="author" content="Mara Lindqvist"></head>
<body><header><a href="/">Coast Courier</a><nav><a href="/news">News</a> | <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Harbour wall to be rebuilt</h1>
<p class="byline">By Mara Lindqvist</p>
<p>The harbour wall, damaged in the February storms, will be rebuilt over the summer, the council said on Tuesday.</p>
<p>"We cannot wait for another winter," said Ines Albrecht, who chairs the harbour board. Work starts in May.</p>
<p>The repairs, costing &pound;4.2m, will close the east quay to boats for eleven weeks, and fishing crews will moor at the old pier.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">New school opens</a></li></ul></aside>
<footer><p>&copy; 2026 Coast Courier. All rights reserved.</p></footer></body></html>)";

TEST(AnalyzeHtml, PageDatesKeepTheirTimeZone) {
  const Analyzer analyzer(html_options());
  const std::pair<std::string, std::string> cases[] = {
      {"2024-05-24T11:10:00+02:00", "2024-05-24T11:10+02:00"},
      {"2024-05-24T11:10:00.000-0500", "2024-05-24T11:10-05:00"},
      {"2024-05-24T23:10Z", "2024-05-24T23:10+00:00"},
      {"2024-05-24T11:10:00", "2024-05-24T11:10"},    // no zone given: none invented
      {"2024-05-24T11:10:00+2", "2024-05-24T11:10"},  // a malformed zone is left out
      {"2024-05-24", "2024-05-24"},
  };
  for (const auto& [given, expected] : cases) {
    const std::string page =
        "<html><head><meta property=\"article:published_time\" content=\"" + given +
        "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
        "<h1>Harbour wall to be rebuilt</h1><p>The council will rebuild the storm-damaged harbour "
        "wall over the summer, its leader said on Friday.</p><p>Work is due to start in May and "
        "to end before the autumn storms.</p></article></body></html>";
    EXPECT_EQ(analyzer.analyze(page).structure().date, expected) << given;
  }
}

// A timestamp one day off the date the page shows is the same moment in another zone: the page's
// own day stands. Further apart, the metadata wins (the text's date may be an event's).
TEST(AnalyzeHtml, APageKeepsItsLocalDayAgainstAStampInAnotherZone) {
  const Analyzer analyzer(html_options());
  const auto page = [](std::string_view stamp) {
    return "<html><head><meta property=\"article:published_time\" content=\"" + std::string(stamp) +
           "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
           "<article><h1>Harbour wall to be rebuilt</h1><p>By Ana Ruiz | 3 May 2022</p><p>The "
           "council will rebuild the storm-damaged harbour wall over the summer, its leader said "
           "on Friday.</p><p>Work is due to start in May and to end before the autumn "
           "storms.</p></article></body></html>";
  };
  const Document late = analyzer.analyze(page("2022-05-04T00:44:52Z"));
  EXPECT_EQ(late.structure().date, "2022-05-03");
  ASSERT_TRUE(late.structure().date_span);
  EXPECT_EQ(late.text(*late.structure().date_span), "3 May 2022");
  EXPECT_NE(late.structure().date_source, ChoiceSource::kMarkup);
  const Document far = analyzer.analyze(page("2022-05-09T10:00:00Z"));
  EXPECT_EQ(far.structure().date, "2022-05-09T10:00+00:00");
  EXPECT_EQ(far.structure().date_source, ChoiceSource::kMarkup);
  const Document day = analyzer.analyze(page("2022-05-04"));  // no time: no zone to differ
  EXPECT_EQ(day.structure().date, "2022-05-04");
  // 18:00 UTC is 4 May in every zone from UTC-12 to UTC+14: the page's 3 May is another date.
  const Document evening = analyzer.analyze(page("2022-05-04T18:00:00Z"));
  EXPECT_EQ(evening.structure().date, "2022-05-04T18:00+00:00");
}

TEST(AnalyzeHtml, StructureFromTheMarkup) {
  const Analyzer analyzer(html_options());
  const Document doc = analyzer.analyze(kArticlePage);
  ASSERT_NE(doc.html(), nullptr);
  EXPECT_EQ(testing::first_html_violation(doc, kArticlePage), "");
  const Structure& s = doc.structure();
  ASSERT_TRUE(s.title);
  EXPECT_EQ(doc.text(*s.title), "Harbour wall to be rebuilt");
  EXPECT_EQ(s.title_source, TitleSource::kMarkup);
  EXPECT_EQ(s.date, "2026-04-08T07:45+00:00");  // "…T07:45:00Z": the page's time zone kept
  EXPECT_EQ(s.date_source, ChoiceSource::kMarkup);
  ASSERT_EQ(s.authors.size(), 1u);
  EXPECT_EQ(doc.text(s.authors[0]), "Mara Lindqvist");
  ASSERT_EQ(s.body.size(), 3u);
  EXPECT_TRUE(doc.text(doc.paragraphs()[s.body[0]].span).starts_with("The harbour wall"));
  for (const Boilerplate& b : s.boilerplate) {
    const std::string_view text = doc.text(doc.paragraphs()[b.paragraph].span);
    EXPECT_EQ(text.find("harbour wall"), std::string_view::npos) << text;
  }
  // The quote and its speaker map back to the page.
  const auto direct = std::find_if(doc.quotes().begin(), doc.quotes().end(),
                                   [](const Quote& q) { return q.kind == QuoteKind::kDirect; });
  ASSERT_NE(direct, doc.quotes().end());
  const Quote& quote = *direct;
  const Span source = doc.html()->source_map.source(quote.span);
  EXPECT_EQ(std::string_view(kArticlePage).substr(source.begin, source.size()),
            "We cannot wait for another winter,");
  EXPECT_EQ(doc.text(quote.speaker), "Ines Albrecht");
  EXPECT_EQ(doc.html()->metadata.title, "Harbour wall to be rebuilt");
}

TEST(AnalyzeHtml, FormatAutoDetectsPagesAndLeavesTextAlone) {
  const Analyzer automatic;
  EXPECT_NE(automatic.analyze(kArticlePage).html(), nullptr);
  const Document prose = automatic.analyze("A <b>tag</b> in prose is text.");
  EXPECT_EQ(prose.html(), nullptr);
  EXPECT_EQ(prose.text(), "A <b>tag</b> in prose is text.");
  Options text_only;
  text_only.format = InputFormat::kText;
  const Document raw = Analyzer(text_only).analyze(kArticlePage);
  EXPECT_EQ(raw.html(), nullptr);
  EXPECT_EQ(raw.text(), kArticlePage);
}

TEST(AnalyzeHtml, PageWithoutAnArticleAndInvalidBytes) {
  const Analyzer analyzer(html_options());
  const std::string menu =
      "<html><body><nav><a href=/>Home</a></nav><ul><li><a href=/a>A</a></li></ul></body></html>";
  const Document doc = analyzer.analyze(menu);
  EXPECT_EQ(testing::first_html_violation(doc, menu), "");
  EXPECT_TRUE(doc.structure().body.empty());
  EXPECT_THROW(analyzer.analyze("<html><body>\xFF</body></html>"), InvalidUtf8);
  Options replacing = html_options();
  replacing.utf8_policy = Utf8Policy::kReplace;
  const Document repaired = Analyzer(replacing).analyze("<html><body><p>ok \xFF ok</p></body>");
  EXPECT_EQ(repaired.text(), "ok \xEF\xBF\xBD ok");
  EXPECT_EQ(repaired.replacements(), 1u);
  EXPECT_EQ(Analyzer(html_options()).analyze("").text(), "");
}

}  // namespace
}  // namespace presslens
