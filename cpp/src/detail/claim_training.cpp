// Training the is_claim model (claims.hpp, detail/claim_model.hpp): every labelled sentence read
// as the claims stage reads it, an averaged perceptron over its features, cross-validated by the
// examples' folds, the logistic curve fitted to the margins the models made on folds they did not
// see, and the threshold that maximised F1 on those probabilities.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "detail/binary_training.hpp"
#include "detail/claim_model.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"

namespace presslens {
namespace {

Analyzer sentence_reader(const std::string& lang) {
  Options options;
  options.lang = lang;
  options.detect_structure = false;  // each example is one sentence of body text
  options.quotes = false;
  return Analyzer(options);
}

// The threshold on `probabilities` that maximises F1 (ties: the higher), and that F1's
// precision and recall.
struct BestThreshold {
  float threshold = 0.5f;
  double precision = 0, recall = 0, f1 = 0;
};

BestThreshold best_threshold(const std::vector<std::pair<double, bool>>& scored) {
  std::vector<std::pair<double, bool>> ranked = scored;
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  const auto positives = static_cast<double>(
      std::count_if(ranked.begin(), ranked.end(), [](const auto& p) { return p.second; }));
  BestThreshold best;
  double hits = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    hits += ranked[i].second ? 1 : 0;
    // Only where the next probability differs can a threshold fall.
    if (i + 1 < ranked.size() && ranked[i + 1].first == ranked[i].first) continue;
    const double precision = hits / static_cast<double>(i + 1);
    const double recall = positives > 0 ? hits / positives : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    if (f1 > best.f1) {
      // Halfway to the next probability below, so that it generalises to unseen scores.
      const double below = i + 1 < ranked.size() ? ranked[i + 1].first : 0.0;
      best = {static_cast<float>(std::clamp((ranked[i].first + below) / 2, 1e-3, 0.999)), precision,
              recall, f1};
    }
  }
  return best;
}

// Expected calibration error over ten equal-width bins of probability.
double calibration_error(const std::vector<std::pair<double, bool>>& scored) {
  std::array<double, 10> confidence{}, positives{};
  for (const auto& [p, positive] : scored) {
    const auto bin = std::min<std::size_t>(9, static_cast<std::size_t>(p * 10));
    confidence[bin] += p;
    positives[bin] += positive ? 1 : 0;
  }
  double error = 0;
  for (std::size_t b = 0; b < 10; ++b) error += std::abs(confidence[b] - positives[b]);
  return scored.empty() ? 0 : error / static_cast<double>(scored.size());
}

}  // namespace

ClaimTraining train_claim_model(std::span<const ClaimExample> examples,
                                const ClaimTrainingOptions& options) {
  std::map<std::string, Analyzer, std::less<>> analyzers;
  std::vector<detail::BinaryExample> all;
  std::uint32_t folds = 0;
  ClaimTraining result;
  for (const ClaimExample& example : examples) {
    auto analyzer = analyzers.find(example.lang);
    if (analyzer == analyzers.end()) {
      analyzer = analyzers.try_emplace(example.lang, sentence_reader(example.lang)).first;
    }
    const Analyzer& reader = analyzer->second;
    const Document document = reader.analyze(example.text);
    if (document.sentences().empty()) throw InvalidArgument("an example without a sentence");
    // As Analyzer::read passes it with the default Options::syntax: a model that reads known
    // tags sees none under syntax=False.
    const SyntaxParser* grammar = reader.syntax().available() ? &reader.syntax() : nullptr;
    all.push_back({reader.claims().claim_features(document, document.sentences().front().span,
                                                  grammar, options.families),
                   example.is_claim, example.fold, true});
    folds = std::max(folds, example.fold + 1);
    result.positives += example.is_claim ? 1 : 0;
  }
  result.examples = all.size();
  if (folds < 2) throw InvalidArgument("the calibration needs examples in at least two folds");
  if (result.positives == 0 || result.positives == all.size()) {
    throw InvalidArgument("the examples need claims and sentences that are not");
  }

  const detail::BinaryTrainingOptions binary{options.epochs, options.seed, 1};
  std::vector<float> margins(all.size());
  for (std::uint32_t fold = 0; fold < folds; ++fold) {
    const detail::LinearModel model(detail::train_binary(all, fold, binary));
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].fold == fold) margins[i] = detail::binary_margin(model, all[i].features);
    }
  }
  std::vector<std::pair<float, bool>> labelled;
  for (std::size_t i = 0; i < all.size(); ++i) labelled.emplace_back(margins[i], all[i].positive);
  const auto [slope, intercept] = detail::fit_logistic(labelled);
  std::vector<std::pair<double, bool>> scored;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const double p =
        detail::logistic(static_cast<float>(slope), static_cast<float>(intercept), margins[i]);
    scored.emplace_back(p, all[i].positive);
    result.cv_probabilities.push_back(p);
    result.cv_log_loss -= std::log(std::clamp(all[i].positive ? p : 1 - p, 1e-6, 1.0));
  }
  result.cv_log_loss /= static_cast<double>(all.size());
  const BestThreshold best = best_threshold(scored);
  result.threshold = best.threshold;
  result.cv_precision = best.precision;
  result.cv_recall = best.recall;
  result.cv_f1 = best.f1;
  result.cv_calibration_error = calibration_error(scored);
  result.model = detail::ClaimModel::serialise(
      detail::train_binary(all, detail::kAllFolds, binary), static_cast<float>(slope),
      static_cast<float>(intercept), best.threshold, options.families);
  return result;
}

}  // namespace presslens
