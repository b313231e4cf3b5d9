// Training the language identifier (language_id.hpp): naive Bayes over letter sequences, counted
// from each language's words weighted by their frequencies.
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "detail/binary_io.hpp"
#include "detail/language_model.hpp"
#include "detail/letter_grams.hpp"
#include "detail/linear_model.hpp"
#include "presslens/error.hpp"
#include "presslens/language_id.hpp"

namespace presslens {
namespace {

// Word frequencies are relative (they sum to about 1): counted as if from a text of this many
// words, so that smoothing weighs the same for every language.
constexpr double kWordsPerLanguage = 1e6;

// Counts of each sequence per language, by the 32-bit key the model stores it under.
using Counts = std::map<std::uint32_t, std::vector<double>>;

void count_word(std::string_view word, double weight, std::size_t language, std::size_t languages,
                Counts& counts, std::vector<double>& totals) {
  detail::LetterGrams grams([&](std::uint64_t f) {
    auto& row = counts[detail::feature_key(f)];
    if (row.empty()) row.assign(languages, 0.0);
    row[language] += weight;
    totals[language] += weight;
  });
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(word.size());) {
    UChar32 c = 0;
    U8_NEXT(word.data(), i, static_cast<std::int32_t>(word.size()), c);
    if (c >= 0 && detail::is_word_letter(c)) {
      grams.push(c);
    } else {
      grams.end();
    }
  }
  grams.end();
}

}  // namespace

std::string train_language_identifier(const std::vector<WordFrequencies>& languages,
                                      double smoothing) {
  if (languages.empty() || languages.size() > 255) {
    throw InvalidArgument("a language identifier needs 1 to 255 languages");
  }
  if (!(smoothing > 0)) throw InvalidArgument("smoothing must be positive");
  const std::size_t width = languages.size();
  Counts counts;
  std::vector<double> totals(width, 0.0);
  std::vector<std::string> codes;
  for (std::size_t l = 0; l < width; ++l) {
    codes.push_back(languages[l].first);
    for (const auto& [word, frequency] : languages[l].second) {
      if (frequency > 0) count_word(word, frequency * kWordsPerLanguage, l, width, counts, totals);
    }
  }
  // log P(sequence | language) = log((count + a) / (total + a V)): a sequence the language never
  // saw scores log(a / (total + a V)), one it saw that plus log(1 + count / a), which is what the
  // rows hold (sparse: zero where the language never saw it).
  const double vocabulary = static_cast<double>(counts.size());
  std::vector<double> unseen(width);
  for (std::size_t l = 0; l < width; ++l) {
    unseen[l] = std::log(smoothing / (totals[l] + smoothing * vocabulary));
  }
  std::vector<std::uint32_t> keys;
  std::vector<float> rows;
  keys.reserve(counts.size());
  rows.reserve(counts.size() * width);
  for (const auto& [key, row] : counts) {
    keys.push_back(key);
    for (const double count : row) {
      rows.push_back(static_cast<float>(std::log1p(count / smoothing)));
    }
  }
  const detail::SparseRows sparse =
      detail::quantise_rows(keys, rows, static_cast<std::uint32_t>(width));
  // The rows' units: a weight of 1 is worth `scale`; unseen scores stay in natural log units.
  detail::ByteWriter out;
  out.put_string(detail::LanguageModel::kMagic);
  out.put<std::uint32_t>(detail::LanguageModel::kVersion);
  out.put_strings(codes);
  out.put_array(unseen);
  sparse.write(out);
  return out.take();
}

}  // namespace presslens
