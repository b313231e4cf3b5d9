// Quotations: quoted passages found by pairing quotation marks, each classified (speech, partial
// quote, scare quote, title) and attributed to its speaker and cue where the text says; and
// reported speech without marks ("X said that ...").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

class SyntaxParser;

class Document;

namespace detail {
class QuoteResources;
class SpeakerLexicon;
}  // namespace detail

enum class QuoteKind : std::uint8_t {
  kDirect,    // a speaker's own words, usually a whole sentence or more
  kPartial,   // a quoted fragment inside the writer's sentence, attributed
  kScare,     // a term held at a distance: the "China threat" theory, so-called "experts"
  kTitle,     // the title of a book, film, report, law
  kIndirect,  // reported speech without marks: "X said that ..."
  // A belief, plan, intention or refusal reported without marks: "X believes ...", "X wants
  // ...", "X refused to ...". Not speech: counts of quotes by speaker leave it out.
  kStance,
};

const char* to_string(QuoteKind kind) noexcept;

// What the speaker is, as far as the document tells (docs/quotes.md, "Who the speaker is").
enum class SpeakerType : std::uint8_t {
  kUnknown,
  kPerson,        // a name with a given name or a title, a role, "he" or "she"
  kOrganisation,  // a company, ministry, police, party, newspaper ...
};

const char* to_string(SpeakerType type) noexcept;

// How the speaker's name was found: the rule that decided.
enum class SpeakerResolution : std::uint8_t {
  kNone,     // no name: the text never names the speaker, or no speaker
  kName,     // the speaker phrase holds the name ("Kishida" -> "Fumio Kishida")
  kPronoun,  // a pronoun stands for the nearest compatible person named before it
  kRole,     // a role ("the minister") stands for the person named with that role
};

const char* to_string(SpeakerResolution resolution) noexcept;

struct Quote {
  Span span;   // the quoted words: inside the marks, or the reported clause
  Span marks;  // opening to closing mark, both included (empty for indirect speech)
  // The quoted words piece by piece when the attribution interrupts them ("A," he said, "B."):
  // `span` then runs from the first piece's start to the last one's end. Empty for one piece.
  std::vector<Span> parts;
  QuoteKind kind = QuoteKind::kDirect;
  Span speaker;   // who, as written ("he", "Deputy Mayor Tomas Reyes"); empty if unknown
  Span cue;       // the speech verb or "according to" that attributes it; may be empty
  Span kind_cue;  // what decided a title or scare quote ("report", "so-called"); may be empty
  // The speaker's name at its fullest in the document, titles left out: "Prime Minister Fumio
  // Kishida" gives "Fumio Kishida", and so do a later "Kishida", "he" or "the prime minister".
  // A span of the text, possibly far from the quote; empty when the text never names the speaker.
  Span speaker_name;
  SpeakerType speaker_type = SpeakerType::kUnknown;
  SpeakerResolution resolution = SpeakerResolution::kNone;
  // The speaker's surname from the resolved name ("kishida"), to group one speaker's quotes;
  // the phrase folded for a speaker the text never names ("the fire chief"); empty for a
  // pronoun nobody named stands for.
  std::string speaker_key;
  std::uint32_t sentence = kNoSentence;  // the sentence the quote starts in
};

// The quoted words piece by piece: the parts, or the one span.
inline std::span<const Span> pieces(const Quote& quote) noexcept {
  return quote.parts.empty() ? std::span<const Span>(&quote.span, 1)
                             : std::span<const Span>(quote.parts);
}

struct Quotes {
  std::vector<Quote> quotes;                  // in text order
  std::vector<std::uint32_t> unpaired_marks;  // byte offsets of marks left unpaired
};

// What a sentence holds of the quotes.
struct SentenceQuotes {
  std::vector<std::uint32_t> quotes;  // indices into Document::quotes() of those overlapping it
  // The share of its characters that are a speaker's quoted words (direct and partial quotes; scare
  // quotes, titles and reported speech are the writer's words).
  float quoted_share = 0;
  bool mostly_quoted() const noexcept { return quoted_share > 0.5f; }
};

// One entry per sentence of the document; linear in its sentences and quotes.
std::vector<SentenceQuotes> sentence_quotes(const Document& document);

// Pairs quotation marks in the body (straight and curly quotes, „ “ and ‚ ‘, « » and ‹ ›
// in either direction, 「 」 and 『 』, and the title marks 《 》 and 〈 〉), telling apostrophes
// from single quotes, with nesting and the multi-paragraph convention; a mark left open never
// reaches past its paragraph unless the next paragraph reopens the quote. Then classifies and
// attributes each quote with the pack's speech verbs and title cues, and finds reported speech.
// Linear in the text; look-back is bounded to the quote's sentence and the two before it.
// Immutable; serves any number of threads.
class QuoteFinder {
 public:
  QuoteFinder(const LanguagePack& language, Tokenizer tokenizer);

  // With a `syntax` parser, speakers are checked against the grammar of their cues' sentences
  // (docs/quotes.md): a speaker that is no noun phrase ("twice", "Wednesday") gives way to the
  // cue verb's subject, or is dropped.
  Quotes find(const Document& document, const SyntaxParser* syntax = nullptr) const;

 private:
  Tokenizer tokenizer_;
  std::shared_ptr<const detail::QuoteResources> resources_;
  std::shared_ptr<const detail::SpeakerLexicon> speakers_;
};

}  // namespace presslens
