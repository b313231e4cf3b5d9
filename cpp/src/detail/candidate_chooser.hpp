// Choosing the one line of a page that holds what the page states once, its headline or its
// publication date, among the lines the rules consider: a linear model on the shared runtime
// scores each candidate from its features (title_model.hpp, date_model.hpp), and the
// highest-scoring one wins. Trained with the block model (tools/train_structure.py) and stored in
// the same file.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "detail/linear_model.hpp"

namespace presslens::detail {

// A candidate as training sees it: its paragraph, its features, whether the rules chose it, and
// what it says (a date's ISO form; empty for titles).
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

// The choosers a page is read with (null: the rules choose), and where training logs the
// candidates it saw.
struct PageChoosers {
  const CandidateChooser* titles = nullptr;
  const CandidateChooser* dates = nullptr;
  std::vector<Candidate>* title_log = nullptr;
  std::vector<Candidate>* date_log = nullptr;
};

}  // namespace presslens::detail
