// Training a yes-or-no decision on the shared model runtime, as the structure stage's block and
// title models and the keyphrase ranker are trained: an averaged perceptron over examples in a
// fixed shuffled order, trained without one fold to measure it, and the logistic curve that turns
// its margins into probabilities (Platt scaling).
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "detail/linear_model.hpp"

namespace presslens::detail {

struct BinaryExample {
  std::vector<std::uint64_t> features;
  bool positive;
  std::uint32_t fold;
  bool gold;  // a label of the data's annotators, not a teacher's
};

struct BinaryTrainingOptions {
  unsigned epochs = 5;
  std::uint64_t seed = 1;
  std::uint32_t gold_weight = 1;  // how many times an annotated example counts per epoch
};

// train_binary's `held_out` that keeps every fold.
inline constexpr std::uint32_t kAllFolds = ~0u;

// An averaged perceptron (classes 0: no, 1: yes) trained on the examples outside fold `held_out`.
// The same examples and options give the same rows on every platform.
SparseRows train_binary(std::span<const BinaryExample> examples, std::uint32_t held_out,
                        const BinaryTrainingOptions& options);

// Platt scaling: the slope and intercept of the logistic curve that best predicts the labels
// from the margins.
std::pair<double, double> fit_logistic(const std::vector<std::pair<float, bool>>& margins);

}  // namespace presslens::detail
