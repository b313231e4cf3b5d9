// Quotations: quoted passages found by pairing quotation marks, each classified (speech, partial
// quote, scare quote, title) and attributed to its speaker and cue where the text says; and
// reported speech without marks ("X said that ...").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

class Document;

namespace detail {
class QuoteResources;
}

enum class QuoteKind : std::uint8_t {
  kDirect,    // a speaker's own words, usually a whole sentence or more
  kPartial,   // a quoted fragment inside the writer's sentence, attributed
  kScare,     // a term held at a distance: the "China threat" theory, so-called "experts"
  kTitle,     // the title of a book, film, report, law
  kIndirect,  // reported speech without marks: "X said that ..."
};

const char* to_string(QuoteKind kind) noexcept;

struct Quote {
  Span span;   // the quoted words: inside the marks, or the reported clause
  Span marks;  // opening to closing mark, both included (empty for indirect speech)
  QuoteKind kind = QuoteKind::kDirect;
  Span speaker;   // who, as written ("he", "Deputy Mayor Tomas Reyes"); empty if unknown
  Span cue;       // the speech verb or "according to" that attributes it; may be empty
  Span kind_cue;  // what decided a title or scare quote ("report", "so-called"); may be empty
  std::string speaker_key;  // the speaker's surname (pronouns resolved), to group speakers
  std::uint32_t sentence = kNoSentence;  // the sentence the quote starts in
};

struct Quotes {
  std::vector<Quote> quotes;                  // in text order
  std::vector<std::uint32_t> unpaired_marks;  // byte offsets of marks left unpaired
};

// Pairs quotation marks in the body (straight and curly quotes, „ “ and ‚ ‘, « » and ‹ ›
// in either direction, 「 」 and 『 』), telling apostrophes from single quotes, with nesting and
// the multi-paragraph convention; a mark left open never reaches past its paragraph unless the
// next paragraph reopens the quote. Then classifies and attributes each quote with the pack's
// speech verbs and title cues, and finds reported speech. Linear in the text; look-back is
// bounded to the quote's sentence and the two before it. Immutable; serves any number of threads.
class QuoteFinder {
 public:
  QuoteFinder(const LanguagePack& language, Tokenizer tokenizer);

  Quotes find(const Document& document) const;

 private:
  Tokenizer tokenizer_;
  std::shared_ptr<const detail::QuoteResources> resources_;
};

}  // namespace presslens
