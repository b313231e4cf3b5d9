// Binary searches over a document's sentences and tokens, which are in text order.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "presslens/sentences.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens::detail {

// The index of the first sentence that ends after byte `at` (sentences.size() if none).
inline std::size_t first_sentence_ending_after(const std::vector<Sentence>& sentences,
                                               std::uint32_t at) {
  return static_cast<std::size_t>(
      std::upper_bound(sentences.begin(), sentences.end(), at,
                       [](std::uint32_t a, const Sentence& s) { return a < s.span.end; }) -
      sentences.begin());
}

// How many word and number tokens overlap `span`, counting at most `limit`.
inline std::uint32_t words_overlapping(const std::vector<Token>& tokens, Span span,
                                       std::uint32_t limit = UINT32_MAX) {
  std::uint32_t words = 0;
  auto t =
      std::upper_bound(tokens.begin(), tokens.end(), span.begin,
                       [](std::uint32_t at, const Token& token) { return at < token.span.end; });
  for (; t != tokens.end() && t->span.begin < span.end && words < limit; ++t) {
    words += t->kind == TokenKind::kWord || t->kind == TokenKind::kNumber;
  }
  return words;
}

}  // namespace presslens::detail
