// Quotations: quoted passages found by pairing quotation marks, each classified (speech, partial
// quote, scare quote, title) and attributed to its speaker and cue where the text says; and
// reported speech without marks ("X said that ...").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
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
struct CueCandidate;
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

// What decided that a passage is a quote: its quotation marks, the rules reading a cue of the
// pack's lists, or the learned cue model accepting a word the lists lack (docs/quotes.md).
enum class QuoteSource : std::uint8_t {
  kMarks,  // paired quotation marks
  kRules,  // reported speech after a listed speech or stance verb, or "according to"
  kModel,  // reported speech after a word the cue model took for a cue
};

const char* to_string(QuoteSource source) noexcept;

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
  QuoteSource source = QuoteSource::kMarks;
  // The cue model's probability that the cue attributes the passage, where it read the cue
  // (reported speech in a language whose pack has a cue model); empty elsewhere.
  std::optional<float> confidence;
};

// The quoted words piece by piece: the parts, or the one span.
inline std::span<const Span> pieces(const Quote& quote) noexcept {
  return quote.parts.empty() ? std::span<const Span>(&quote.span, 1)
                             : std::span<const Span>(quote.parts);
}

// Whether a quote is speech, which counts for its speaker: direct, partial and indirect; scare
// quotes and titles are the writer's, stances no speech.
inline bool is_speech(const Quote& quote) noexcept {
  return quote.kind == QuoteKind::kDirect || quote.kind == QuoteKind::kPartial ||
         quote.kind == QuoteKind::kIndirect;
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

  // The words the pack's cue model reads in `document` (the candidate cues of reported speech)
  // with what it reads of each, as find() reads them; empty without a cue model. For training.
  std::vector<detail::CueCandidate> cue_candidates(const Document& document) const;

 private:
  Quotes read(const Document& document, const SyntaxParser* syntax,
              std::vector<detail::CueCandidate>* candidates) const;

  Tokenizer tokenizer_;
  std::shared_ptr<const detail::QuoteResources> resources_;
  std::shared_ptr<const detail::SpeakerLexicon> speakers_;
};

// A document with what annotators marked of its attributions, to train the cue model on: the
// cues ("said", "according to", "endorsed") and the words each reports (UTF-8 byte offsets into
// `text`).
struct CueExample {
  std::string text;
  std::string lang = "en";
  std::vector<Span> cues;
  std::vector<Span> reports;
  std::uint32_t fold = 0;  // cross-validation fold (calibration, and `leave_out`)
};

struct CueTrainingOptions {
  unsigned epochs = 8;
  std::uint64_t seed = 1;
  std::uint32_t min_cues = 3;     // a word joins the lexicon when marked a cue this often
  float min_cue_share = 0.1f;     // and in at least this share of its occurrences
  float accept = 0.6f;            // stored in the model: CueModel::accept()
  float veto = 0.3f;              // CueModel::veto()
  std::uint32_t leave_out = ~0u;  // a fold left out of training (to score the model on it)
};

struct CueTraining {
  std::string model;  // the model file's bytes (cpp/data/<lang>/cues.model)
  std::size_t documents = 0;
  std::size_t candidates = 0;
  std::size_t positives = 0;         // reports that are annotated attributions
  std::vector<std::string> lexicon;  // words the lists lack that joined the lexicon, sorted
  double cv_log_loss = 0;            // of the calibrated probabilities, each fold read by a model
  double cv_precision = 0;           // trained without it; precision and recall of p >= accept
  double cv_recall = 0;              // among the reports the rules read
};

// Trains a language's cue model (all examples share its language) on annotated documents: its
// lexicon (from the cues), then an averaged perceptron over every report the rules read from a
// listed verb or a lexicon word (as find() reads it), positive when its words are those of an
// annotated attribution, calibrated on the margins of folds it was not trained on.
// Deterministic. Throws InvalidArgument when there are fewer than two folds or no positive.
CueTraining train_cue_model(std::span<const CueExample> examples,
                            const CueTrainingOptions& options = {});

}  // namespace presslens
