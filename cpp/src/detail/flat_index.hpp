// FlatIndex: numbers the distinct keys it is shown (0, 1, 2, ...), in one flat open-addressing
// table. Counting words looks up every token, and std::unordered_map allocates a node per key and
// hashes with a general-purpose function: per document that cost more than the counting itself.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace presslens::detail {

// FNV-1a: short keys (words, a few ids) hash fast and well enough for a table at half load.
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ull) {
  for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

template <typename Key>
class FlatIndex {
 public:
  // The number of `key`, and whether it was new (then numbered size() - 1). `hash` must be the
  // same for equal keys.
  std::pair<std::uint32_t, bool> insert(const Key& key, std::uint64_t hash) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.number == kEmpty) {
        slot = {hash, static_cast<std::uint32_t>(size_), key};
        return {static_cast<std::uint32_t>(size_++), true};
      }
      if (slot.hash == hash && slot.key == key) return {slot.number, false};
    }
  }

  // The number of `key`, or kMissing when it was never inserted.
  std::uint32_t find(const Key& key, std::uint64_t hash) const {
    if (slots_.empty()) return kMissing;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.number == kEmpty) return kMissing;
      if (slot.hash == hash && slot.key == key) return slot.number;
    }
  }

  std::size_t size() const noexcept { return size_; }
  static constexpr std::uint32_t kMissing = UINT32_MAX;

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number = kEmpty;
    Key key{};
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.number == kEmpty) continue;
      std::size_t at = slot.hash & mask;
      while (slots_[at].number != kEmpty) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace presslens::detail
