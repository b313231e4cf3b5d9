// A keyphrase candidate as the keyword extractor ranks it (keywords.cpp) and its trainer learns
// from it (keyphrase_training.cpp): the counted term, what it stands for, and its cues.
#pragma once

#include <array>
#include <cstdint>

#include "detail/keyphrase_model.hpp"
#include "presslens/keywords.hpp"

namespace presslens::detail {

// Phrases longer than this are not counted (names stop at eight words).
inline constexpr std::uint32_t kMaxPhraseWords = 8;

// A phrase as the ids of its terms: n-grams are looked up without building their strings.
struct PhraseKey {
  std::array<std::uint32_t, kMaxPhraseWords> terms{};
  std::uint32_t words = 0;
  bool operator==(const PhraseKey&) const = default;
};

// Names and hyphenated compounds stand for their words.
struct KeyphraseCandidate {
  Keyword keyword;     // its score: the rules' (docs/keywords.md)
  bool whole = false;  // a name of several words, or a hyphenated compound
  std::uint32_t term = 0;
  PhraseKey parts;  // a hyphenated word's parts, as terms
  KeyphraseCues cues;
};

}  // namespace presslens::detail
