#include "detail/dates.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <utility>

#include "detail/sentence_lexicon.hpp"
#include "detail/utf8.hpp"

namespace presslens::detail {
namespace {

enum class TokenKind { kNumber, kWord, kMark };

struct Token {
  TokenKind kind;
  Span span;
  int number = 0;  // for numbers
  std::uint32_t digits = 0;
  UChar32 mark = 0;  // for marks: the character
};

// False only for ASCII text without four digits in a row (other digits than ASCII ones are
// found by tokenizing).
bool may_hold_year(std::string_view text) {
  int digits_in_a_row = 0;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    digits_in_a_row = c >= '0' && c <= '9' ? digits_in_a_row + 1 : 0;
    if (digits_in_a_row == 4) return true;
  }
  return false;
}

// Numbers (any decimal digits, full-width included), words (letters), and single other
// characters; white space separates. CJK characters are marks, so 年 月 日 stand alone.
std::vector<Token> tokenize(std::string_view text, Span span) {
  std::vector<Token> tokens;
  for (std::uint32_t i = span.begin; i < span.end;) {
    const CodePoint c = code_point_at(text, i);
    const std::int32_t digit = u_charDigitValue(c.value);
    if (digit >= 0) {
      if (!tokens.empty() && tokens.back().kind == TokenKind::kNumber &&
          tokens.back().span.end == i && tokens.back().digits < 9) {
        tokens.back().number = tokens.back().number * 10 + digit;
        ++tokens.back().digits;
        tokens.back().span.end = i + c.size;
      } else {
        tokens.push_back({TokenKind::kNumber, {i, i + c.size}, digit, 1});
      }
    } else if (u_isalpha(c.value) && !(c.value >= 0x2E80)) {
      if (!tokens.empty() && tokens.back().kind == TokenKind::kWord &&
          tokens.back().span.end == i) {
        tokens.back().span.end = i + c.size;
      } else {
        tokens.push_back({TokenKind::kWord, {i, i + c.size}});
      }
    } else if (!is_trimmable_space(c.value)) {
      tokens.push_back({TokenKind::kMark, {i, i + c.size}, 0, 0, c.value});
    }
    i += c.size;
  }
  return tokens;
}

struct Parts {
  int year = 0, month = 0, day = 0, hour = -1, minute = -1;
};

bool valid(const Parts& p) {
  return p.year >= 1900 && p.year <= 2100 && p.month >= 1 && p.month <= 12 && p.day >= 1 &&
         p.day <= 31;
}

std::string to_iso(const Parts& p) {
  char buffer[32];
  if (p.hour >= 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", p.year, p.month, p.day, p.hour,
                  p.minute);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", p.year, p.month, p.day);
  }
  return buffer;
}

// Matches a short pattern over the tokens from position `at`.
class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Token>& tokens, std::size_t at)
      : text_(text), tokens_(tokens), at_(at) {}

  bool number(int& value, std::uint32_t min_digits, std::uint32_t max_digits) {
    if (at_ >= tokens_.size() || tokens_[at_].kind != TokenKind::kNumber) return false;
    const Token& t = tokens_[at_];
    if (t.digits < min_digits || t.digits > max_digits) return false;
    value = t.number;
    ++at_;
    return true;
  }
  // A day of the month, with the ordinal ending written against it: "29th", "1st", "1er", "1º".
  bool day(int& value) {
    if (!number(value, 1, 2)) return false;
    if (at_ < tokens_.size() && tokens_[at_].kind == TokenKind::kWord &&
        tokens_[at_].span.begin == tokens_[at_ - 1].span.end) {
      const Span s = tokens_[at_].span;
      const std::string ending = fold_case(text_.substr(s.begin, s.size()));
      if (ending == "st" || ending == "nd" || ending == "rd" || ending == "th" || ending == "er" ||
          ending == "\u00BA") {
        ++at_;
      }
    }
    return true;
  }
  bool mark(UChar32 c) {
    if (at_ >= tokens_.size() || tokens_[at_].kind != TokenKind::kMark || tokens_[at_].mark != c) {
      return false;
    }
    ++at_;
    return true;
  }
  bool optional_mark(UChar32 c) {
    mark(c);
    return true;
  }
  bool word(std::string_view folded) {
    if (at_ >= tokens_.size() || tokens_[at_].kind != TokenKind::kWord) return false;
    const Span s = tokens_[at_].span;
    if (fold_case(text_.substr(s.begin, s.size())) != folded) return false;
    ++at_;
    return true;
  }
  bool month(const std::unordered_map<std::string, int>& months, int& value) {
    if (at_ >= tokens_.size() || tokens_[at_].kind != TokenKind::kWord) return false;
    const Span s = tokens_[at_].span;
    const auto found = months.find(fold_case(text_.substr(s.begin, s.size())));
    if (found == months.end()) return false;
    value = found->second;
    ++at_;
    optional_mark('.');
    return true;
  }
  // An optional time after the date: [, | at | um | à | -] HH:MM, HH.MM, 07h15 (French) or
  // 19時30分 (CJK).
  void time(Parts& parts) {
    const std::size_t saved = at_;
    if (!mark(',') && !mark('-') && !mark('|') && !word("at") && !word("um") && !word("à")) {
      // no separator is fine too
    }
    int hour = 0, minute = 0;
    const bool clock = number(hour, 1, 2) &&
                       (((mark(':') || mark('.') || word("h")) && number(minute, 2, 2)) ||
                        ((mark(0x6642) || mark(0x65F6)) && number(minute, 1, 2) && mark(0x5206)));
    if (clock && hour < 24 && minute < 60) {
      parts.hour = hour;
      parts.minute = minute;
    } else {
      at_ = saved;
    }
  }
  std::size_t position() const { return at_; }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::size_t at_;
};

// The "YYYY-MM-DD" prefix of an ISO date as a day count; nothing when it is not a valid date.
std::optional<std::chrono::sys_days> iso_day(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::pair<std::size_t, std::size_t> places[3] = {{0, 4}, {5, 2}, {8, 2}};
  for (std::size_t f = 0; f < 3; ++f) {
    for (std::size_t k = places[f].first; k < places[f].first + places[f].second; ++k) {
      if (iso[k] < '0' || iso[k] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (iso[k] - '0');
    }
  }
  const std::chrono::year_month_day day{std::chrono::year(fields[0]),
                                        std::chrono::month(static_cast<unsigned>(fields[1])),
                                        std::chrono::day(static_cast<unsigned>(fields[2]))};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days(day);
}

}  // namespace

bool in_some_zone_on(std::string_view stamp, int days) {
  if (stamp.size() < 22 || stamp[10] != 'T' || stamp[13] != ':' || stamp[19] != ':' ||
      (stamp[16] != '+' && stamp[16] != '-')) {
    return false;
  }
  const auto two = [&](std::size_t at) { return (stamp[at] - '0') * 10 + (stamp[at + 1] - '0'); };
  for (const std::size_t at : {11, 14, 17, 20}) {
    if (stamp[at] < '0' || stamp[at] > '9' || stamp[at + 1] < '0' || stamp[at + 1] > '9') {
      return false;
    }
  }
  const int zone = (stamp[16] == '-' ? -1 : 1) * (two(17) * 60 + two(20));
  const int utc = two(11) * 60 + two(14) - zone;  // minutes from the stamp's local midnight
  const auto day_of = [](int minutes) {
    return minutes >= 0 ? minutes / 1440 : -((1439 - minutes) / 1440);
  };
  return days >= day_of(utc - 12 * 60) && days <= day_of(utc + 14 * 60);
}

std::optional<int> days_between(std::string_view from, std::string_view to) {
  const auto a = iso_day(from), b = iso_day(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>((*b - *a).count());
}

DateFinder::DateFinder(const std::vector<std::vector<std::string>>& month_lists,
                       const std::vector<std::string>& options) {
  for (const auto& option : options) {
    if (option == "day-first") slash_order_ = SlashOrder::kDayFirst;
    if (option == "month-first") slash_order_ = SlashOrder::kMonthFirst;
    if (option == "unambiguous") slash_order_ = SlashOrder::kUnambiguous;
  }
  for (const auto& lines : month_lists) {
    for (const auto& line : lines) {
      std::istringstream fields(line);
      int number = 0;
      std::string name;
      if (!(fields >> number) || number < 1 || number > 12) continue;
      while (fields >> name) months_.emplace(fold_case(name), number);
    }
  }
}

std::optional<FoundDate> DateFinder::find(std::string_view text, Span span) const {
  // Every pattern below needs a year of four digits. Most lines have none, and tokenizing them
  // and trying each pattern at each token was a sixth of the time of reading a page's structure.
  if (!may_hold_year(text.substr(span.begin, span.size()))) return std::nullopt;
  const std::vector<Token> tokens = tokenize(text, span);
  if (std::none_of(tokens.begin(), tokens.end(),
                   [](const Token& t) { return t.kind == TokenKind::kNumber && t.digits == 4; })) {
    return std::nullopt;
  }
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    // Each pattern is tried from this token; the first that matches wins.
    const auto attempts = {
        // 2024-05-24 [11:10], 2024/05/24, 2024.05.24
        +[](Matcher& m, Parts& p, const DateFinder&) {
          UChar32 separator = 0;
          for (UChar32 c : {'-', '/', '.'}) {
            if (Matcher probe = m; probe.number(p.year, 4, 4) && probe.mark(c)) separator = c;
          }
          return separator != 0 && m.number(p.year, 4, 4) && m.mark(separator) &&
                 m.number(p.month, 1, 2) && m.mark(separator) && m.number(p.day, 1, 2) &&
                 (m.word("t"), m.time(p), true);
        },
        // 2024年5月24日
        +[](Matcher& m, Parts& p, const DateFinder&) {
          return m.number(p.year, 4, 4) && m.mark(0x5E74) && m.number(p.month, 1, 2) &&
                 m.mark(0x6708) && m.number(p.day, 1, 2) && (m.mark(0x65E5) || m.mark(0x53F7)) &&
                 (m.time(p), true);
        },
        // 21.10.2019 [09:15] (day first), 08/07/2026 [à 07h15] (in the language's order)
        +[](Matcher& m, Parts& p, const DateFinder& finder) {
          int first = 0, second = 0;
          if (!m.number(first, 1, 2)) return false;
          UChar32 separator = '.';
          if (!m.mark('.')) {
            if (finder.slash_order_ == SlashOrder::kUnread || !m.mark('/')) return false;
            separator = '/';
          }
          if (!m.number(second, 1, 2) || !m.mark(separator) || !m.number(p.year, 4, 4)) {
            return false;
          }
          // Both orders make a date and the language does not say which: no date, not a guess.
          if (separator == '/' && finder.slash_order_ == SlashOrder::kUnambiguous && first <= 12 &&
              second <= 12 && first != second) {
            return false;
          }
          const bool month_first =
              separator == '/' && finder.slash_order_ == SlashOrder::kMonthFirst;
          p.day = month_first ? second : first;
          p.month = month_first ? first : second;
          if (p.month > 12 && p.day <= 12) std::swap(p.day, p.month);  // 23/06: one order only
          m.time(p);
          return true;
        },
        // May 24, 2024; December 29th 2019
        +[](Matcher& m, Parts& p, const DateFinder& finder) {
          return m.month(finder.months_, p.month) && m.day(p.day) && m.optional_mark(',') &&
                 m.number(p.year, 4, 4) && (m.time(p), true);
        },
        // 24 May 2024, 6. November 2023, 12 de marzo de 2024, le 5 juin 2022, 1er mai 2024,
        // 29th (of) December 2019
        +[](Matcher& m, Parts& p, const DateFinder& finder) {
          return m.day(p.day) && m.optional_mark('.') && (m.word("de") || m.word("of"), true) &&
                 m.month(finder.months_, p.month) && (m.word("de"), m.optional_mark(','), true) &&
                 m.number(p.year, 4, 4) && (m.time(p), true);
        },
    };
    for (const auto attempt : attempts) {
      Matcher matcher(text, tokens, start);
      Parts parts;
      if (attempt(matcher, parts, *this) && valid(parts)) {
        const Span found{tokens[start].span.begin, tokens[matcher.position() - 1].span.end};
        return FoundDate{found, to_iso(parts)};
      }
    }
  }
  return std::nullopt;
}

}  // namespace presslens::detail
