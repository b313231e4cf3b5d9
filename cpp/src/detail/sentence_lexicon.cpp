#include "detail/sentence_lexicon.hpp"

#include <unicode/unistr.h>

#include <algorithm>

#include "detail/sentence_chars.hpp"
#include "detail/sentence_openers.hpp"
#include "detail/syntax_model.hpp"

namespace presslens::detail {
namespace {

StringSet to_set(const std::vector<std::string>& entries) {
  return StringSet(entries.begin(), entries.end());
}

// How long a clause after a closing quote may be and still be the quote's attribution.
constexpr std::uint32_t kMaxAttributionCodePoints = 8;

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string folded;
  if (is_ascii(text)) {
    folded.reserve(text.size());
    for (char c : text) folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    return folded;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(folded);
  return folded;
}

SentenceLexicon::SentenceLexicon(const LanguagePack& language)
    : titles_(to_set(language.list("title_abbreviations"))),
      number_prefixes_(to_set(language.list("number_abbreviations"))),
      starters_(to_set(language.list("sentence_starters"))),
      quote_continuations_(language.list("quote_continuations")),
      speech_verbs_(language.list("speech_verbs")),
      syntax_(SyntaxModel::of(language)) {
  for (const auto& entry : language.list("abbreviations")) abbreviations_.insert(fold_case(entry));
  for (const char* list : {"abbreviations", "title_abbreviations", "number_abbreviations"}) {
    for (const auto& entry : language.list(list)) {
      if (entry.find(' ') != std::string::npos) spaced_.push_back(entry);
    }
  }
  const auto& options = language.list("sentence_options");
  ordinal_numbers_ = std::find(options.begin(), options.end(), "ordinal-numbers") != options.end();
}

bool SentenceLexicon::is_abbreviation(std::string_view token) const {
  if (abbreviations_.empty()) return false;
  return abbreviations_.contains(fold_case(token));
}

bool SentenceLexicon::is_starter(std::string_view word) const {
  if (starters_.contains(word)) return true;
  // Elision: "L'Europe", "C’est", "Qu'il" match "L'", "C'", "Qu'".
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\'') return starters_.contains(word.substr(0, i + 1));
    if (word.substr(i, 3) == "\xE2\x80\x99") {  // ’
      return starters_.contains(std::string(word.substr(0, i)) + "'");
    }
  }
  return false;
}

SentenceLexicon::SpacedPeriod SentenceLexicon::spaced_abbreviation(std::string_view text,
                                                                   std::size_t period) const {
  for (const auto& entry : spaced_) {
    const std::size_t last = entry.rfind('.');
    for (std::size_t at = entry.find('.'); at != std::string::npos; at = entry.find('.', at + 1)) {
      if (at > period || period - at + entry.size() > text.size()) continue;
      if (text.substr(period - at, entry.size()) == entry) {
        return at == last ? SpacedPeriod::kLast : SpacedPeriod::kInner;
      }
    }
  }
  return SpacedPeriod::kNone;
}

bool SentenceLexicon::opens_sentence(std::string_view text, std::size_t at) const {
  return syntax_ && reads_as_sentence_start(*syntax_, opener_candidate(text, at));
}

bool SentenceLexicon::continues_quote(std::string_view text) const {
  if (std::any_of(quote_continuations_.begin(), quote_continuations_.end(),
                  [&](const std::string& prefix) { return text.starts_with(prefix); })) {
    return true;
  }
  // The clause: CJK letters up to a terminator, at most kMaxAttributionCodePoints of them.
  std::uint32_t end = 0;
  for (std::uint32_t count = 0; end < text.size(); ++count) {
    const SentenceChar c = sentence_char_at(text, end);
    if (is_terminator(c)) break;
    if (!is_cjk(c) || count == kMaxAttributionCodePoints) return false;
    end += c.size;
  }
  const std::string_view clause = text.substr(0, end);
  return end < text.size() &&
         std::any_of(speech_verbs_.begin(), speech_verbs_.end(),
                     [&](const std::string& verb) { return clause.ends_with(verb); });
}

}  // namespace presslens::detail
