// HTML input: the visible text of a web page, one line per block as a scraper saves it, the page's
// metadata, what its markup says about each line, and a map from the text back to the HTML.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/text.hpp"

namespace presslens {

// What Analyzer::analyze is given: plain text, an HTML page, or either (told by looks_like_html).
enum class InputFormat : std::uint8_t { kAuto, kText, kHtml };

const char* to_string(InputFormat format) noexcept;

// Whether `text` opens like an HTML document: after a byte-order mark, white space and comments,
// a doctype, <html>, <head> or <body> (any case), or another tag with one of those in the first
// 64 KB (saved pages that open with a stray <meta> or <style>). Prose does not open with a tag.
bool looks_like_html(std::string_view text) noexcept;

// What the page says about itself in its markup: <meta> (Open Graph, article:*, Dublin Core,
// author, date), JSON-LD (NewsArticle, Article, BlogPosting ...), <title>, <html lang>, <link
// rel=canonical>, <time datetime>. Empty strings where the page says nothing.
struct PageMetadata {
  std::string title;                 // og:title, else the JSON-LD headline, else <title>
  std::vector<std::string> authors;  // JSON-LD author names, else <meta name=author> and the like
  std::string date;                  // publication date as given (ISO 8601 on nearly every page)
  std::string site_name;             // og:site_name, JSON-LD publisher name
  std::string description;           // og:description, <meta name=description>
  std::string url;                   // <link rel=canonical>, else og:url
  std::string language;              // <html lang>, else og:locale or content-language
};

// Where a line of the extracted text sits in the page, as evidence for the article's structure.
struct PageBlock {
  enum Flag : std::uint16_t {
    kHeading = 1 << 0,     // h1-h6
    kTopHeading = 1 << 1,  // h1
    kLayout = 1 << 2,    // inside <nav>, <footer>, <aside>, <form>, a page <header>, or an element
                         // whose role is navigation, banner, contentinfo, complementary or search
    kArticle = 1 << 3,   // inside <article>, <main> or an element marked as the article's body
    kListItem = 1 << 4,  // inside <li>
    kQuote = 1 << 5,     // inside <blockquote>
    kCaption = 1 << 6,   // inside <figcaption> or <caption>
    kTime = 1 << 7,      // holds a <time> element
    kChromeClass = 1 << 8,  // inside the main content, in an element whose class or id names
                            // chrome (share, related, comments, tags, widget ...)
  };

  Span span;                     // the line in the extracted text
  std::uint32_t link_bytes = 0;  // how much of it is link text (inside <a href>)
  std::uint16_t flags = 0;
  // Whether the line lies inside the page's main content: the element whose paragraphs hold the
  // most prose (as Readability finds it), and nothing outside it.
  bool in_content = false;

  bool has(Flag flag) const noexcept { return (flags & flag) != 0; }
};

// Maps spans of the extracted text back to the HTML they were read from. Text copied from the
// page maps byte for byte; an entity (&amp;) maps to the whole reference; the spaces and line
// breaks the extraction puts between blocks map to the place in the markup where they stand.
class SourceMap {
 public:
  struct Run {
    std::uint32_t text_begin;    // where the run starts in the text
    std::uint32_t source_begin;  // [source_begin, source_end) in the HTML
    std::uint32_t source_end;
    bool exact;  // the run's text is the HTML's bytes (source_end - source_begin of them)
  };

  // The HTML bytes `text_span` was read from: a span of the HTML source, empty for an empty span.
  Span source(Span text_span) const noexcept;
  const std::vector<Run>& runs() const noexcept { return runs_; }

  // Builds the map; runs come in text order and, within the page, in source order.
  void add(Run run);

 private:
  std::uint32_t source_begin(std::uint32_t text_offset) const noexcept;
  std::uint32_t source_end(std::uint32_t text_offset) const noexcept;

  std::vector<Run> runs_;
};

// A page read: its text, its metadata, its blocks and the map back to the HTML.
struct HtmlPage {
  std::string text;  // one line per block element, white space collapsed as a browser does
  PageMetadata metadata;
  std::vector<PageBlock> blocks;  // one per line, in text order
  SourceMap source_map;
};

// What a document read from HTML keeps of its page: the metadata and the map back to the source.
struct HtmlSource {
  PageMetadata metadata;
  SourceMap source_map;
};

// Reads an HTML page (valid UTF-8, as Analyzer::analyze checks) with libxml2's HTML parser, which
// recovers from any markup: scripts, styles, templates, hidden elements and the <head> never
// reach the text; <br> and block elements end lines; table cells are separated by spaces. The
// page's own charset declaration is ignored (the input is UTF-8 already). Linear in the input.
HtmlPage read_html(std::string_view html);

// A document's text as the analyzer reads it (and the structure trainer, so that both see the
// same page): an HTML page (`format` kHtml, or kAuto and looks_like_html) read by read_html, or
// plain text as it is, in page.text.
struct PageInput {
  HtmlPage page;
  bool html = false;
  // Paragraphs of a scraped text may be wrapped over several lines; an HTML page's lines are its
  // blocks (ParagraphSplitter::split's join_wrapped).
  bool join_wrapped() const noexcept { return !html; }
};
PageInput read_input(std::string text, InputFormat format);

}  // namespace presslens
