// Paragraphs: the blocks of a text between line breaks.
#pragma once

#include <string_view>
#include <vector>

#include "presslens/text.hpp"

namespace presslens {

// A paragraph: a block of text between line breaks, trimmed of surrounding white space.
struct Paragraph {
  Span span;
};

// Finds paragraphs in one linear pass. Scraped pages put each paragraph (and each menu item) on a
// line of its own, so a line break ends a paragraph, except where a hard-wrapped line runs on:
// a line of four words or more ends without closing punctuation and the next line starts with a
// lower-case letter.
// Line breaks are LF, CR LF, lone CR, NEL, U+2028 and U+2029; white-space-only lines separate.
class ParagraphSplitter {
 public:
  // `join_wrapped`: join hard-wrapped lines (off for text read from HTML, whose lines are its
  // blocks).
  std::vector<Paragraph> split(std::string_view text, bool join_wrapped = true) const;
};

}  // namespace presslens
