#include "detail/phrases.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "detail/utf8.hpp"

namespace presslens::detail {
namespace {

// Letters and digits of spaced scripts need a word boundary; CJK characters do not.
bool needs_boundary(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return (u_isalnum(static_cast<UChar32>(c)) != 0) && c < 0x2E80;
}

std::u32string fold(std::string_view entry) {
  std::u32string folded;
  for (std::uint32_t i = 0; i < entry.size();) {
    const CodePoint c = code_point_at(entry, i);
    folded.push_back(static_cast<char32_t>(u_foldCase(c.value, U_FOLD_CASE_DEFAULT)));
    i += c.size;
  }
  return folded;
}

}  // namespace

FoldedText::FoldedText(std::string_view text, Span span) {
  chars.reserve(span.size());
  offsets.reserve(span.size() + 1);
  for (std::uint32_t i = span.begin; i < span.end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ASCII: fold without asking ICU
      chars.push_back(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      offsets.push_back(i++);
      continue;
    }
    const CodePoint c = code_point_at(text, i);
    chars.push_back(static_cast<char32_t>(u_foldCase(c.value, U_FOLD_CASE_DEFAULT)));
    offsets.push_back(i);
    i += c.size;
  }
  offsets.push_back(span.end);
}

PhraseList::PhraseList(const std::vector<std::string>& entries) { add(entries); }

void PhraseList::add(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    std::u32string phrase = fold(entry);
    if (!phrase.empty() && std::find(phrases_.begin(), phrases_.end(), phrase) == phrases_.end()) {
      by_first_[phrase.front()].push_back(phrases_.size());
      phrases_.push_back(std::move(phrase));
    }
  }
}

bool PhraseList::matches_at(const FoldedText& text, const std::u32string& phrase, std::size_t at,
                            Boundary boundary) const {
  const auto& chars = text.chars;
  if (at + phrase.size() > chars.size()) return false;
  if (!std::equal(phrase.begin(), phrase.end(), chars.begin() + static_cast<std::ptrdiff_t>(at))) {
    return false;
  }
  if (boundary == Boundary::kBothEnds && needs_boundary(phrase.front()) && at > 0 &&
      needs_boundary(chars[at - 1])) {
    return false;
  }
  const std::size_t end = at + phrase.size();
  return !(needs_boundary(phrase.back()) && end < chars.size() && needs_boundary(chars[end]));
}

std::optional<Span> PhraseList::find(const FoldedText& text) const {
  for (std::size_t at = 0; at < text.chars.size(); ++at) {
    const char32_t c = text.chars[at];
    // A phrase that starts with a letter or digit starts a word: skip the inside of words.
    if (at > 0 && needs_boundary(c) && needs_boundary(text.chars[at - 1])) continue;
    const auto candidates = by_first_.find(c);
    if (candidates == by_first_.end()) continue;
    for (const std::size_t index : candidates->second) {
      if (matches_at(text, phrases_[index], at)) {
        return text.span(at, at + phrases_[index].size());
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> PhraseList::find_word_end(const FoldedText& text) const {
  for (std::size_t at = 0; at < text.chars.size(); ++at) {
    const auto candidates = by_first_.find(text.chars[at]);
    if (candidates == by_first_.end()) continue;
    for (const std::size_t index : candidates->second) {
      if (matches_at(text, phrases_[index], at, Boundary::kEndOnly)) {
        return text.span(at, at + phrases_[index].size());
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> PhraseList::prefix(const FoldedText& text) const {
  std::size_t at = 0;
  while (at < text.chars.size() && u_isUWhiteSpace(static_cast<UChar32>(text.chars[at]))) ++at;
  for (const auto& phrase : phrases_) {
    if (matches_at(text, phrase, at)) return text.span(at, at + phrase.size());
  }
  return std::nullopt;
}

}  // namespace presslens::detail
