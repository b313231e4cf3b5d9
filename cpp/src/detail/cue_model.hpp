// The learned part of finding reported speech: a linear model on the shared runtime that says
// whether a report the rules read ("X said that ...", "X endorsed ...") is an attribution an
// analyst would mark, from its cue word in context ("said", "endorsed", "wants", against "the
// polls show", "his hopes") and the report's shape (its speaker, its clause, their order). The
// pack's speech and stance verbs are the rules' cues: the model vetoes the reports of those it
// finds unlikely. The words of its own lexicon (the words annotators marked as cues that the lists
// lack) are read as cues too: the model accepts the reports it finds likely. Surface features only
// (words, their quote-list classes, commas, quotation marks), so that a decision costs a few
// table lookups and no parse. Trained by tools/train_cues.py; stored as docs/model-format.md says.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detail/calibrated_model.hpp"
#include "presslens/text.hpp"

namespace presslens::detail {

// What the cue model knows of one candidate word, in small values.
struct CueCues {
  enum Flag : std::uint32_t {
    kListed = 1 << 0,          // a speech or stance verb of the pack
    kStance = 1 << 1,          // a stance verb of the pack
    kVerbForm = 1 << 2,        // read as a verb by the rules (not "the proposed rule")
    kTelling = 1 << 3,         // "told", "tell": a listener may come first
    kCapitalised = 1 << 4,     // written with a capital
    kInMarkedQuote = 1 << 5,   // inside quotation marks
    kSentenceMarked = 1 << 6,  // its sentence holds quotation marks
    kThatFollows = 1 << 7,     // a complementiser within the next words
    kCommaBefore = 1 << 8,
    kCommaAfter = 1 << 9,
    kParticiple = 1 << 10,  // "saying", "adding"
  };

  std::uint32_t flags = 0;
  // Hashes of the folded words (hash_text of the document's keys; 0 where there is none).
  std::uint64_t word = 0;
  std::uint64_t previous = 0;
  std::uint64_t before_previous = 0;
  std::uint64_t next = 0;
  std::uint64_t after_next = 0;
  std::uint32_t previous_classes = 0;  // WordClass bits of the word before and after
  std::uint32_t next_classes = 0;
  std::uint8_t previous_shape = 0;  // CueShape of the tokens before and after
  std::uint8_t next_shape = 0;
  std::uint8_t words_before = 0;  // tokens of its sentence before it, bucketed
  std::uint8_t words_after = 0;   // and after it
  // The report the rules read from it.
  std::uint8_t speaker = 0;         // ReportSpeaker
  std::uint8_t layout = 0;          // ReportLayout
  std::uint8_t speaker_words = 0;   // bucketed
  std::uint8_t content_words = 0;   // bucketed
  std::uint64_t content_first = 0;  // hash of the reported clause's first word
  std::uint64_t content_last = 0;   // and of its last token
  std::uint8_t speaker_gap = 0;     // tokens between the speaker and the cue, bucketed
  std::uint64_t suffix = 0;         // hash of the cue word's last two letters ("ed", "ts")

  bool has(Flag flag) const noexcept { return (flags & flag) != 0; }
};

// What the speaker of a report is.
enum ReportSpeaker : std::uint8_t {
  kNoSpeaker = 0,
  kPronounSpeaker,      // "he", "elle"
  kUnresolvedSpeaker,   // "I", "we", "it"
  kRelativeSpeaker,     // "who"
  kCapitalisedSpeaker,  // "Maria Vance", "The ministry" (first word capitalised)
  kLowerSpeaker,        // "officials", "the fire brigade"
};

// Where the reported words stand against the cue.
enum ReportLayout : std::uint8_t {
  kClauseAfter = 0,  // "X said (that) CLAUSE"
  kClauseBefore,     // "CLAUSE, X said"
  kClauseAround,     // "Many, he said, have ..."
};

// What a neighbouring token looks like.
enum CueShape : std::uint8_t {
  kNoToken = 0,
  kLowerWord,
  kCapitalisedWord,
  kNumber,
  kComma,
  kQuotationMark,
  kOtherPunctuation,
};

// A word the cue model read, and what it read of it (QuoteFinder::cue_candidates).
struct CueCandidate {
  Span word;
  Span report;  // the words reported
  CueCues cues;
};

// The hashed features of a candidate, appended to `out`.
void cue_features(const CueCues& cues, std::vector<std::uint64_t>& out);

class CueModel : public CalibratedModel {
 public:
  static constexpr std::string_view kMagic = "presslens cue model";
  static constexpr std::uint32_t kVersion = 1;

  // Reads a model file; throws LanguagePackError when it is not one. `source` names it in errors.
  CueModel(std::string_view bytes, std::string_view source);

  // Words the lists lack that may attribute (keys as Tokenizer::key gives them).
  const std::vector<std::string>& lexicon() const noexcept { return lexicon_; }
  // The probability at or above which a lexicon word is taken as a cue, and below which a
  // listed verb is not: chosen by cross-validation on quotation F1 (tools/train_cues.py).
  float accept() const noexcept { return accept_; }
  float veto() const noexcept { return veto_; }

  static std::string serialise(const SparseRows& rows, float slope, float intercept,
                               const std::vector<std::string>& lexicon, float accept, float veto);

 private:
  explicit CueModel(ByteReader&& in);

  std::vector<std::string> lexicon_;
  float accept_ = 1;
  float veto_ = 0;
};

}  // namespace presslens::detail
