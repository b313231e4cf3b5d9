// Training the keyphrase ranker (keywords.hpp, detail/keyphrase_model.hpp): every candidate of
// every annotated document with its cues as keyphrases() computes them, positive when people
// picked it; an averaged perceptron over them, cross-validated by document, and the logistic curve
// fitted to the margins of documents the model did not see.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "detail/binary_training.hpp"
#include "detail/keyphrase_candidate.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"

namespace presslens {
namespace {

// A document's candidates: their features and labels, and the rules' scores.
struct Candidates {
  std::vector<detail::BinaryExample> examples;
  std::vector<double> rule_scores;
};

// The tools that read one language as analyze() does.
struct Reader {
  explicit Reader(const std::string& lang)
      : analyzer([&] {
          Options options;
          options.lang = lang;
          options.quotes = false;
          options.claims = false;
          return options;
        }()),
        extractor(analyzer.language(), Tokenizer(analyzer.language())) {}

  Analyzer analyzer;
  KeywordExtractor extractor;
};

// The share of the ten best-ranked candidates (by `score`) that are positive.
double precision_at_10(const Candidates& document, const std::vector<double>& score) {
  std::vector<std::size_t> order(score.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t top = std::min<std::size_t>(10, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      return score[a] != score[b] ? score[a] > score[b] : a < b;
                    });
  std::size_t right = 0;
  for (std::size_t i = 0; i < top; ++i) right += document.examples[order[i]].positive ? 1 : 0;
  return static_cast<double>(right) / 10.0;
}

}  // namespace

KeyphraseTraining train_keyphrase_model(std::span<const KeyphraseExample> examples,
                                        const KeyphraseTrainingOptions& options) {
  if (options.folds < 2) throw InvalidArgument("the calibration needs at least two folds");
  std::map<std::string, Reader, std::less<>> readers;
  std::vector<Candidates> documents;
  std::vector<detail::BinaryExample> all;
  KeyphraseTraining result;
  for (std::size_t d = 0; d < examples.size(); ++d) {
    const KeyphraseExample& example = examples[d];
    auto reader = readers.find(example.lang);
    if (reader == readers.end()) reader = readers.try_emplace(example.lang, example.lang).first;
    const Analyzer& analyzer = reader->second.analyzer;
    const KeywordExtractor& extractor = reader->second.extractor;
    std::unordered_set<std::string> gold;
    for (const std::string& phrase : example.keyphrases) gold.insert(extractor.phrase_key(phrase));
    const Document document = analyzer.analyze(example.text);
    const SyntaxParser* grammar = document.has_syntax() ? &analyzer.syntax() : nullptr;
    Candidates candidates;
    std::vector<std::uint64_t> features;
    const auto fold = static_cast<std::uint32_t>(d % options.folds);
    for (const detail::KeyphraseCandidate& candidate : extractor.candidates(document, grammar)) {
      features.clear();
      detail::keyphrase_features(candidate.cues, features);
      const bool positive = gold.contains(candidate.keyword.key);
      candidates.examples.push_back({features, positive, fold, true});
      candidates.rule_scores.push_back(candidate.keyword.score);
      all.push_back(candidates.examples.back());
      result.positives += positive ? 1 : 0;
    }
    result.candidates += candidates.examples.size();
    documents.push_back(std::move(candidates));
  }
  result.documents = documents.size();
  if (result.positives == 0) throw InvalidArgument("no candidate is one of the keyphrases given");

  const detail::BinaryTrainingOptions binary{options.epochs, options.seed, 1};
  std::vector<std::pair<float, bool>> margins;
  std::vector<std::vector<double>> held_out_margins(documents.size());
  for (std::uint32_t fold = 0; fold < options.folds; ++fold) {
    const detail::LinearModel model(detail::train_binary(all, fold, binary));
    for (std::size_t d = 0; d < documents.size(); ++d) {
      if (d % options.folds != fold) continue;
      for (const detail::BinaryExample& example : documents[d].examples) {
        const float margin = detail::binary_margin(model, example.features);
        margins.emplace_back(margin, example.positive);
        held_out_margins[d].push_back(margin);
      }
    }
  }
  const auto [slope, intercept] = detail::fit_logistic(margins);
  double log_loss = 0;
  for (const auto& [margin, positive] : margins) {
    const double p =
        detail::logistic(static_cast<float>(slope), static_cast<float>(intercept), margin);
    log_loss -= std::log(std::clamp(positive ? p : 1 - p, 1e-6, 1.0));
  }
  result.cv_log_loss = log_loss / static_cast<double>(std::max<std::size_t>(1, margins.size()));
  for (std::size_t d = 0; d < documents.size(); ++d) {
    result.cv_precision_at_10 += precision_at_10(documents[d], held_out_margins[d]);
    result.cv_rule_precision_at_10 += precision_at_10(documents[d], documents[d].rule_scores);
  }
  result.cv_precision_at_10 /= static_cast<double>(std::max<std::size_t>(1, documents.size()));
  result.cv_rule_precision_at_10 /= static_cast<double>(std::max<std::size_t>(1, documents.size()));
  result.model =
      detail::KeyphraseModel::serialise(detail::train_binary(all, detail::kAllFolds, binary),
                                        static_cast<float>(slope), static_cast<float>(intercept));
  return result;
}

}  // namespace presslens
