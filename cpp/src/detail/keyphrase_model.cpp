#include "detail/keyphrase_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "detail/binary_io.hpp"
#include "detail/embedded_files.hpp"

namespace presslens::detail {
namespace {

// Feature templates (the first argument of feature()); numbers are part of the model format.
enum Template : std::uint32_t {
  kBias = 1,
  kWords,
  kCount,
  kFirst,
  kFirstWord,
  kSpread,
  kRarity,
  kCapitalised,
  kNominal,
  kDetermined,
  kKind,
  kRuleScore,
  kWordsCount,
  kWordsNominal,
  kWordsTitle,
  kCountFirst,
  kRarityWords,
  kCapitalisedWords,
  kRuleScoreWords,
  kNominalCapitalised,
  kKey,
  kLengthCount,
};

constexpr std::string_view kBuiltinPath = "mul/keyphrases.model";

// Counts in steps that matter for a document: once, twice, a few times, often.
std::uint64_t count_bucket(std::uint32_t count) {
  static constexpr std::array<std::uint32_t, 7> kBounds = {1, 2, 3, 5, 8, 15, 30};
  return bucket(count, kBounds);
}

// The first occurrence in words from the start: the headline and lede, the first paragraphs, on.
std::uint64_t first_word_bucket(std::uint32_t word) {
  static constexpr std::array<std::uint32_t, 7> kBounds = {10, 25, 50, 100, 200, 400, 800};
  return bucket(word, kBounds);
}

// The rules' score in half powers of two (scores run from below 1 to a few hundred).
std::uint64_t score_bucket(double score) {
  if (score <= 0) return 0;
  return static_cast<std::uint64_t>(std::clamp(std::floor(2 * std::log2(score)) + 10, 1.0, 40.0));
}

}  // namespace

std::uint8_t quarters(std::uint32_t part, std::uint32_t whole) {
  if (whole == 0) return 0;
  return static_cast<std::uint8_t>((4 * static_cast<std::uint64_t>(part) + whole / 2) / whole);
}

void keyphrase_features(const KeyphraseCues& c, std::vector<std::uint64_t>& out) {
  const std::uint64_t words = std::min<std::uint32_t>(c.words, 4);
  const std::uint64_t count = count_bucket(c.count);
  const std::uint64_t kind = (c.in_title ? 1 : 0) | (c.name ? 2 : 0) | (c.compound ? 4 : 0);
  const std::uint64_t score = score_bucket(c.rule_score);
  const std::size_t first = out.size();
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kWords, words));
  out.push_back(feature(kCount, count));
  out.push_back(feature(kFirst, c.first_tenth, c.in_title ? 1 : 0));
  out.push_back(feature(kFirstWord, first_word_bucket(c.first_word)));
  out.push_back(feature(kSpread, c.spread_tenth));
  out.push_back(feature(kRarity, c.rarity));
  out.push_back(feature(kCapitalised, c.capitalised));
  out.push_back(feature(kNominal, c.nominal));
  out.push_back(feature(kDetermined, c.determined));
  out.push_back(feature(kKind, kind));
  out.push_back(feature(kRuleScore, score));
  out.push_back(feature(kWordsCount, words, count));
  out.push_back(feature(kWordsNominal, words, c.nominal));
  out.push_back(feature(kWordsTitle, words, c.in_title ? 1 : 0));
  out.push_back(feature(kCountFirst, count, c.first_tenth));
  out.push_back(feature(kRarityWords, c.rarity, words));
  out.push_back(feature(kCapitalisedWords, c.capitalised, words));
  out.push_back(feature(kRuleScoreWords, score, words));
  out.push_back(feature(kNominalCapitalised, c.nominal, c.capitalised));
  out.push_back(feature(kKey, c.key));
  out.push_back(feature(kLengthCount, first_word_bucket(c.document_words), count));
  // Each again for the language: what its annotators favour, where the model was trained on it.
  const std::size_t last = out.size();
  for (std::size_t i = first; i < last; ++i) out.push_back(mix64(out[i] ^ c.lang));
}

KeyphraseModel::KeyphraseModel(std::string_view bytes, std::string_view source)
    : KeyphraseModel(ByteReader(bytes, source)) {}

KeyphraseModel::KeyphraseModel(ByteReader&& in) : CalibratedModel(in, kMagic, kVersion) {
  if (!in.at_end()) in.fail("bytes after its end");
}

const KeyphraseModel* KeyphraseModel::builtin() {
  return embedded_model<KeyphraseModel>(kBuiltinPath);
}

std::string KeyphraseModel::serialise(const SparseRows& rows, float slope, float intercept) {
  ByteWriter out;
  write(out, kMagic, kVersion, rows, slope, intercept);
  return out.take();
}

}  // namespace presslens::detail
