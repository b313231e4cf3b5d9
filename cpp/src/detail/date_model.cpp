#include "detail/date_model.hpp"

#include <algorithm>
#include <array>

#include "detail/candidate_chooser.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {
namespace {

// Feature templates (the first argument of feature()); numbers are part of the model format.
enum Template : std::uint32_t {
  kBias = 1,
  kWords,
  kShape,
  kFromTitle,
  kFromTitleWords,
  kBody,
  kBodyOpener,
  kPosition,
  kFirstWord,
  kWordBefore,
  kOrder,
  kRecency,
  kSameDay,
  kYearsBefore,
  kRuleChoice,
  kOrderRecency,
};

std::uint64_t word_bucket(std::uint32_t words) {
  static constexpr std::array<std::uint32_t, 8> kBounds = {2, 3, 4, 6, 9, 13, 18, 26};
  return bucket(words, kBounds);
}

std::uint64_t small(std::uint32_t value, std::uint32_t most) { return std::min(value, most); }

}  // namespace

void date_features(const DateCues& c, std::vector<std::uint64_t>& out) {
  const std::uint64_t words = word_bucket(c.words);
  const std::uint64_t title = from_title_bucket(c.from_title);
  const std::uint64_t body =
      static_cast<std::uint64_t>(c.body_distance + 8) * 8 + small(c.into_body, 3);
  const std::uint64_t shape = (c.time ? 1 : 0) | (c.opener ? 2 : 0) | (c.legal ? 4 : 0) |
                              (c.chrome ? 8 : 0) | (c.terminal ? 16 : 0) | (c.html_time ? 32 : 0) |
                              (c.outside_content ? 64 : 0);
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kWords, words, c.date_quarters));
  for (std::uint64_t bit = 1; bit < 128; bit <<= 1) {
    if ((shape & bit) != 0) out.push_back(feature(kShape, bit));
  }
  out.push_back(feature(kFromTitle, title));
  out.push_back(feature(kFromTitleWords, title, words));
  out.push_back(feature(kBody, body));
  out.push_back(feature(kBodyOpener, body, c.opener ? 1 : 0, c.time ? 1 : 0));
  out.push_back(feature(kPosition, c.position));
  if (c.first_word != 0) out.push_back(feature(kFirstWord, c.first_word));
  if (c.word_before != 0) out.push_back(feature(kWordBefore, c.word_before));
  out.push_back(feature(kOrder, small(c.order, 3)));
  out.push_back(feature(kRecency, small(c.recency, 3)));
  out.push_back(feature(kSameDay, small(c.same_day, 3)));
  out.push_back(feature(kYearsBefore, c.years_before_latest <= 1   ? c.years_before_latest
                                      : c.years_before_latest <= 5 ? 2
                                                                   : 3));
  out.push_back(feature(kRuleChoice, c.rule_choice ? 1 : 0));
  out.push_back(feature(kOrderRecency, small(c.order, 3), small(c.recency, 3)));
}

}  // namespace presslens::detail
