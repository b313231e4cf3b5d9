#include "presslens/tokens.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <algorithm>

#include "detail/break_iterator_pool.hpp"
#include "detail/utf8.hpp"
#include "presslens/error.hpp"

namespace presslens {

namespace detail {

// What a tokenizer shares between calls: ICU's word iterator for dictionary scripts, the NFKC
// case-folding normaliser, and the language's possessive suffixes and elided articles.
class TokenizerResources {
 public:
  explicit TokenizerResources(const LanguagePack& language)
      : words(make_word_iterator(language)),
        possessives(language.list("possessive_suffixes")),
        elisions(language.list("elisions")) {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
      throw Error(ErrorCode::kInvalidArgument, "ICU has no NFKC_Casefold data");
  }

  BreakIteratorPool words;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::vector<std::string> possessives;
  std::vector<std::string> elisions;

 private:
  static std::unique_ptr<icu::BreakIterator> make_word_iterator(const LanguagePack& language) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(language.language(), status);
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createWordInstance(locale, status));
    if (U_FAILURE(status) || !iterator) {
      throw Error(ErrorCode::kInvalidArgument,
                  std::string("ICU has no word rules: ") + u_errorName(status));
    }
    return iterator;
  }
};

}  // namespace detail

namespace {

using detail::code_point_at;
using detail::CodePoint;

// Scripts written without spaces, which need ICU's dictionaries to find words.
bool is_dictionary_script(UChar32 c) {
  if (c < 0x0E00) return false;
  if (c == 0x30FC || c == 0x3005 || c == 0x3006) return true;  // ー 々 〆
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (is_dictionary_script(c)) return false;
  const auto type = u_charType(c);
  return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         c == 0x200D;  // ZWJ inside words of some scripts
}

bool is_digit(UChar32 c) { return u_isdigit(c); }
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Scans one token from `start` in text[..end).
class TokenScanner {
 public:
  TokenScanner(std::string_view text, std::uint32_t end) : text_(text), end_(end) {}

  CodePoint at(std::uint32_t i) const {
    return i < end_ ? code_point_at(text_, i) : CodePoint{-1, 0};
  }

  // A URL from "http://", "https://" or "www.", up to white space, without closing punctuation.
  std::uint32_t url_end(std::uint32_t start) const {
    const std::string_view rest = text_.substr(start, end_ - start);
    if (!(rest.starts_with("http://") || rest.starts_with("https://") ||
          rest.starts_with("www."))) {
      return start;
    }
    std::uint32_t i = start;
    while (i < end_) {
      const CodePoint c = at(i);
      if (u_isUWhiteSpace(c.value) || c.value == '"' || c.value == '<' || c.value == '>') break;
      i += c.size;
    }
    while (i > start) {
      const char last = text_[i - 1];
      if (std::string_view(".,;:!?)]}'\"").find(last) == std::string_view::npos) break;
      --i;
    }
    return i;
  }

  // A word or number: word characters with inner apostrophes ("China's"), hyphens
  // ("Japan-China"), periods ("U.S", "3.14", "example.com") and digit commas ("40,000"), and an
  // e-mail address when an '@' joins two such runs.
  std::uint32_t word_end(std::uint32_t start, bool& email) const {
    std::uint32_t i = start;
    UChar32 previous = 0;
    email = false;
    while (i < end_) {
      const CodePoint c = at(i);
      if (is_word_char(c.value)) {
        previous = c.value;
        i += c.size;
        continue;
      }
      const CodePoint next = at(i + c.size);
      const bool joins = is_word_char(previous) && next.size > 0 && is_word_char(next.value);
      if (!joins) break;
      if (is_apostrophe(c.value) || is_hyphen(c.value) || c.value == '.' || c.value == '_' ||
          (c.value == ',' && is_digit(previous) && is_digit(next.value))) {
        i += c.size;
        previous = c.value;
        continue;
      }
      if (c.value == '@' && !email) {
        email = true;
        i += c.size;
        previous = c.value;
        continue;
      }
      break;
    }
    return i;
  }

  std::uint32_t emoji_end(std::uint32_t start) const {
    std::uint32_t i = start;
    while (i < end_) {
      const CodePoint c = at(i);
      if (i > start && !(u_hasBinaryProperty(c.value, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                         u_hasBinaryProperty(c.value, UCHAR_EMOJI_MODIFIER) ||
                         u_hasBinaryProperty(c.value, UCHAR_REGIONAL_INDICATOR) ||
                         c.value == 0x200D || c.value == 0xFE0F || c.value == 0x20E3)) {
        break;
      }
      i += c.size;
    }
    return i;
  }

  std::uint32_t dictionary_run_end(std::uint32_t start) const {
    std::uint32_t i = start;
    while (i < end_) {
      const CodePoint c = at(i);
      if (!is_dictionary_script(c.value)) break;
      i += c.size;
    }
    return i;
  }

 private:
  std::string_view text_;
  std::uint32_t end_;
};

TokenKind word_kind(std::string_view token, bool email) {
  if (email && token.find('.', token.find('@')) != std::string_view::npos) return TokenKind::kEmail;
  const bool digits_only = std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',';
  });
  return digits_only && !token.empty() && token[0] >= '0' && token[0] <= '9' ? TokenKind::kNumber
                                                                             : TokenKind::kWord;
}

TokenKind punctuation_kind(UChar32 c) {
  switch (u_charType(c)) {
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return TokenKind::kSymbol;
    default:
      return TokenKind::kPunctuation;
  }
}

// Copies `text` to `out` with ’ (U+2019) and ʼ (U+02BC) written as '.
void unify_apostrophes(std::string_view text, std::string& out) {
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
    } else if (text.substr(i, 2) == "\xCA\xBC") {
      out.push_back('\'');
      i += 1;
    } else {
      out.push_back(text[i]);
    }
  }
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

const char* to_string(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunctuation:
      return "punctuation";
    case TokenKind::kSymbol:
      return "symbol";
    case TokenKind::kUrl:
      return "url";
    case TokenKind::kEmail:
      return "email";
    case TokenKind::kHashtag:
      return "hashtag";
    case TokenKind::kMention:
      return "mention";
  }
  return "word";
}

Tokenizer::Tokenizer(const LanguagePack& language)
    : resources_(std::make_shared<const detail::TokenizerResources>(language)) {}

void Tokenizer::tokenize(std::string_view text, Span span, std::uint32_t sentence,
                         std::vector<Token>& tokens) const {
  const TokenScanner scan(text, span.end);
  for (std::uint32_t i = span.begin; i < span.end;) {
    const CodePoint c = scan.at(i);
    if (u_isUWhiteSpace(c.value)) {
      i += c.size;
      continue;
    }
    if (const std::uint32_t end = scan.url_end(i); end > i) {
      tokens.push_back({{i, end}, TokenKind::kUrl, sentence});
      i = end;
      continue;
    }
    if ((c.value == '#' || c.value == '@') && is_word_char(scan.at(i + 1).value)) {
      bool email = false;
      const std::uint32_t end = scan.word_end(i + 1, email);
      tokens.push_back(
          {{i, end}, c.value == '#' ? TokenKind::kHashtag : TokenKind::kMention, sentence});
      i = end;
      continue;
    }
    if (is_word_char(c.value)) {
      bool email = false;
      const std::uint32_t end = scan.word_end(i, email);
      tokens.push_back({{i, end}, word_kind(text.substr(i, end - i), email), sentence});
      i = end;
      continue;
    }
    if (is_dictionary_script(c.value)) {
      const std::uint32_t end = scan.dictionary_run_end(i);
      auto words = resources_->words.borrow();
      UErrorCode status = U_ZERO_ERROR;
      UText utext = UTEXT_INITIALIZER;
      utext_openUTF8(&utext, text.data() + i, end - i, &status);
      words->setText(&utext, status);
      std::uint32_t previous = i;
      for (std::int32_t b = words->next(); b != icu::BreakIterator::DONE; b = words->next()) {
        const std::uint32_t boundary = i + static_cast<std::uint32_t>(b);
        const TokenKind kind = words->getRuleStatus() >= UBRK_WORD_NUMBER &&
                                       words->getRuleStatus() < UBRK_WORD_NUMBER_LIMIT
                                   ? TokenKind::kNumber
                                   : TokenKind::kWord;
        tokens.push_back({{previous, boundary}, kind, sentence});
        previous = boundary;
      }
      utext_close(&utext);
      i = end;
      continue;
    }
    if (u_hasBinaryProperty(c.value, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_hasBinaryProperty(c.value, UCHAR_REGIONAL_INDICATOR)) {
      const std::uint32_t end = scan.emoji_end(i);
      tokens.push_back({{i, end}, TokenKind::kSymbol, sentence});
      i = end;
      continue;
    }
    // A run of one punctuation mark ("...", "!!!", "----") is one token.
    std::uint32_t end = i + c.size;
    while (end + c.size <= span.end && text.substr(end, c.size) == text.substr(i, c.size))
      end += c.size;
    tokens.push_back({{i, end}, punctuation_kind(c.value), sentence});
    i = end;
  }
}

std::string Tokenizer::key(std::string_view token) const {
  std::string out;
  key(token, out);
  return out;
}

void Tokenizer::key(std::string_view token, std::string& out) const {
  out.clear();
  if (is_ascii(token)) {
    out.reserve(token.size());
    for (char c : token) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded =
        resources_->nfkc_casefold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                 token.data(), static_cast<int32_t>(token.size()))),
                                             status);
    std::string utf8;
    folded.toUTF8String(utf8);
    unify_apostrophes(utf8, out);
  }
  for (const auto& suffix : resources_->possessives) {
    if (out.size() > suffix.size() && out.ends_with(suffix)) {
      out.resize(out.size() - suffix.size());
      break;
    }
  }
  for (const auto& elision : resources_->elisions) {
    if (out.size() > elision.size() && out.starts_with(elision)) {
      out.erase(0, elision.size());
      break;
    }
  }
}

std::size_t Tokenizer::elided_prefix(std::string_view token) const {
  for (const auto& elision : resources_->elisions) {
    // Elisions are written with ' and end with it ("l'", "qu'"); the text may use ’ or ʼ.
    const std::string_view letters = std::string_view(elision).substr(0, elision.size() - 1);
    if (token.size() <= letters.size()) continue;
    const bool same = std::equal(letters.begin(), letters.end(), token.begin(), [](char a, char b) {
      return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b);
    });
    if (!same) continue;
    const std::string_view rest = token.substr(letters.size());
    const std::size_t mark = rest.starts_with('\'')             ? 1
                             : rest.starts_with("\xE2\x80\x99") ? 3
                             : rest.starts_with("\xCA\xBC")     ? 2
                                                                : 0;
    if (mark > 0 && rest.size() > mark) return letters.size() + mark;
  }
  return 0;
}

std::size_t Tokenizer::possessive_suffix(std::string_view token) const {
  for (const auto& suffix : resources_->possessives) {
    // Suffixes are written with ' ("'s"); the text may use ’ or ʼ.
    const std::size_t apostrophe = suffix.find('\'');
    if (apostrophe == std::string::npos) {
      if (token.size() > suffix.size() && token.ends_with(suffix)) return suffix.size();
      continue;
    }
    const std::string_view after = std::string_view(suffix).substr(apostrophe + 1);
    for (const std::string_view mark : {"'", "\xE2\x80\x99", "\xCA\xBC"}) {
      const std::size_t size = mark.size() + after.size();
      if (token.size() > size && token.substr(token.size() - size, mark.size()) == mark &&
          token.ends_with(after)) {
        return size;
      }
    }
  }
  return 0;
}

std::vector<std::string_view> Tokenizer::compound_parts(std::string_view key) {
  std::vector<std::string_view> parts;
  if (key.find('-') == std::string_view::npos) return parts;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find('-', start);
    if (end == std::string_view::npos) end = key.size();
    if (end > start) parts.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace presslens
