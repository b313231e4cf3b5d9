// Character classes for sentence boundaries, from ICU's Sentence_Break property (UAX #29).
#pragma once

#include <unicode/uchar.h>

#include "detail/utf8.hpp"

namespace presslens::detail {

struct SentenceChar {
  UChar32 value;
  std::uint32_t size;   // bytes
  USentenceBreak kind;  // ICU's Sentence_Break value
};

inline SentenceChar sentence_char_at(std::string_view text, std::uint32_t i) {
  const CodePoint c = code_point_at(text, i);
  return {c.value, c.size,
          static_cast<USentenceBreak>(u_getIntPropertyValue(c.value, UCHAR_SENTENCE_BREAK))};
}

inline SentenceChar sentence_char_before(std::string_view text, std::uint32_t i) {
  const CodePoint c = code_point_before(text, i);
  return {c.value, c.size,
          static_cast<USentenceBreak>(u_getIntPropertyValue(c.value, UCHAR_SENTENCE_BREAK))};
}

inline bool is_terminator(const SentenceChar& c) {
  return c.kind == U_SB_STERM || c.kind == U_SB_ATERM || c.value == 0x2026;  // … is not ATerm
}

// Full-width and CJK terminators (。！？．｡) end a sentence without a following space.
inline bool is_wide_terminator(const SentenceChar& c) {
  return is_terminator(c) && c.value >= 0x3000;
}

// Letters of scripts written without spaces (Han, kana, Hangul and their punctuation blocks).
inline bool is_cjk(const SentenceChar& c) { return c.kind == U_SB_OLETTER && c.value >= 0x2E80; }

inline bool is_space(const SentenceChar& c) {
  return c.kind == U_SB_SP || c.kind == U_SB_SEP || c.kind == U_SB_CR || c.kind == U_SB_LF;
}

// Marks that open something: brackets, opening quotes, Spanish ¿ and ¡.
inline bool is_opener(const SentenceChar& c) {
  const auto type = u_charType(c.value);
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c.value == '"' ||
         c.value == '\'' || c.value == 0xBF || c.value == 0xA1;
}

inline bool is_bullet(UChar32 c) {
  switch (c) {
    case 0x2022:  // •
    case 0x2023:  // ‣
    case 0x2043:  // ⁃
    case 0x25E6:  // ◦
    case 0x25AA:  // ▪
    case 0x25CF:  // ●
    case 0x25A0:  // ■
    case 0x27A2:  // ➢
      return true;
    default:
      return false;
  }
}

// Pictographic emoji and the characters that join them into one sequence.
inline bool is_emoji_part(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) ||
         u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) || c == 0x200D || c == 0xFE0F;
}

}  // namespace presslens::detail
