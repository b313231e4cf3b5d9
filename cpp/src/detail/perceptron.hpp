// Training for the shared model runtime: an averaged perceptron over hashed features (Collins
// 2002; the averaging keeps the weights of a long, noisy training run stable). Rows are made the
// first time a feature takes part in an update, so features that never mattered cost nothing; the
// average is kept lazily, row by row. The result is quantised into a LinearModel.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "detail/linear_model.hpp"

namespace presslens::detail {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::uint32_t width) : width_(width) {}

  std::uint32_t width() const noexcept { return width_; }
  // Adds the current (not averaged) weights of `features` to `scores`.
  void add_scores(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // Moves every feature's weight for `truth` up and for `guess` down by one.
  void update(std::span<const std::uint64_t> features, std::uint32_t truth, std::uint32_t guess);
  // One training instance has been seen: the clock of the average.
  void tick() noexcept { ++clock_; }

  // The averaged weights, quantised (8 bits and a shift per row), as sparse rows under 32-bit keys
  // (features that share a key are summed). Features that took part in fewer than `min_updates`
  // updates are left out: most features are rare, fit a single training example, and make the model
  // several times larger for little accuracy.
  SparseRows average(std::uint32_t min_updates = 0) const;

 private:
  std::uint32_t row_of(std::uint64_t feature);
  void catch_up(std::uint32_t row);

  std::uint32_t width_;
  std::uint64_t clock_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> rows_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint64_t> last_change_;
  std::vector<std::uint32_t> updates_;
  std::vector<float> weights_;  // row-major, width_ per row
  std::vector<double> totals_;  // the weights summed over the clock, up to last_change_
};

}  // namespace presslens::detail
