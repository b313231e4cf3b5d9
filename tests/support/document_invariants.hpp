// The offset contract every Document keeps, checked layer by layer; shared by the C++ tests and
// the fuzz targets.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "presslens/presslens.hpp"

namespace presslens::testing {

// The first broken invariant, described; empty when the document keeps them all: sentences in
// bounds, ordered, on code-point boundaries, inside a paragraph, round-tripping through the offset
// map, and covering every body paragraph but for white space; tokens, syntactic words (inside
// their tokens, heads in their sentence), phrases, quotes (content, marks,
// speaker, cue), unpaired marks, title and authors in bounds on code-point boundaries; a marked
// quote's content inside its marks; quotes in text order. `parse` false leaves the syntax layer
// unmade (and unchecked), for texts too large to parse in a test's time.
inline std::string first_violation(const Document& doc, bool parse = true) {
  const std::string_view text = doc.text();
  if (find_invalid_utf8(text)) return "the text is not valid UTF-8";
  const auto on_boundary = [&](std::uint32_t byte) {
    return byte == text.size() ||
           (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80);
  };
  const auto valid = [&](Span span) {
    return span.begin <= span.end && span.end <= text.size() && on_boundary(span.begin) &&
           on_boundary(span.end);
  };
  // Between sentences only white space and invisible format characters (a stray U+FEFF) may go.
  const auto blank = [&](std::uint32_t from, std::uint32_t to) {
    for (std::int32_t i = static_cast<std::int32_t>(from); i < static_cast<std::int32_t>(to);) {
      UChar32 c = 0;
      U8_NEXT(text.data(), i, static_cast<std::int32_t>(to), c);
      if (!u_isUWhiteSpace(c) && u_charType(c) != U_FORMAT_CHAR) return false;
    }
    return true;
  };
  std::uint32_t previous_end = 0;
  std::uint32_t paragraph_covered = 0;
  std::size_t paragraph = SIZE_MAX;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& sentence = doc.sentences()[s];
    const Span span = sentence.span;
    const std::string at = "sentence " + std::to_string(s) + ": ";
    if (!(span.begin < span.end && valid(span))) return at + "span out of bounds or mid-character";
    if (span.begin < previous_end) return at + "overlaps the one before";
    if (doc.to_bytes(doc.to_code_points(span.begin)) != span.begin) return at + "offset map";
    if (sentence.paragraph >= doc.paragraphs().size()) return at + "no such paragraph";
    const Span inside = doc.paragraphs()[sentence.paragraph].span;
    if (!(inside.begin <= span.begin && span.end <= inside.end))
      return at + "outside its paragraph";
    if (sentence.paragraph != paragraph) {
      if (paragraph != SIZE_MAX &&
          !blank(paragraph_covered, doc.paragraphs()[paragraph].span.end)) {
        return at + "the paragraph before lost text";
      }
      paragraph = sentence.paragraph;
      paragraph_covered = inside.begin;
    }
    if (!blank(paragraph_covered, span.begin)) return at + "text lost before it";
    paragraph_covered = span.end;
    previous_end = span.end;
  }
  if (paragraph != SIZE_MAX && !blank(paragraph_covered, doc.paragraphs()[paragraph].span.end)) {
    return "the last paragraph lost text";
  }
  for (const auto& token : doc.tokens()) {
    if (!valid(token.span) || token.span.empty()) return "a token out of bounds";
    if (token.key >= doc.keys().size()) return "a token without a key";
  }
  // Reading the syntax layer makes it: pathological inputs and the fuzzers reach the parser too.
  const Syntax unparsed;
  const Syntax& syntax = parse ? doc.syntax() : unparsed;
  const auto in_strings = [&](TextRef ref) {
    return ref.begin <= syntax.strings.size() && ref.size <= syntax.strings.size() - ref.begin;
  };
  for (const auto& word : syntax.words) {
    if (!valid(word.span) || word.span.empty() || word.token >= doc.tokens().size()) {
      return "a word out of bounds";
    }
    const Span token = doc.tokens()[word.token].span;
    if (word.span.begin < token.begin || word.span.end > token.end)
      return "a word outside its token";
    if (word.head != kNoHead &&
        (word.head >= syntax.words.size() || syntax.words[word.head].sentence != word.sentence)) {
      return "a head outside its sentence";
    }
    if (!(in_strings(word.form) && in_strings(word.lemma) && in_strings(word.feats) &&
          in_strings(word.relation)) ||
        word.lemma.size == 0 || word.relation.size == 0) {
      return "a word's strings out of bounds";
    }
  }
  for (const auto* phrases : {&syntax.noun_chunks, &syntax.names}) {
    for (const auto& phrase : *phrases) {
      if (!valid(phrase.span) || phrase.first >= phrase.end || phrase.end > syntax.words.size() ||
          phrase.head < phrase.first || phrase.head >= phrase.end) {
        return "a phrase out of bounds";
      }
    }
  }
  std::uint32_t previous_quote = 0;
  for (const auto& quote : doc.quotes()) {
    if (!(valid(quote.span) && valid(quote.marks) && valid(quote.speaker) && valid(quote.cue))) {
      return "a quote span out of bounds";
    }
    if (quote.marks.empty()) continue;
    if (!(quote.marks.begin <= quote.span.begin && quote.span.end <= quote.marks.end)) {
      return "a quote's content outside its marks";
    }
    if (quote.marks.begin < previous_quote) return "quotes out of text order";
    previous_quote = quote.marks.begin;
  }
  for (const auto at : doc.unpaired_quote_marks()) {
    if (!(at < text.size() && on_boundary(at))) return "an unpaired mark out of bounds";
  }
  if (const auto& title = doc.structure().title; title && !valid(*title)) return "the title";
  for (const auto& author : doc.structure().authors) {
    if (!valid(author)) return "an author span";
  }
  return {};
}

// For the fuzz targets: aborts, so that libFuzzer keeps the input, when an invariant breaks.
inline void abort_on_violation(const Document& doc) {
  if (!first_violation(doc).empty()) std::abort();
}

// The first broken invariant of a document read from `html`, described; empty when it keeps
// them all: the document's own, and a source map whose runs stay in order inside the text and
// the page, exact runs repeating the page's bytes, and every text span mapping inside the page.
inline std::string first_html_violation(const Document& doc, std::string_view html) {
  if (std::string violation = first_violation(doc); !violation.empty()) return violation;
  if (doc.html() == nullptr) return "the document has no HTML source";
  const std::string_view text = doc.text();
  const auto& runs = doc.html()->source_map.runs();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const SourceMap::Run& run = runs[r];
    const std::uint32_t end =
        r + 1 < runs.size() ? runs[r + 1].text_begin : static_cast<std::uint32_t>(text.size());
    const std::string at = "source run " + std::to_string(r) + ": ";
    if (run.text_begin > end || end > text.size()) return at + "out of order or past the text";
    if (run.source_begin > run.source_end || run.source_end > html.size())
      return at + "outside the page";
    if (run.exact && text.substr(run.text_begin, end - run.text_begin) !=
                         html.substr(run.source_begin, run.source_end - run.source_begin)) {
      return at + "an exact run that is not the page's bytes";
    }
  }
  for (const Paragraph& paragraph : doc.paragraphs()) {
    const Span source = doc.html()->source_map.source(paragraph.span);
    if (source.begin > source.end || source.end > html.size()) return "a paragraph maps outside";
  }
  return {};
}

inline void abort_on_html_violation(const Document& doc, std::string_view html) {
  if (!first_html_violation(doc, html).empty()) std::abort();
}

}  // namespace presslens::testing
