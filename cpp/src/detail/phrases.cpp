#include "detail/phrases.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "detail/utf8.hpp"

namespace presslens::detail {
namespace {

// Letters and digits of spaced scripts need a word boundary; CJK characters do not.
bool needs_boundary(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c >= 0x2000 && c < 0x2070) return false;  // general punctuation: news's quotes and dashes
  return (u_isalnum(static_cast<UChar32>(c)) != 0) && c < 0x2E80;
}

// Case folding leaves general punctuation (U+2000-U+206F) as it is; news text is full of its
// quotation marks and dashes, which need no call into ICU.
char32_t fold_code_point(UChar32 c) {
  if (c >= 0x2000 && c < 0x2070) return static_cast<char32_t>(c);
  return static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
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
  // At most one character per byte: sized once, trimmed at the end.
  chars.resize(span.size());
  offsets.resize(span.size() + 1);
  std::size_t n = 0;
  bool after_word_character = false;
  for (std::uint32_t i = span.begin; i < span.end; ++n) {
    const auto byte = static_cast<unsigned char>(text[i]);
    char32_t folded = byte;
    std::uint32_t size = 1;
    if (byte >= 0x80) {
      const CodePoint c = code_point_at(text, i);
      folded = fold_code_point(c.value);
      size = c.size;
    } else if (byte >= 'A' && byte <= 'Z') {  // ASCII: fold without asking ICU
      folded = byte + 32;
    }
    const bool word_character = needs_boundary(folded);
    if (!(word_character && after_word_character)) starts.push_back(static_cast<std::uint32_t>(n));
    after_word_character = word_character;
    chars[n] = folded;
    offsets[n] = i;
    i += size;
  }
  chars.resize(n);
  offsets[n] = span.end;
  offsets.resize(n + 1);
}

PhraseList::PhraseList(const std::vector<std::string>& entries) { add(entries); }

void PhraseList::add(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    std::u32string phrase = fold(entry);
    if (!phrase.empty() && std::find(phrases_.begin(), phrases_.end(), phrase) == phrases_.end()) {
      has_one_character_phrase_ |= phrase.size() == 1;
      const std::uint64_t key = start_key(phrase[0], phrase.size() > 1 ? phrase[1] : kNoSecond);
      by_start_[key].push_back(phrases_.size());
      may_start_.set(filter_bit(key));
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

std::optional<Span> PhraseList::match_at(const FoldedText& text, std::size_t at,
                                         Boundary boundary) const {
  std::size_t best = phrases_.size();
  const auto try_bucket = [&](char32_t second) {
    const std::uint64_t key = start_key(text.chars[at], second);
    const auto candidates = by_start_.find(key);
    if (candidates == by_start_.end()) return;
    for (const std::size_t index : candidates->second) {
      if (index >= best) break;  // each bucket lists phrases in their order
      if (matches_at(text, phrases_[index], at, boundary)) best = index;
    }
  };
  if (at + 1 < text.chars.size()) try_bucket(text.chars[at + 1]);
  if (has_one_character_phrase_) try_bucket(kNoSecond);
  if (best == phrases_.size()) return std::nullopt;
  return text.span(at, at + phrases_[best].size());
}

std::optional<Span> PhraseList::find(const FoldedText& text) const {
  for (const std::uint32_t at : text.starts) {
    if (!may_start_at(text, at)) continue;
    if (const auto found = match_at(text, at, Boundary::kBothEnds)) return found;
  }
  return std::nullopt;
}

std::optional<Span> PhraseList::find_word_end(const FoldedText& text) const {
  for (std::size_t at = 0; at < text.chars.size(); ++at) {
    if (!may_start_at(text, at)) continue;
    if (const auto found = match_at(text, at, Boundary::kEndOnly)) return found;
  }
  return std::nullopt;
}

std::optional<Span> PhraseList::prefix(const FoldedText& text) const {
  std::size_t at = 0;
  while (at < text.chars.size() && u_isUWhiteSpace(static_cast<UChar32>(text.chars[at]))) ++at;
  if (at == text.chars.size()) return std::nullopt;
  return match_at(text, at, Boundary::kBothEnds);
}

}  // namespace presslens::detail
