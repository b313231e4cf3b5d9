#include "detail/linear_model.hpp"

#include <algorithm>
#include <bit>

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
  entries_.reserve(rows.columns.size());
  for (std::size_t e = 0; e < rows.columns.size(); ++e) {
    entries_.push_back({rows.columns[e], rows.weights[e]});
  }
  // At most three quarters full: a miss (the common case for a rare word's features) still stops
  // within a cache line or two, and the smaller table stays in the cache more often.
  const std::size_t slots =
      std::bit_ceil(std::max<std::size_t>(16, rows.keys.size() + rows.keys.size() / 3 + 1));
  mask_ = slots - 1;
  slots_.assign(slots, Slot{});
  std::uint32_t begin = 0;
  for (std::size_t r = 0; r < rows.keys.size(); ++r) {
    std::size_t at = home(rows.keys[r]);
    while (slots_[at].key != 0 && slots_[at].key != rows.keys[r]) at = (at + 1) & mask_;
    // A repeated key (only in a damaged file): the last row wins.
    slots_[at] = {rows.keys[r], begin, rows.counts[r], rows.shifts[r]};
    begin += rows.counts[r];
  }
}

int best_class(std::span<const std::int32_t> scores, std::span<const bool> allowed) {
  int best = -1;
  for (std::size_t c = 0; c < scores.size(); ++c) {
    if (!allowed.empty() && !allowed[c]) continue;
    if (best < 0 || scores[c] > scores[static_cast<std::size_t>(best)]) best = static_cast<int>(c);
  }
  return best;
}

}  // namespace presslens::detail
