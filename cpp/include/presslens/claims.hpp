// Claims: how check-worthy each body sentence is (a learned, calibrated score), what kinds of
// claim it makes, how hedged it is, and whose claim it is.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

class Document;
class SyntaxParser;

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

// Two decisions on every sentence, each a calibrated probability with a threshold chosen by
// cross-validation (docs/claims.md): whether it is a factual claim worth checking (the
// fact-checkers' sense, learned from debates), and whether it asserts anything arguable or
// checkable at all (an analyst's sense, learned from op-eds and news in six languages).
struct Claim {
  std::uint32_t sentence = 0;  // index into Document::sentences()
  double score = 0;           // check-worthiness: the probability that fact-checkers would check it
  bool check_worthy = false;  // score at or above the check-worthiness threshold, and not `rule`d
  double claim_score = 0;     // the probability that it asserts something arguable or checkable
  bool is_claim = false;      // claim_score at or above the claim threshold, and not `rule`d out
  // Why the sentence is neither, whatever its scores; empty when the scores decided: "question",
  // "exhortation, wish or address" (a listed opening), "proverb".
  std::string_view rule;
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

  // One entry per sentence, in order. `grammar` (the analyzer's, or null) tells the claim model
  // the part of speech of the words the treebank only ever tagged one way.
  std::vector<Claim> score(const Document& document, const SyntaxParser* grammar) const;
  // The hashed feature indices of text[span] (for training), one per occurrence: with `words`,
  // the word and word-pair features of a language model; without, the language-independent ones.
  std::vector<std::uint32_t> features(const Document& document, Span span, bool words) const;
  // The is_claim model's features of text[span] from the ClaimFeatureFamily bits `families`
  // (for training it).
  std::vector<std::uint64_t> claim_features(const Document& document, Span span,
                                            const SyntaxParser* grammar,
                                            std::uint32_t families) const;
  double threshold() const noexcept;        // check-worthiness
  double claim_threshold() const noexcept;  // is_claim
  bool has_language_model() const noexcept;

 private:
  Tokenizer tokenizer_;
  std::shared_ptr<const detail::ClaimResources> resources_;
};

// The feature families the is_claim model reads (a bit set, stored in the model): each can be
// left out in training to measure what it adds (tools/train_claim_model.py --families).
enum ClaimFeatureFamily : std::uint32_t {
  kClaimShape = 1,      // how the sentence ends, its length
  kClaimCues = 2,       // kinds, hedges, boosters, openings, proverbs, numbers, names
  kClaimTags = 4,       // the known parts of speech of its first words and of all its words
  kClaimWords = 8,      // its first word, and every word
  kClaimCheck = 16,     // the check-worthiness model's probability
  kClaimLanguage = 32,  // every feature again, conjoined with the language
  kAllClaimFeatures = 63,
};

struct ClaimExample {
  std::string text;  // one sentence (or a few: the first one's reading counts)
  std::string lang;  // a language pack's code
  bool is_claim = false;
  std::uint32_t fold = 0;  // cross-validation fold
};

struct ClaimTrainingOptions {
  unsigned epochs = 10;
  std::uint64_t seed = 1;
  std::uint32_t families = kClaimShape | kClaimCues;  // the best by cross-validation
};

struct ClaimTraining {
  std::string model;  // the model file's bytes (cpp/data/mul/claims.model)
  std::size_t examples = 0;
  std::size_t positives = 0;
  // Cross-validated over the examples' folds, at the threshold chosen from them: precision,
  // recall and F1 of the claim class, and the log loss and expected calibration error of the
  // calibrated probabilities.
  double cv_precision = 0;
  double cv_recall = 0;
  double cv_f1 = 0;
  double cv_log_loss = 0;
  double cv_calibration_error = 0;
  float threshold = 0.5f;
  std::vector<double> cv_probabilities;  // each example's, from the model trained without its fold
};

// Trains the is_claim model on labelled sentences: an averaged perceptron over claim_features,
// its margins on held-out folds calibrated (Platt scaling) and the threshold that maximises F1 on
// them. The same examples and options give the same bytes.
ClaimTraining train_claim_model(std::span<const ClaimExample> examples,
                                const ClaimTrainingOptions& options = {});

}  // namespace presslens
