// The features of language identification: the one-, two- and three-letter sequences of each
// word, padded with a space on either side (" the " gives t, h, e, " t", th, he, "e ", " th", the,
// "he "), letters case-folded. A word is a run of letters and combining marks (so Hindi and Tamil
// vowel signs stay in their word); scripts without spaces give long runs, whose inner sequences
// are what counts.
#pragma once

#include <unicode/uchar.h>

#include <cstdint>

#include "detail/linear_model.hpp"

namespace presslens::detail {

inline bool is_word_letter(UChar32 c) noexcept {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';  // ASCII without asking ICU
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

inline UChar32 fold_letter(UChar32 c) noexcept {
  if (c < 0x80) return c | 0x20;  // an ASCII letter
  return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

// Turns letters into features as they come: push() each letter of a word (any case), end() after
// its last one; emit(feature) receives every feature.
template <typename Emit>
class LetterGrams {
 public:
  explicit LetterGrams(Emit emit) : emit_(emit) {}

  void push(UChar32 letter) {
    const auto c = static_cast<std::uint64_t>(fold_letter(letter));
    emit_(feature(1, c));
    add(c);
  }
  // Ends the word (nothing happens between words).
  void end() {
    if (length_ == 0) return;
    add(kSpace);
    length_ = 0;
    before_ = kSpace;
  }

 private:
  static constexpr std::uint64_t kSpace = ' ';

  // The sequences ending in `c`, which follows `before_` (and `before2_` when the word has more).
  void add(std::uint64_t c) {
    emit_(feature(2, before_, c));
    if (length_ >= 1) emit_(feature(3, before2_, before_, c));
    before2_ = before_;
    before_ = c;
    ++length_;
  }

  Emit emit_;
  std::uint64_t before_ = kSpace;
  std::uint64_t before2_ = kSpace;
  std::uint32_t length_ = 0;  // letters of the current word so far
};

}  // namespace presslens::detail
