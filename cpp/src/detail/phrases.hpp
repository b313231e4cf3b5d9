// Case-insensitive phrase lists matched on word boundaries, reporting exact byte spans.
#pragma once

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
  std::vector<std::u32string> phrases_;
  // Indices into phrases_ by first character, so each position of a text costs one lookup.
  std::unordered_map<char32_t, std::vector<std::size_t>> by_first_;
};

}  // namespace presslens::detail
