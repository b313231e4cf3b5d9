// What the syntax models read of a word's own letters, hashed once per word: its form, its
// case-folded form, its prefixes and suffixes and its shape ("Xxxx", "dd.dd"). Contextual features
// combine these hashes, so no feature ever rehashes the text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace presslens::detail {

struct WordFeatures {
  static constexpr std::size_t kAffixes = 5;  // prefixes and suffixes of 1 to 5 code points

  std::uint64_t form = 0;
  std::uint64_t lower = 0;
  std::uint64_t shape = 0;
  std::array<std::uint64_t, kAffixes> prefix{};  // prefix[k]: the first k + 1 code points
  std::array<std::uint64_t, kAffixes> suffix{};  // suffix[k]: the last k + 1 code points
  std::uint8_t length = 0;                       // code points, at most 15
  bool capitalised = false;                      // the first letter is upper case
  bool has_digit = false;
  bool has_hyphen = false;
};

// Folds `form` code point by code point (simple case folding keeps one code point for one, so the
// folded form aligns with the form) into `folded`.
void fold_case(std::string_view form, std::string& folded);

// The features of `form`; `folded` is scratch space (no allocation once it is large enough).
WordFeatures word_features(std::string_view form, std::string& folded);

// A token's folded form (into `folded`) and the same with every apostrophe written "'" (into
// `key`): how the syntax model's contractions and clitics are keyed.
void clitic_key(std::string_view form, std::string& folded, std::string& key);

// The hash of a string value (a tag name, a relation) in the same space as the word hashes.
std::uint64_t hash_text(std::string_view text);

}  // namespace presslens::detail
