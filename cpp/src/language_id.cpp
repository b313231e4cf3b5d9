#include "presslens/language_id.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "detail/binary_io.hpp"
#include "detail/embedded_files.hpp"
#include "detail/language_model.hpp"
#include "detail/letter_grams.hpp"
#include "detail/linear_model.hpp"

namespace presslens {

namespace {

constexpr std::string_view kBuiltinPath = "mul/languages.model";
// A long text is read in this many windows, evenly spread.
constexpr std::size_t kWindows = 2;
constexpr std::size_t kWindowBytes = LanguageIdentifier::kSampleBytes / kWindows;
// The probabilities: naive Bayes' log-likelihoods divided by the number of sequences read and
// multiplied by this (the sequences of a word are far from independent, so the raw posterior
// would be certain of everything); chosen so that the probability matches the share of right
// guesses on development text (docs/language-id.md).
constexpr double kConfidenceSharpness = 16.0;

std::string_view builtin_model() {
  for (const auto& file : detail::embedded_files()) {
    if (file.path == kBuiltinPath) return file.contents;
  }
  throw LanguagePackError("the built-in language identification model is missing");
}

// Starts of the windows read from `text`: all of it when short, else kWindows windows evenly
// spread (each moved to a code point boundary).
std::vector<std::pair<std::size_t, std::size_t>> windows(std::string_view text) {
  if (text.size() <= LanguageIdentifier::kSampleBytes) return {{0, text.size()}};
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::size_t stride = (text.size() - kWindowBytes) / (kWindows - 1);
  for (std::size_t w = 0; w < kWindows; ++w) {
    std::size_t begin = w * stride;
    while (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
    out.emplace_back(begin, std::min(text.size(), begin + kWindowBytes));
  }
  return out;
}

// Each language's probability for `text`, or nothing for a text without letters.
std::vector<double> probabilities(const detail::LanguageModel& model, std::string_view text) {
  const std::size_t width = model.languages.size();
  std::vector<double> log_likelihood(width, 0.0);
  std::vector<std::int32_t> window_scores(width);
  std::vector<std::uint64_t> features;
  std::size_t sequences = 0;
  for (const auto& [begin, end] : windows(text)) {
    // Scores add up per window in 32 bits (a window's sequences cannot overflow them).
    features.clear();
    detail::LetterGrams grams([&](std::uint64_t f) { features.push_back(f); });
    bool first_word = begin > 0;  // a window may open inside a word: skip that part
    for (auto i = static_cast<std::int32_t>(begin); i < static_cast<std::int32_t>(end);) {
      UChar32 c = 0;
      U8_NEXT(text.data(), i, static_cast<std::int32_t>(end), c);
      if (c >= 0 && detail::is_word_letter(c)) {
        if (!first_word) grams.push(c);
      } else {
        grams.end();
        first_word = false;
      }
    }
    if (end == text.size()) grams.end();
    std::fill(window_scores.begin(), window_scores.end(), 0);
    model.rows.add_scores(features, window_scores);
    for (std::size_t l = 0; l < width; ++l) {
      log_likelihood[l] += window_scores[l] * static_cast<double>(model.rows.scale());
    }
    sequences += features.size();
  }
  if (sequences == 0) return {};
  double best = -INFINITY;
  for (std::size_t l = 0; l < width; ++l) {
    log_likelihood[l] += static_cast<double>(sequences) * model.unseen[l];
    best = std::max(best, log_likelihood[l]);
  }
  double total = 0;
  for (double& value : log_likelihood) {
    value = std::exp((value - best) / static_cast<double>(sequences) * kConfidenceSharpness);
    total += value;
  }
  for (double& value : log_likelihood) value /= total;
  return log_likelihood;
}

}  // namespace

const LanguageIdentifier& LanguageIdentifier::builtin() {
  static const LanguageIdentifier identifier(builtin_model());
  return identifier;
}

LanguageIdentifier::LanguageIdentifier(std::string_view bytes) {
  detail::ByteReader in(bytes, "language identifier");
  if (in.get_string() != detail::LanguageModel::kMagic) {
    in.fail("not a presslens language identifier");
  }
  if (in.get<std::uint32_t>() != detail::LanguageModel::kVersion) {
    in.fail("a model version this presslens cannot read");
  }
  auto model = std::make_shared<detail::LanguageModel>();
  model->languages = in.get_strings();
  model->unseen = in.get_array<double>();
  const detail::SparseRows rows = detail::SparseRows::read(in);
  if (model->languages.empty() || model->languages.size() > 255 ||
      model->unseen.size() != model->languages.size() || rows.width != model->languages.size()) {
    in.fail("its languages and rows do not agree");
  }
  if (!in.at_end()) in.fail("bytes after its end");
  model->rows = detail::LinearModel(rows);
  model_ = std::move(model);
}

std::span<const std::string> LanguageIdentifier::languages() const noexcept {
  return model_->languages;
}

std::vector<LanguageGuess> LanguageIdentifier::rank(std::string_view text) const {
  const std::vector<double> p = probabilities(*model_, text);
  std::vector<LanguageGuess> ranked;
  for (std::size_t l = 0; l < p.size(); ++l) ranked.push_back({model_->languages[l], p[l]});
  // Most likely first; equal ones in the model's order, so results are deterministic.
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const LanguageGuess& a, const LanguageGuess& b) { return a.confidence > b.confidence; });
  return ranked;
}

LanguageGuess LanguageIdentifier::identify(std::string_view text) const {
  const std::vector<double> p = probabilities(*model_, text);
  if (p.empty()) return {};
  const auto best = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
  return {model_->languages[best], p[best]};
}

}  // namespace presslens
