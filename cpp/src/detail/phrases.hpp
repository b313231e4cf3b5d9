// Case-insensitive phrase lists matched on word boundaries, reporting exact byte spans.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "presslens/text.hpp"

namespace presslens::detail {

// A stretch of text as simple-case-folded code points, with the byte offset of each, so that a
// match found in the folded form maps back to an exact span of the original.
struct FoldedText {
  std::u32string chars;
  std::vector<std::uint32_t> offsets;  // chars.size() + 1 entries: byte offset of each, then end
  // The indices in chars where a phrase may start on a word boundary: not inside a word of a
  // spaced script. Found once, as several lists look for their phrases in the same text.
  std::vector<std::uint32_t> starts;

  FoldedText(std::string_view text, Span span);
  Span span(std::size_t first, std::size_t last) const { return {offsets[first], offsets[last]}; }
};

class PhraseList {
 public:
  PhraseList() = default;
  explicit PhraseList(const std::vector<std::string>& entries);
  void add(const std::vector<std::string>& entries);

  // The first (leftmost) phrase occurring in `text` on word boundaries.
  std::optional<Span> find(const FoldedText& text) const;
  // A phrase that `text` starts with (after leading spaces), on a word boundary.
  std::optional<Span> prefix(const FoldedText& text) const;
  // The first phrase that ends a word, wherever the word starts: compounds end in the word that
  // names them ("redakteurin" in "Wirtschaftsredakteurin").
  std::optional<Span> find_word_end(const FoldedText& text) const;
  bool empty() const noexcept { return phrases_.empty(); }

 private:
  enum class Boundary { kBothEnds, kEndOnly };
  bool matches_at(const FoldedText& text, const std::u32string& phrase, std::size_t at,
                  Boundary boundary = Boundary::kBothEnds) const;
  // False when no phrase can start at `at` (most positions): checked before match_at.
  bool may_start_at(const FoldedText& text, std::size_t at) const {
    const char32_t first = text.chars[at];
    return (at + 1 < text.chars.size() &&
            may_start_.test(filter_bit(start_key(first, text.chars[at + 1])))) ||
           (has_one_character_phrase_ && may_start_.test(filter_bit(start_key(first, kNoSecond))));
  }
  // The phrase (the first listed, when several) that matches at `at`.
  std::optional<Span> match_at(const FoldedText& text, std::size_t at, Boundary boundary) const;
  static std::uint64_t start_key(char32_t first, char32_t second) {
    return (std::uint64_t{first} << 32) | second;
  }
  static constexpr char32_t kNoSecond = 0xFFFFFFFF;  // the start key of a one-character phrase

  std::vector<std::u32string> phrases_;
  // Indices into phrases_ by their first two characters (a one-character phrase by its only one
  // and kNoSecond), so each position of a text costs a lookup and meets few candidates: keyed by
  // the first character alone, a chrome list put dozens of phrases behind each letter.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_start_;
  // A bit per hashed start key in by_start_: most positions of a text start no phrase, and a
  // clear bit says so without the map's lookup.
  std::bitset<4096> may_start_;
  static std::size_t filter_bit(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 52; }
  bool has_one_character_phrase_ = false;
};

}  // namespace presslens::detail
