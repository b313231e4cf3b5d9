// The structure stage's headline chooser for plain-text pages: of the lines the rules consider
// (shortly before the body, the page's first lines, a heading-like first body paragraph), the one
// a linear model on the shared runtime scores highest, from what the rules see of each line
// (length, closing punctuation, case, whether it stands again elsewhere on the page, where it
// stands from the body, the rules' own score and rank) and of its neighbours. HTML pages take the
// headline their markup gives. Trained with the block model (tools/train_structure.py) and
// stored in the same file.
#pragma once

#include <cstdint>
#include <span>
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

// A candidate as training sees it: its paragraph, its features, and whether the rules chose it.
struct TitleCandidate {
  std::uint32_t paragraph;
  std::vector<std::uint64_t> features;
  bool rule_choice;
};

// Empty (the rules choose) or a classifier whose margin ranks candidates.
class TitleModel {
 public:
  TitleModel() = default;
  explicit TitleModel(const SparseRows& rows) : rows_(rows), empty_(rows.keys.empty()) {}

  bool empty() const noexcept { return empty_; }
  // The candidate's margin: title minus not a title, in the weights' units.
  float margin(std::span<const std::uint64_t> features) const;

 private:
  LinearModel rows_;
  bool empty_ = true;
};

}  // namespace presslens::detail
