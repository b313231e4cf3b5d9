// Keywords: counts of normalised terms and n-grams over a document's title and body, and ranked
// keyphrases.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/syntax.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

class Document;

namespace detail {
class KeywordResources;
struct KeyphraseCandidate;
}  // namespace detail

// Which words count, with regard to quotations (the marked quotes of Document::quotes()).
enum class QuotedMatter : std::uint8_t { kInclude, kExclude, kOnly };

struct KeywordOptions {
  std::uint32_t min_words = 1;  // n-gram sizes counted
  std::uint32_t max_words = 3;
  bool stem = true;            // Snowball stems ("relations" and "relation" count as one)
  bool names = true;           // capitalised names longer than max_words count whole
  bool compound_parts = true;  // "Japan-China" also counts "japan" and "china"
  // Count the writer's words and the quoted ones (kInclude), only the writer's (kExclude) or
  // only the quoted (kOnly). Reported speech without marks counts as the writer's.
  QuotedMatter quoted = QuotedMatter::kInclude;
};

// What decided a keyphrase's score.
enum class Ranking : std::uint8_t {
  kNone,   // a counted term (count()), not ranked
  kModel,  // the learned ranker: the score is the probability that a reader picks it
  kRules,  // the rules' score (a language without background frequencies, or no ranker model)
};
const char* to_string(Ranking ranking) noexcept;  // "", "model", "rules"

struct Keyword {
  std::string key;  // the normalised words (stemmed when asked), joined by single spaces
  Span first;       // where it first occurs (a keyphrase: first as a noun phrase, when tagged)
  std::uint32_t count = 0;
  std::uint32_t words = 0;
  double score = 0;  // keyphrase score (keyphrases() only)
  Ranking ranked_by = Ranking::kNone;
};

// A document with the keyphrases people picked for it, to train the keyphrase ranker on.
struct KeyphraseExample {
  std::string text;  // plain text or HTML, as analyze() reads it
  std::string lang;  // a language pack's code
  std::vector<std::string> keyphrases;
};

struct KeyphraseTrainingOptions {
  unsigned epochs = 10;  // the best of 3, 5, 10 and 20 by cross-validation
  unsigned folds = 5;    // documents are cross-validated by their index modulo folds
  std::uint64_t seed = 1;
};

struct KeyphraseTraining {
  std::string model;  // the model file's bytes (cpp/data/mul/keyphrases.model)
  std::size_t documents = 0;
  std::size_t candidates = 0;
  std::size_t positives = 0;  // candidates whose key is one of the document's keyphrases'
  // Cross-validated over documents: the share of the ten best candidates that people picked, by
  // the model and by the rules' score, and the model's log loss per candidate.
  double cv_precision_at_10 = 0;
  double cv_rule_precision_at_10 = 0;
  double cv_log_loss = 0;
};

// Trains the keyphrase ranker on annotated documents: each candidate keyphrase (as keyphrases()
// finds them, with the syntax layer's tags where the language has a model) is an example, positive
// when its key is the phrase_key() of one of the document's keyphrases. Deterministic. Throws
// InvalidArgument for fewer than two folds or no positive candidate, InvalidUtf8 for bad text.
KeyphraseTraining train_keyphrase_model(std::span<const KeyphraseExample> examples,
                                        const KeyphraseTrainingOptions& options = {});

// Counts terms and ranks keyphrases. Words are keyed by Tokenizer::key; stopwords (the pack's
// stopwords.txt) are never counted alone and never begin or end an n-gram; n-grams never cross a
// sentence or a punctuation mark. Immutable; serves any number of threads.
class KeywordExtractor {
 public:
  KeywordExtractor(const LanguagePack& language, Tokenizer tokenizer);

  // Every term of the document, most frequent first (ties: earliest first).
  std::vector<Keyword> count(const Document& document, const KeywordOptions& options = {}) const;

  // The `top` keyphrases, best first: candidates are the n-grams and names above, scored by a
  // learned ranker (the probability that a reader picks the candidate, from how rare its words
  // are in general language, how often and how early they occur, the headline, whether it is a
  // name, and the rules' score), or by the rules' score where no ranker model is loaded; a phrase
  // inside a better-ranked phrase is left out, and a name, a compound or a phrase holding every
  // occurrence of a word stands for that word. See docs/keywords.md.
  // With a `grammar` (the document's language's tagger), a candidate must be a noun phrase or a
  // name in at least one of its occurrences: no verb, adverb, pronoun or determiner heads it.
  std::vector<Keyword> keyphrases(const Document& document, std::size_t top = 10,
                                  const SyntaxParser* grammar = nullptr) const;

  bool is_stopword(std::string_view key) const;

  // The key a phrase is counted under: its words keyed and stemmed as count() keys them ("Oil
  // spills" -> "oil spill", "China's" -> "china"), joined by single spaces; what Corpus statistics
  // and keyphrases are keyed by.
  std::string phrase_key(std::string_view phrase) const;

 private:
  friend KeyphraseTraining train_keyphrase_model(std::span<const KeyphraseExample> examples,
                                                 const KeyphraseTrainingOptions& options);
  // The keyphrase candidates of a document, with the rules' scores and the ranker's cues.
  std::vector<detail::KeyphraseCandidate> candidates(const Document& document,
                                                     const SyntaxParser* grammar) const;

  Tokenizer tokenizer_;
  std::shared_ptr<const detail::KeywordResources> resources_;
};

}  // namespace presslens
