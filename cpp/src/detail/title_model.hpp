// What the structure stage's headline chooser (candidate_chooser.hpp) reads of each line the rules
// consider for a plain-text page's headline (shortly before the body, the page's first lines, a
// heading-like first body paragraph): its length, closing punctuation, case, whether it stands
// again elsewhere on the page, where it stands from the body, the rules' own score and rank, and
// its neighbours. HTML pages take the headline their markup gives.
#pragma once

#include <cstdint>
#include <vector>

#include "detail/linear_model.hpp"

namespace presslens::detail {

// What the title model knows of a candidate line and its neighbours.
struct TitleCues {
  std::uint32_t words = 0;
  char last = 0;  // its last character when it is '.', '?', '!', ':' or a closing mark, else 0
  bool terminal = false;
  bool repeated = false;  // its text stands again in another paragraph
  bool all_caps = false;
  bool starts_lower = false;
  bool starts_digit = false;
  bool first_lines = false;        // one of the page's first three lines
  std::int32_t from_body = 0;      // its index minus the body's first paragraph's
  std::int32_t rule_score = 0;     // the rules' score, rounded
  std::uint32_t rule_rank = 0;     // its place among the candidates by the rules' score
  std::uint32_t before_words = 0;  // the line before and after: words, and a byline or date
  std::uint32_t after_words = 0;
  bool before_byline = false;
  bool after_byline = false;
};

void title_features(const TitleCues& cues, std::vector<std::uint64_t>& out);

}  // namespace presslens::detail
