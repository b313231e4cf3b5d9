#include "detail/claim_lexicon.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "detail/utf8.hpp"

namespace presslens::detail {

namespace {

int role_from_name(std::string_view name) {
  static constexpr std::string_view kKinds[] = {"statistical",  "comparative", "causal",
                                                "predictive",   "normative",   "evaluative",
                                                "factual-event"};
  for (int k = 0; k < 7; ++k) {
    if (name == kKinds[k]) return k;
  }
  if (name == "none") return kNotACue;
  if (name == "past") return kPast;
  if (name == "date") return kDate;
  if (name == "time") return kTime;
  if (name == "nonclaim") return kNonClaim;
  if (name == "proverb") return kProverb;
  return -1;
}

// Scripts written without spaces between words: their line breaks are found by dictionary or
// they break between any two ideographs.
bool written_without_spaces(std::string_view phrase) {
  if (phrase.empty() || phrase.find(' ') != std::string_view::npos) return false;
  const auto lb = static_cast<ULineBreak>(
      u_getIntPropertyValue(code_point_at(phrase, 0).value, UCHAR_LINE_BREAK));
  return lb == U_LB_IDEOGRAPHIC || lb == U_LB_COMPLEX_CONTEXT ||
         lb == U_LB_CONDITIONAL_JAPANESE_STARTER;
}

void longest_first(std::vector<CuePhrase>& phrases) {
  std::stable_sort(phrases.begin(), phrases.end(), [](const CuePhrase& a, const CuePhrase& b) {
    return a.words.size() != b.words.size() ? a.words.size() > b.words.size()
                                            : a.words.front().size() > b.words.front().size();
  });
}

}  // namespace

ClaimLexicon::ClaimLexicon(const LanguagePack& language, const Tokenizer& tokenizer) {
  for (const auto& line : language.list("claim_cues")) {
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    const int role = role_from_name(std::string_view(line).substr(0, space));
    const std::string_view phrase = std::string_view(line).substr(space + 1);
    if (role >= 0 && phrase.size() > 1 && phrase.starts_with('-')) {
      suffixes_.push_back({std::string(phrase.substr(1)), role});
    } else if (role == kPast && !written_without_spaces(phrase)) {
      by_key_[tokenizer.key(phrase)].past = true;
    } else if (role == kDate) {  // 年 and 月 are words of their own too
      by_key_[tokenizer.key(phrase)].date = true;
    } else if (role == kTime) {  // unspaced too: ICU's words ("時に") are listed as they come
      by_key_[tokenizer.key(phrase)].time = true;
    } else if (role >= 0) {
      add(phrase, role, tokenizer);
    }
  }
  // "3 mars", "12. Oktober": the month names the date reader knows ("<number> <names...>").
  for (const auto& line : language.list("months")) {
    std::size_t start = line.find(' ');
    while (start != std::string::npos) {
      const std::size_t end = line.find(' ', start + 1);
      const std::string_view name = std::string_view(line).substr(
          start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
      if (name.size() > 3) by_key_[tokenizer.key(name)].date = true;  // "mar", "may": words too
      start = end;
    }
  }
  for (const auto& phrase : language.list("hedges")) add(phrase, kHedge, tokenizer);
  for (const auto& phrase : language.list("boosters")) add(phrase, kBooster, tokenizer);
  for (auto& [key, entry] : by_key_) {
    longest_first(entry.phrases);
    index_.insert(key, fnv1a(key));
    entries_.push_back(&entry);
  }
  for (auto& [key, phrases] : by_text_) longest_first(phrases);
}

void ClaimLexicon::add(std::string_view phrase, int role, const Tokenizer& tokenizer) {
  if (written_without_spaces(phrase)) {
    const std::string_view first = phrase.substr(0, code_point_at(phrase, 0).size);
    by_text_[std::string(first)].push_back({{std::string(phrase)}, role});
    return;
  }
  CuePhrase cue{{}, role};
  std::size_t start = 0;
  while (start < phrase.size()) {
    std::size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    const std::string_view word = phrase.substr(start, end - start);
    if (word == "<num>") {
      cue.words.emplace_back(word);
    } else if (!word.empty()) {
      cue.words.push_back(tokenizer.key(word));
    }
    start = end + 1;
  }
  if (cue.words.size() > 1) cue.second = fnv1a(cue.words[1]);
  if (!cue.words.empty()) by_key_[cue.words.front()].phrases.push_back(std::move(cue));
}

ClaimLexicon::Word ClaimLexicon::word(std::string_view key, std::uint64_t hash) const {
  Word word;
  if (const std::uint32_t found = index_.find(key, hash); found != index_.kMissing) {
    const Entry& entry = *entries_[found];
    if (!entry.phrases.empty()) word.phrases = &entry.phrases;
    word.date = entry.date;
    word.time = entry.time;
    word.past = entry.past;
  }
  // An ending counts after at least three more bytes: "used" is no past form of "us".
  for (const Suffix& suffix : suffixes_) {
    if (key.size() < suffix.text.size() + 3 || !key.ends_with(suffix.text)) continue;
    if (suffix.role == kPast) {
      word.past = true;
    } else if (word.suffix_kind < 0) {
      word.suffix_kind = suffix.role;
    }
  }
  return word;
}

void ClaimLexicon::match_text(std::string_view text, Span span, std::vector<CueMatch>& out) const {
  if (by_text_.empty()) return;
  std::uint32_t at = span.begin;
  while (at < span.end) {
    const CodePoint c = code_point_at(text, at);
    std::size_t matched = 0;
    if (c.size >= 2) {
      const auto found = by_text_.find(text.substr(at, c.size));
      if (found != by_text_.end()) {
        const std::string_view rest = text.substr(at, span.end - at);
        for (const CuePhrase& phrase : found->second) {
          const std::string& word = phrase.words.front();
          if (word.size() < matched) break;  // longest first: only equally long ones remain
          if (!rest.starts_with(word)) continue;
          matched = word.size();
          if (phrase.role != kNotACue) {
            out.push_back({phrase.role, {at, at + static_cast<std::uint32_t>(word.size())}});
          }
        }
      }
    }
    at += static_cast<std::uint32_t>(std::max<std::size_t>(matched, c.size));
  }
}

}  // namespace presslens::detail
