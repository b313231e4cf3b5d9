// What every fuzz target checks of a document: the offset invariants of every layer.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "presslens/presslens.hpp"

namespace presslens::fuzz {

// Aborts, so that libFuzzer reports the input (assert() vanishes under NDEBUG).
inline void check(bool condition) {
  if (!condition) std::abort();
}

inline bool on_boundary(std::string_view text, std::uint32_t byte) {
  return byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
}

// Sentences in bounds, ordered, on code-point boundaries, inside a paragraph, round-tripping
// through the offset map; tokens, quotes (content, marks, speaker, cue), unpaired marks, title
// and authors in bounds on code-point boundaries; a marked quote's content inside its marks;
// quotes in text order.
inline void check_document(const Document& doc) {
  const std::string_view text = doc.text();
  check(!find_invalid_utf8(text));
  const auto valid = [&](Span span) {
    return span.begin <= span.end && span.end <= text.size() && on_boundary(text, span.begin) &&
           on_boundary(text, span.end);
  };
  std::uint32_t previous_end = 0;
  for (const auto& sentence : doc.sentences()) {
    const auto span = sentence.span;
    check(span.begin < span.end && valid(span) && previous_end <= span.begin);
    check(doc.to_bytes(doc.to_code_points(span.begin)) == span.begin);
    check(sentence.paragraph < doc.paragraphs().size());
    previous_end = span.end;
  }
  for (const auto& token : doc.tokens()) check(valid(token.span) && !token.span.empty());
  std::uint32_t previous_quote = 0;
  for (const auto& quote : doc.quotes()) {
    check(valid(quote.span) && valid(quote.marks) && valid(quote.speaker) && valid(quote.cue));
    if (!quote.marks.empty()) {
      check(quote.marks.begin <= quote.span.begin && quote.span.end <= quote.marks.end);
      check(previous_quote <= quote.marks.begin);
      previous_quote = quote.marks.begin;
    }
  }
  for (const auto at : doc.unpaired_quote_marks()) check(at < text.size() && on_boundary(text, at));
  if (const auto& title = doc.structure().title) check(valid(*title));
  for (const auto& author : doc.structure().authors) check(valid(author));
}

}  // namespace presslens::fuzz
