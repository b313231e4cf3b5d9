#include "detail/author_model.hpp"

#include <algorithm>
#include <array>

#include "detail/candidate_chooser.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {
namespace {

// Feature templates (the first argument of feature()); numbers are part of the model format.
enum Template : std::uint32_t {
  kBias = 1,
  kKind,
  kOpener,
  kWords,
  kNameWords,
  kShape,
  kFromTitle,
  kFromTitleKind,
  kBody,
  kBodyKind,
  kPosition,
  kWordAfter,
  kSameName,
  kRuleChoice,
  kLinks,
  kGivenNearTitle,
};

std::uint64_t word_bucket(std::uint32_t words) {
  static constexpr std::array<std::uint32_t, 7> kBounds = {2, 3, 4, 5, 7, 10, 13};
  return bucket(words, kBounds);
}

}  // namespace

void author_features(const AuthorCues& c, std::vector<std::uint64_t>& out) {
  const std::uint64_t kind = c.kind;
  const std::uint64_t title = from_title_bucket(c.from_title);
  const std::uint64_t body =
      static_cast<std::uint64_t>(c.body_distance + 8) * 8 + std::min(c.into_body, 3u);
  const std::uint64_t shape = (c.date ? 1 : 0) | (c.page_date ? 2 : 0) |
                              (c.after_comments ? 4 : 0) | (c.chrome ? 8 : 0) | (c.legal ? 16 : 0) |
                              (c.terminal ? 32 : 0) | (c.all_caps ? 64 : 0) |
                              (c.outside_content ? 128 : 0) | (c.given_name ? 256 : 0);
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kKind, kind));
  if (c.opener != 0) out.push_back(feature(kOpener, c.opener));
  out.push_back(feature(kWords, word_bucket(c.words), c.name_quarters, kind));
  out.push_back(feature(kNameWords, std::min(c.name_words, 5u), std::min(c.names, 3u)));
  for (std::uint64_t bit = 1; bit < 512; bit <<= 1) {
    if ((shape & bit) != 0) out.push_back(feature(kShape, bit, kind));
  }
  out.push_back(feature(kFromTitle, title));
  out.push_back(feature(kFromTitleKind, title, kind));
  out.push_back(feature(kBody, body));
  out.push_back(feature(kBodyKind, body, kind));
  out.push_back(feature(kPosition, c.position));
  if (c.word_after != 0) out.push_back(feature(kWordAfter, c.word_after));
  out.push_back(feature(kSameName, std::min(c.same_name, 3u)));
  out.push_back(feature(kRuleChoice, c.rule_choice ? 1 : 0, kind));
  out.push_back(feature(kLinks, c.link_quarters));
  out.push_back(feature(kGivenNearTitle, c.given_name ? 1 : 0, title, kind));
}

}  // namespace presslens::detail
