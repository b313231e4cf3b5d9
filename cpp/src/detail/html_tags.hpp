// What presslens needs to know about each HTML element (does it end a line, hide its content,
// frame page chrome or the article), and HTML's own white space and case rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace presslens::detail {

enum HtmlTagFlag : std::uint32_t {
  kTagBlock = 1 << 0,    // starts and ends a line (p, div, li, h1 ...)
  kTagHidden = 1 << 1,   // its content is never shown as text (script, style, head, template ...)
  kTagBreak = 1 << 2,    // a line break of its own (br)
  kTagLayout = 1 << 3,   // page chrome by its nature (nav, footer, aside, form)
  kTagHeader = 1 << 4,   // a header: chrome for the page, not inside an article
  kTagArticle = 1 << 5,  // article, main
  kTagHeading = 1 << 6,  // h1-h6
  kTagTopHeading = 1 << 7,    // h1
  kTagListItem = 1 << 8,      // li, dt, dd
  kTagQuote = 1 << 9,         // blockquote
  kTagCaption = 1 << 10,      // figcaption, caption
  kTagCell = 1 << 11,         // td, th: separated by a space within their row's line
  kTagPre = 1 << 12,          // pre: white space kept, its line breaks end lines
  kTagLink = 1 << 13,         // a
  kTagTime = 1 << 14,         // time
  kTagTitle = 1 << 15,        // the document's <title>
  kTagMeta = 1 << 16,         // meta
  kTagLinkElement = 1 << 17,  // link (rel=canonical)
  kTagScript = 1 << 18,       // script (JSON-LD lives in one)
  kTagRoot = 1 << 19,         // html, body: their classes say nothing about a line
  kTagParagraph = 1 << 20,    // p, and elements that hold paragraphs the way p does (pre, td)
};

// The flags of an element by its lower-case name (libxml2 lower-cases HTML names); 0 for an
// inline or unknown element.
std::uint32_t html_tag_flags(std::string_view name) noexcept;

// HTML's white space, which a browser collapses; U+00A0 and other spaces are text.
inline bool is_html_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// `text` in ASCII lower case: HTML's names and keyword values (rel, type, role, class) match
// ASCII case-insensitively.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace presslens::detail
