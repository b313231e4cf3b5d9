// Stepping through valid UTF-8 one code point at a time, at 32-bit byte offsets of any size.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

#include "presslens/text.hpp"

namespace presslens::detail {

struct CodePoint {
  UChar32 value;
  std::uint32_t size;  // bytes
};

// The code point starting at byte `i` (< text.size()) of valid UTF-8.
inline CodePoint code_point_at(std::string_view text, std::uint32_t i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data()) + i;
  if (bytes[0] < 0x80) return {bytes[0], 1};
  const std::int32_t window = static_cast<std::int32_t>(text.size() - i < 4 ? text.size() - i : 4);
  std::int32_t offset = 0;
  UChar32 c;
  U8_NEXT(bytes, offset, window, c);
  return {c, static_cast<std::uint32_t>(offset)};
}

// The code point ending at byte `i` (> 0) of valid UTF-8.
inline CodePoint code_point_before(std::string_view text, std::uint32_t i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  if (bytes[i - 1] < 0x80) return {bytes[i - 1], 1};
  std::uint32_t start = i - 1;
  while (start > 0 && i - start < 4 && (bytes[start] & 0xC0) == 0x80) --start;
  return {code_point_at(text, start).value, i - start};
}

// White space for trimming: Unicode White_Space, plus the byte-order mark.
inline bool is_trimmable_space(UChar32 c) { return c == 0xFEFF || u_isUWhiteSpace(c); }

// `span` without the white space at either end.
inline Span trim_space(std::string_view text, Span span) {
  while (span.begin < span.end) {
    const auto c = code_point_at(text, span.begin);
    if (!is_trimmable_space(c.value)) break;
    span.begin += c.size;
  }
  while (span.end > span.begin) {
    const auto c = code_point_before(text, span.end);
    if (!is_trimmable_space(c.value)) break;
    span.end -= c.size;
  }
  return span;
}

}  // namespace presslens::detail
