// Choosing the one line of a page that holds what the page states once, its headline, its
// publication date or its authors, among the lines the rules consider: a linear model on the
// shared runtime scores each candidate from its features (title_model.hpp, date_model.hpp,
// author_model.hpp), and the highest-scoring one wins (authors: only with a positive margin, as
// many pages name none; else the rules' byline stands). Trained with the block model
// (tools/train_structure.py) and stored in the same file.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "detail/linear_model.hpp"

namespace presslens::detail {

// A candidate as training sees it: its paragraph, its features, whether the rules chose it, and
// what it says (a date's ISO form, authors' names joined by "; "; empty for titles).
struct Candidate {
  std::uint32_t paragraph;
  std::vector<std::uint64_t> features;
  bool rule_choice;
  std::string value;
};

// Empty (the rules choose) or a classifier whose margin ranks candidates.
class CandidateChooser {
 public:
  CandidateChooser() = default;
  explicit CandidateChooser(const SparseRows& rows) : rows_(rows), empty_(rows.keys.empty()) {}

  bool empty() const noexcept { return empty_; }
  // The candidate's margin: chosen minus not chosen, in the weights' units.
  float margin(std::span<const std::uint64_t> features) const {
    return binary_margin(rows_, features);
  }

 private:
  LinearModel rows_;
  bool empty_ = true;
};

// A candidate line's distance from the title (its index minus the title's), as the date and
// author choosers read it: lines right next to it, in the header, far, before or after; 99 when
// the page has no title.
inline std::uint64_t from_title_bucket(std::optional<std::int32_t> from_title) {
  if (!from_title) return 99;
  const std::int32_t d = *from_title;
  const std::int32_t away = d < 0 ? -d : d;
  const std::int32_t step = away <= 3 ? away : away <= 6 ? 4 : away <= 15 ? 5 : 6;
  return static_cast<std::uint64_t>(d < 0 ? 10 + step : step);
}

// The choosers a page is read with (null: the rules choose), and where training logs the
// candidates it saw.
struct PageChoosers {
  const CandidateChooser* titles = nullptr;
  const CandidateChooser* dates = nullptr;
  const CandidateChooser* authors = nullptr;
  std::vector<Candidate>* title_log = nullptr;
  std::vector<Candidate>* date_log = nullptr;
  std::vector<Candidate>* author_log = nullptr;
};

}  // namespace presslens::detail
