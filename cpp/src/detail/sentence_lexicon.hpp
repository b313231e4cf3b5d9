// The word lists the sentence splitter consults at candidate boundaries, compiled from a language
// pack into hash sets (see docs/sentences.md for what each list means).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detail/string_hash.hpp"
#include "presslens/language.hpp"

namespace presslens::detail {

struct SyntaxModel;

// Full Unicode case folding of UTF-8 text (ASCII without a trip through ICU).
std::string fold_case(std::string_view text);

class SentenceLexicon {
 public:
  explicit SentenceLexicon(const LanguagePack& language);

  // Abbreviations that may end a sentence (abbreviations.txt), matched without regard to case.
  bool is_abbreviation(std::string_view token) const;
  // Abbreviations written before names (title_abbreviations.txt), matched as written.
  bool is_title(std::string_view token) const { return titles_.contains(token); }
  // Abbreviations written before numbers (number_abbreviations.txt), matched as written.
  bool is_number_prefix(std::string_view token) const { return number_prefixes_.contains(token); }
  // Words that usually start a sentence (sentence_starters.txt); `word` may continue past an
  // elision apostrophe ("L'Europe" matches the entry "L'").
  bool is_starter(std::string_view word) const;
  // Whether the word at text[at] is a common word capitalised to open a sentence, as the syntax
  // model's lexicon reads it (sentence_openers.hpp); false without a model. `text` ends where the
  // paragraph does.
  bool opens_sentence(std::string_view text, std::size_t at) const;
  // Whether `text` (right after a CJK closing quote) continues the quoting sentence: a quotative
  // continuation ("他说", "と"), or a short clause that ends in a speech verb ("一名球迷大喊。").
  bool continues_quote(std::string_view text) const;
  // Abbreviations written with a space ("z. B.", "EE. UU.", "p. ex."): whether the period at
  // text[period] is inside one (not an end: kInner) or ends one (kLast), or neither.
  enum class SpacedPeriod { kNone, kInner, kLast };
  SpacedPeriod spaced_abbreviation(std::string_view text, std::size_t period) const;
  // The language writes ordinals as a number and a period ("am 1. Januar").
  bool ordinal_numbers() const noexcept { return ordinal_numbers_; }

 private:
  StringSet abbreviations_;  // case-folded
  StringSet titles_;
  StringSet number_prefixes_;
  StringSet starters_;
  std::vector<std::string> quote_continuations_;
  std::vector<std::string> speech_verbs_;
  std::shared_ptr<const SyntaxModel> syntax_;  // null without a model
  std::vector<std::string> spaced_;
  bool ordinal_numbers_ = false;
};

}  // namespace presslens::detail
