#include "detail/title_model.hpp"

#include <algorithm>

namespace presslens::detail {
namespace {

// Feature templates (the first argument of feature()); numbers are part of the model format.
enum Template : std::uint32_t {
  kBias = 1,
  kWords,
  kLast,
  kShape,
  kFromBody,
  kFromBodyWords,
  kRuleScore,
  kRuleRank,
  kRankRepeated,
  kBefore,
  kAfter,
};

// A candidate's word count: each of 1-3 apart, then 4-5, 6-8, 9-12, 13-20 and more. These steps
// suit headlines; the block model's line buckets (kLineWordBounds) chose right on 0.747 of the
// development pages in cross-validation, these on 0.776.
std::uint64_t word_bucket(std::uint32_t words) {
  static constexpr std::array<std::uint32_t, 8> kBounds = {1, 2, 3, 4, 6, 9, 13, 21};
  return bucket(words, kBounds);
}

// Lines before the body in steps that matter (right before it, in the header, far above), the
// first body paragraph as 0.
std::uint64_t distance_bucket(std::int32_t from_body) {
  if (from_body >= 0) return 100 + static_cast<std::uint64_t>(std::min(from_body, 2));
  const std::int32_t away = -from_body;
  return static_cast<std::uint64_t>(away <= 3 ? away : away <= 6 ? 4 : away <= 15 ? 5 : 6);
}

}  // namespace

void title_features(const TitleCues& c, std::vector<std::uint64_t>& out) {
  const std::uint64_t words = word_bucket(c.words);
  const std::uint64_t distance = distance_bucket(c.from_body);
  const std::uint64_t shape = (c.terminal ? 1 : 0) | (c.repeated ? 2 : 0) | (c.all_caps ? 4 : 0) |
                              (c.starts_lower ? 8 : 0) | (c.starts_digit ? 16 : 0) |
                              (c.first_lines ? 32 : 0);
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kWords, words, c.terminal ? 1 : 0));
  out.push_back(feature(kLast, static_cast<unsigned char>(c.last)));
  for (std::uint64_t bit = 1; bit < 64; bit <<= 1) {
    if ((shape & bit) != 0) out.push_back(feature(kShape, bit));
  }
  out.push_back(feature(kFromBody, distance));
  out.push_back(feature(kFromBodyWords, distance, words));
  out.push_back(
      feature(kRuleScore, static_cast<std::uint64_t>(std::clamp(c.rule_score, -8, 9) + 8)));
  const std::uint64_t rank = std::min<std::uint32_t>(c.rule_rank, 3);
  out.push_back(feature(kRuleRank, rank));
  out.push_back(feature(kRankRepeated, rank, c.repeated ? 1 : 0, distance));
  out.push_back(feature(kBefore, word_bucket(c.before_words), c.before_byline ? 1 : 0));
  out.push_back(feature(kAfter, word_bucket(c.after_words), c.after_byline ? 1 : 0));
}

}  // namespace presslens::detail
