#include "detail/perceptron.hpp"

#include <algorithm>
#include <cmath>

namespace presslens::detail {

void PerceptronTrainer::add_scores(std::span<const std::uint64_t> features,
                                   std::span<float> scores) const {
  for (const std::uint64_t f : features) {
    const auto found = rows_.find(f);
    if (found == rows_.end()) continue;
    const float* row = &weights_[static_cast<std::size_t>(found->second) * width_];
    for (std::uint32_t c = 0; c < width_; ++c) scores[c] += row[c];
  }
}

std::uint32_t PerceptronTrainer::row_of(std::uint64_t feature) {
  const auto [found, added] = rows_.try_emplace(feature, static_cast<std::uint32_t>(keys_.size()));
  if (added) {
    keys_.push_back(feature);
    last_change_.push_back(clock_);
    updates_.push_back(0);
    weights_.resize(weights_.size() + width_, 0.0f);
    totals_.resize(totals_.size() + width_, 0.0);
  }
  return found->second;
}

// Adds the row's weights for the ticks since it last changed to its totals.
void PerceptronTrainer::catch_up(std::uint32_t row) {
  const double elapsed = static_cast<double>(clock_ - last_change_[row]);
  const std::size_t base = static_cast<std::size_t>(row) * width_;
  if (elapsed > 0) {
    for (std::uint32_t c = 0; c < width_; ++c) totals_[base + c] += elapsed * weights_[base + c];
  }
  last_change_[row] = clock_;
}

void PerceptronTrainer::update(std::span<const std::uint64_t> features, std::uint32_t truth,
                               std::uint32_t guess) {
  if (truth == guess) return;
  for (const std::uint64_t f : features) {
    const std::uint32_t row = row_of(f);
    catch_up(row);
    ++updates_[row];
    const std::size_t base = static_cast<std::size_t>(row) * width_;
    weights_[base + truth] += 1.0f;
    weights_[base + guess] -= 1.0f;
  }
}

SparseRows PerceptronTrainer::average(std::uint32_t min_updates) const {
  // Averaged weights by 32-bit key, in the order the features were first seen (deterministic).
  std::unordered_map<std::uint32_t, std::size_t> row_of_key;
  std::vector<std::uint32_t> keys;
  std::vector<float> averaged;
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    if (updates_[row] < min_updates) continue;
    const std::uint32_t key = feature_key(keys_[row]);
    const auto [found, added] = row_of_key.try_emplace(key, keys.size());
    if (added) {
      keys.push_back(key);
      averaged.resize(averaged.size() + width_, 0.0f);
    }
    const double elapsed = static_cast<double>(clock_ - last_change_[row]);
    for (std::uint32_t c = 0; c < width_; ++c) {
      const std::size_t i = row * width_ + c;
      averaged[found->second * width_ + c] +=
          static_cast<float>((totals_[i] + elapsed * weights_[i]) / static_cast<double>(clock_));
    }
  }
  return quantise_rows(keys, averaged, width_);
}

}  // namespace presslens::detail
