// Claims: how check-worthy each body sentence is (a learned, calibrated score), what kinds of
// claim it makes, how hedged it is, and whose claim it is.
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
class ClaimResources;
}

enum class ClaimKind : std::uint8_t {
  kStatistical,   // numbers, percentages, money, quantities
  kComparative,   // than, more, most, first, only, rankings
  kCausal,        // because, due to, leads to, as a result
  kPredictive,    // will, is expected to, likely, by 2030
  kNormative,     // should, must, need to, it is necessary
  kEvaluative,    // judgement words: wrong, successful, unfortunate
  kFactualEvent,  // a dated past event with named participants
};

const char* to_string(ClaimKind kind) noexcept;

struct KindCue {
  ClaimKind kind;
  Span cue;  // the words that decided it
};

struct Claim {
  std::uint32_t sentence = 0;  // index into Document::sentences()
  double score = 0;            // check-worthiness in [0, 1]
  bool is_claim = false;       // score at or above the threshold, and not a question or wish
  std::vector<KindCue> kinds;
  std::vector<Span> hedges;    // "may", "perhaps"
  std::vector<Span> boosters;  // "clearly", "undoubtedly"
  std::vector<Span> cues;      // the words that raised the score most
  Span speaker;                // empty: the author's claim; else the quoted speaker
  std::string speaker_key;
};

// Scores every body sentence with a logistic-regression model over hashed word n-grams and cue
// features (cpp/data/en/claim_model.txt, trained by tools/train_claims.py; languages without a
// model of their own use one over language-independent features). Immutable; thread-safe.
class ClaimScorer {
 public:
  ClaimScorer(const LanguagePack& language, Tokenizer tokenizer);

  // One entry per sentence, in order.
  std::vector<Claim> score(const Document& document) const;
  // The hashed feature indices of text[span] (for training), one per occurrence: with `words`,
  // the word and word-pair features of a language model; without, the language-independent ones.
  std::vector<std::uint32_t> features(const Document& document, Span span, bool words) const;
  double threshold() const noexcept;
  bool has_language_model() const noexcept;

 private:
  Tokenizer tokenizer_;
  std::shared_ptr<const detail::ClaimResources> resources_;
};

}  // namespace presslens
