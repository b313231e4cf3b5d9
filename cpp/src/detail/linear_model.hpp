// The model runtime every learned part of presslens shares: sparse hashed features -> sparse rows
// of class weights. A feature is a hash of a template number and the values it reads (a word, a
// tag, a suffix), folded to 32 bits; the model keeps, for each feature it learned, the classes
// whose weight is not zero, the row's weights quantised to 8 bits with a shared power-of-two
// factor (block floating point: each row keeps its own precision), behind an open-addressing
// table keyed by the hash. Scoring a decision adds the rows of its features: no allocation, a few
// cache lines per feature. Trained by PerceptronTrainer (perceptron.hpp); stored as
// docs/model-format.md says.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "detail/binary_io.hpp"

namespace presslens::detail {

// Mixes a 64-bit value into a well-spread hash (the splitmix64 finaliser).
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The feature of template `kind` over the hashed values `a`, `b`, `c`: one mixing of a weighted
// sum (the values are hashes or small numbers, whose sums with these odd multipliers do not
// collide in practice), so the hundred features of a parser decision cost little to make.
constexpr std::uint64_t feature(std::uint32_t kind, std::uint64_t a, std::uint64_t b = 0,
                                std::uint64_t c = 0) {
  return mix64(a * 0x9e3779b97f4a7c15ull + b * 0xc2b2ae3d27d4eb4full + c * 0x165667b19e3779f9ull +
               kind);
}

// The 32-bit key a feature is stored under (never 0, which marks an empty slot). Two features
// may share a key; the trainer then stores the sum of their rows (the hashing trick).
constexpr std::uint32_t feature_key(std::uint64_t feature) {
  const auto key = static_cast<std::uint32_t>(feature ^ (feature >> 32));
  return key == 0 ? 1 : key;
}

// A model's learned rows as they are stored: for each feature its key, how many classes it
// weighs and its row's shift, then those classes and their quantised weights, row after row. A
// weight is worth weights[e] * 2^shifts[row] * scale.
struct SparseRows {
  static constexpr int kMaxShift = 13;  // 127 * 2^13 * 200 features stays far inside an int32

  std::uint32_t width = 0;  // classes
  float scale = 1;
  std::vector<std::uint32_t> keys;
  std::vector<std::uint8_t> counts;
  std::vector<std::uint8_t> shifts;
  std::vector<std::uint8_t> columns;
  std::vector<std::int8_t> weights;

  void write(ByteWriter& out) const;
  static SparseRows read(ByteReader& in);
};

// Dense float rows (one per key, `width` weights each) quantised into sparse rows: 8 bits per
// weight and a shift per row, zero weights left out. Keys must be distinct.
SparseRows quantise_rows(std::span<const std::uint32_t> keys, std::span<const float> rows,
                         std::uint32_t width);

class LinearModel {
 public:
  LinearModel() = default;
  explicit LinearModel(const SparseRows& rows);

  std::uint32_t width() const noexcept { return width_; }
  float scale() const noexcept { return scale_; }

  // Adds the row of every known feature to `scores` (width() entries); unknown features add
  // nothing. The tables are larger than the caches, so a batch of features is looked up in
  // passes: fetch every slot, then (for wide rows) every found row, then add; their cache misses
  // overlap instead of queueing.
  void add_scores(std::span<const std::uint64_t> features, std::span<std::int32_t> scores) const {
    if (width_ <= kInlineWidth) {
      add_inline_scores(features, scores);
    } else {
      add_row_scores(features, scores);
    }
  }

 private:
  static constexpr std::size_t kBatch = 32;
  // Rows of at most this many classes (the parser's three transitions, yes-or-no decisions) live
  // in their slots: one cache miss per feature instead of two.
  static constexpr std::uint32_t kInlineWidth = 4;

  struct Slot {
    std::uint32_t key = 0;  // 0: empty
    std::uint32_t begin = 0;
    std::uint16_t count = 0;
    std::uint16_t shift = 0;
  };
  struct InlineSlot {
    std::uint32_t key = 0;  // 0: empty
    std::int8_t weights[kInlineWidth] = {};
    std::uint8_t shift = 0;
  };
  std::size_t home(std::uint32_t key) const noexcept {
    return (static_cast<std::uint64_t>(key) * 0x9e3779b97f4a7c15ull >> 32) & mask_;
  }

  void add_inline_scores(std::span<const std::uint64_t> features,
                         std::span<std::int32_t> scores) const {
    std::uint32_t keys[kBatch];
    std::size_t at[kBatch];
    for (std::size_t first = 0; first < features.size(); first += kBatch) {
      const std::size_t count = std::min(kBatch, features.size() - first);
      for (std::size_t i = 0; i < count; ++i) {
        keys[i] = feature_key(features[first + i]);
        at[i] = home(keys[i]);
        __builtin_prefetch(&inline_slots_[at[i]]);
      }
      for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t probe = at[i];; probe = (probe + 1) & mask_) {
          const InlineSlot& slot = inline_slots_[probe];
          if (slot.key == keys[i]) {
            const std::int32_t factor = 1 << slot.shift;
            for (std::uint32_t c = 0; c < width_; ++c) scores[c] += slot.weights[c] * factor;
            break;
          }
          if (slot.key == 0) break;
        }
      }
    }
  }

  void add_row_scores(std::span<const std::uint64_t> features,
                      std::span<std::int32_t> scores) const {
    std::uint32_t keys[kBatch];
    std::size_t at[kBatch];
    const Slot* found[kBatch];
    for (std::size_t first = 0; first < features.size(); first += kBatch) {
      const std::size_t count = std::min(kBatch, features.size() - first);
      for (std::size_t i = 0; i < count; ++i) {
        keys[i] = feature_key(features[first + i]);
        at[i] = home(keys[i]);
        __builtin_prefetch(&slots_[at[i]]);
      }
      std::size_t rows = 0;
      for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t probe = at[i];; probe = (probe + 1) & mask_) {
          const Slot& slot = slots_[probe];
          if (slot.key == keys[i]) {
            __builtin_prefetch(&entries_[slot.begin]);
            found[rows++] = &slot;
            break;
          }
          if (slot.key == 0) break;
        }
      }
      for (std::size_t r = 0; r < rows; ++r) {
        const Slot& slot = *found[r];
        const std::int32_t factor = 1 << slot.shift;
        const Entry* entry = &entries_[slot.begin];
        for (const Entry* end = entry + slot.count; entry < end; ++entry) {
          scores[entry->column] += entry->weight * factor;
        }
      }
    }
  }

  std::uint32_t width_ = 0;
  float scale_ = 1;
  std::size_t mask_ = 0;
  struct Entry {  // a class and its weight side by side: one cache line holds a whole row
    std::uint8_t column;
    std::int8_t weight;
  };
  // One of the two layouts, by width; the one in use is never empty, so a lookup always finds a
  // 0 key (a default model is narrow: no classes, one empty slot).
  std::vector<InlineSlot> inline_slots_{InlineSlot{}};
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

// The bucket of `value` among ascending `bounds`: how many bounds are at most `value` (0 below
// the first). Features read counts and lengths through buckets, in steps that matter.
template <std::size_t N>
constexpr std::uint64_t bucket(std::uint32_t value, const std::array<std::uint32_t, N>& bounds) {
  return static_cast<std::uint64_t>(std::upper_bound(bounds.begin(), bounds.end(), value) -
                                    bounds.begin());
}

// The margin of a two-class model (class 1 minus class 0, in the weights' units) for `features`.
float binary_margin(const LinearModel& rows, std::span<const std::uint64_t> features);

// The probability a margin stands for on a logistic curve fitted to margins (Platt scaling).
float logistic(float slope, float intercept, float margin);

// The best class among `scores` whose `allowed` entry is true (all when `allowed` is empty); -1
// when none is allowed. Ties go to the lower class, so decisions are deterministic.
int best_class(std::span<const std::int32_t> scores, std::span<const bool> allowed = {});

}  // namespace presslens::detail
