#include "detail/linear_model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace presslens::detail {

void SparseRows::write(ByteWriter& out) const {
  out.put<std::uint32_t>(width);
  out.put<float>(scale);
  out.put_array(keys);
  out.put_array(counts);
  out.put_array(shifts);
  out.put_array(columns);
  out.put_array(weights);
}

SparseRows SparseRows::read(ByteReader& in) {
  SparseRows rows;
  rows.width = in.get<std::uint32_t>();
  rows.scale = in.get<float>();
  rows.keys = in.get_array<std::uint32_t>();
  rows.counts = in.get_array<std::uint8_t>();
  rows.shifts = in.get_array<std::uint8_t>();
  rows.columns = in.get_array<std::uint8_t>();
  rows.weights = in.get_array<std::int8_t>();
  std::size_t entries = 0;
  for (const auto count : rows.counts) entries += count;
  if (rows.width == 0 || rows.width > 255 || rows.counts.size() != rows.keys.size() ||
      rows.shifts.size() != rows.keys.size() ||
      std::any_of(rows.shifts.begin(), rows.shifts.end(),
                  [](std::uint8_t s) { return s > SparseRows::kMaxShift; }) ||
      rows.columns.size() != entries || rows.weights.size() != entries ||
      std::any_of(rows.columns.begin(), rows.columns.end(),
                  [&](std::uint8_t c) { return c >= rows.width; }) ||
      std::find(rows.keys.begin(), rows.keys.end(), 0u) != rows.keys.end()) {
    in.fail("a weight table of a bad shape");
  }
  return rows;
}

LinearModel::LinearModel(const SparseRows& rows) : width_(rows.width), scale_(rows.scale) {
  // At most three quarters full: a miss (the common case for a rare word's features) still stops
  // within a cache line or two, and the smaller table stays in the cache more often.
  const std::size_t slots =
      std::bit_ceil(std::max<std::size_t>(16, rows.keys.size() + rows.keys.size() / 3 + 1));
  mask_ = slots - 1;
  const bool narrow = width_ <= kInlineWidth;
  if (narrow) {
    inline_slots_.assign(slots, InlineSlot{});
  } else {
    inline_slots_.clear();
    slots_.assign(slots, Slot{});
    entries_.reserve(rows.columns.size());
    for (std::size_t e = 0; e < rows.columns.size(); ++e) {
      entries_.push_back({rows.columns[e], rows.weights[e]});
    }
  }
  const auto free_slot = [&](std::uint32_t key) {
    std::size_t at = home(key);
    const auto taken = [&](std::size_t i) {
      const std::uint32_t held = narrow ? inline_slots_[i].key : slots_[i].key;
      return held != 0 && held != key;
    };
    while (taken(at)) at = (at + 1) & mask_;
    return at;
  };
  std::uint32_t begin = 0;
  for (std::size_t r = 0; r < rows.keys.size(); ++r) {
    const std::size_t at = free_slot(rows.keys[r]);
    // A repeated key (only in a damaged file): the last row wins.
    if (narrow) {
      InlineSlot slot{rows.keys[r], {}, rows.shifts[r]};
      for (std::uint32_t e = begin; e < begin + rows.counts[r]; ++e) {
        slot.weights[rows.columns[e]] = rows.weights[e];
      }
      inline_slots_[at] = slot;
    } else {
      slots_[at] = {rows.keys[r], begin, rows.counts[r], rows.shifts[r]};
    }
    begin += rows.counts[r];
  }
}

float binary_margin(const LinearModel& rows, std::span<const std::uint64_t> features) {
  std::int32_t scores[2] = {0, 0};
  rows.add_scores(features, scores);
  return static_cast<float>(scores[1] - scores[0]) * rows.scale();
}

float logistic(float slope, float intercept, float margin) {
  return 1.0f / (1.0f + std::exp(-(slope * margin + intercept)));
}

int best_class(std::span<const std::int32_t> scores, std::span<const bool> allowed) {
  int best = -1;
  for (std::size_t c = 0; c < scores.size(); ++c) {
    if (!allowed.empty() && !allowed[c]) continue;
    if (best < 0 || scores[c] > scores[static_cast<std::size_t>(best)]) best = static_cast<int>(c);
  }
  return best;
}

SparseRows quantise_rows(std::span<const std::uint32_t> keys, std::span<const float> rows,
                         std::uint32_t width) {
  float largest = 0;
  for (const float w : rows) largest = std::max(largest, std::abs(w));
  SparseRows out;
  out.width = width;
  // The largest weight is 127 steps at the largest shift; a row of small weights takes a small
  // shift and keeps their precision.
  out.scale = largest > 0 ? largest / (127.0f * (1 << SparseRows::kMaxShift)) : 1.0f;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    const float* row = &rows[r * width];
    float peak = 0;
    for (std::uint32_t c = 0; c < width; ++c) peak = std::max(peak, std::abs(row[c]));
    int shift = 0;
    while (shift < SparseRows::kMaxShift &&
           peak / out.scale > 127.0f * static_cast<float>(1 << shift)) {
      ++shift;
    }
    const float step = out.scale * static_cast<float>(1 << shift);
    std::uint8_t count = 0;
    for (std::uint32_t c = 0; c < width; ++c) {
      const long q = std::clamp<long>(std::lround(row[c] / step), -127, 127);
      if (q == 0) continue;
      out.columns.push_back(static_cast<std::uint8_t>(c));
      out.weights.push_back(static_cast<std::int8_t>(q));
      ++count;
    }
    if (count == 0) continue;
    out.keys.push_back(keys[r]);
    out.counts.push_back(count);
    out.shifts.push_back(static_cast<std::uint8_t>(shift));
  }
  return out;
}

}  // namespace presslens::detail
