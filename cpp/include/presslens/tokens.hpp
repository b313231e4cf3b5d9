// Tokens: words, numbers, punctuation, symbols, URLs, e-mail addresses, hashtags and mentions,
// with their offsets, and the normalised key under which a word is counted.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/text.hpp"

namespace presslens {

namespace detail {
class TokenizerResources;
}

enum class TokenKind : std::uint8_t {
  kWord,         // letters, with inner apostrophes and hyphens: "China's", "people-to-people"
  kNumber,       // "2024", "40,000", "1.8"
  kPunctuation,  // one punctuation character
  kSymbol,       // "$", "%", "°", an emoji sequence
  kUrl,          // "https://example.org/a", "www.example.org"
  kEmail,        // "jane.doe@example.com"
  kHashtag,      // "#climate"
  kMention,      // "@presslens"
};

const char* to_string(TokenKind kind) noexcept;

// The sentence index of tokens outside any sentence (the title).
inline constexpr std::uint32_t kNoSentence = std::numeric_limits<std::uint32_t>::max();

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  std::uint32_t sentence = kNoSentence;  // index into Document::sentences()
  // Index of the token's key in Document::keys(), set by the Analyzer: each distinct written
  // form is keyed once per document, and every stage reads the key from there.
  std::uint32_t key = 0;
};

// Splits text into tokens. Scripts written with spaces are scanned directly (letters, digits and
// marks by their Unicode properties; inner apostrophes, hyphens and decimal points kept inside a
// token); runs of Chinese, Japanese, Thai, Lao, Khmer and Myanmar go to ICU's dictionary-based
// word BreakIterator. Immutable; serves any number of threads.
class Tokenizer {
 public:
  explicit Tokenizer(const LanguagePack& language);

  // Appends the tokens of text[span], each tagged with `sentence`, to `tokens`. White space is
  // never a token.
  void tokenize(std::string_view text, Span span, std::uint32_t sentence,
                std::vector<Token>& tokens) const;

  // The key a word is counted under: NFKC with full case folding ("ﬁnance" -> "finance",
  // "STRASSE" and "Straße" -> "strasse"), one apostrophe ("’" -> "'"), possessives and elided
  // articles of the language removed ("China's" -> "china", "l'Europe" -> "europe").
  std::string key(std::string_view token) const;
  void key(std::string_view token, std::string& out) const;
  // The bytes of the elided article or pronoun that key() leaves out at the token's start ("l'"
  // of "l'aéroport", "L’" of "L’Europe"); 0 when there is none. A phrase is shown without it.
  std::size_t elided_prefix(std::string_view token) const;
  // The bytes of the possessive ending that key() leaves out ("'s" of "City's", "’s"); 0 when
  // there is none.
  std::size_t possessive_suffix(std::string_view token) const;

  // The parts of a hyphenated compound's key ("japan-china" -> "japan", "china"); empty when the
  // key has no hyphen.
  static std::vector<std::string_view> compound_parts(std::string_view key);

 private:
  std::shared_ptr<const detail::TokenizerResources> resources_;
};

}  // namespace presslens
