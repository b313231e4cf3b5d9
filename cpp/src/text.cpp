#include "presslens/text.hpp"

#include <unicode/utf8.h>

#include <cstring>

namespace presslens {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Why the sequence starting at `bytes` (with `size` bytes left) is ill-formed; the caller knows it
// is.
Utf8Fault classify_fault(const unsigned char* bytes, std::size_t size) {
  const unsigned char lead = bytes[0];
  if (is_continuation(lead)) return Utf8Fault::kUnexpectedContinuation;
  if (lead == 0xC0 || lead == 0xC1) return Utf8Fault::kOverlong;
  if (lead >= 0xF5 && lead <= 0xF7) return Utf8Fault::kTooLarge;
  if (lead >= 0xF8) return Utf8Fault::kInvalidByte;
  if (size >= 2 && is_continuation(bytes[1])) {
    const unsigned char second = bytes[1];
    if (lead == 0xE0 && second < 0xA0) return Utf8Fault::kOverlong;
    if (lead == 0xED && second >= 0xA0) return Utf8Fault::kSurrogate;
    if (lead == 0xF0 && second < 0x90) return Utf8Fault::kOverlong;
    if (lead == 0xF4 && second >= 0x90) return Utf8Fault::kTooLarge;
  }
  return Utf8Fault::kTruncated;
}

// Length of the run of ASCII bytes starting at `from`, read eight bytes at a time.
std::size_t ascii_run(const unsigned char* bytes, std::size_t from, std::size_t size) {
  std::size_t i = from;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < size && bytes[i] < 0x80) ++i;
  return i - from;
}

// Decodes one non-ASCII sequence at `i` with ICU; returns the code point (negative when
// ill-formed) and advances `i` past it, or past the maximal ill-formed subpart.
UChar32 decode_at(const unsigned char* bytes, std::size_t& i, std::size_t size) {
  const std::int32_t window = static_cast<std::int32_t>(size - i < 4 ? size - i : 4);
  std::int32_t offset = 0;
  UChar32 c;
  U8_NEXT(bytes + i, offset, window, c);
  i += static_cast<std::size_t>(offset);
  return c;
}

}  // namespace

const char* to_string(Utf8Fault fault) noexcept {
  switch (fault) {
    case Utf8Fault::kUnexpectedContinuation:
      return "unexpected continuation byte";
    case Utf8Fault::kInvalidByte:
      return "byte that never occurs in UTF-8";
    case Utf8Fault::kTruncated:
      return "truncated multi-byte sequence";
    case Utf8Fault::kOverlong:
      return "overlong encoding";
    case Utf8Fault::kSurrogate:
      return "encoded UTF-16 surrogate";
    case Utf8Fault::kTooLarge:
      return "code point above U+10FFFF";
  }
  return "ill-formed sequence";
}

InvalidUtf8::InvalidUtf8(Utf8Error error)
    : Error(ErrorCode::kInvalidUtf8,
            "invalid UTF-8 at byte " + std::to_string(error.byte_offset) + ": " +
                to_string(error.fault),
            error.byte_offset),
      fault_(error.fault) {}

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (true) {
    i += ascii_run(bytes, i, size);
    if (i >= size) return std::nullopt;
    const std::size_t start = i;
    if (decode_at(bytes, i, size) < 0) {
      return Utf8Error{start, classify_fault(bytes + start, size - start)};
    }
  }
}

RepairedText replace_invalid_utf8(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  RepairedText repaired;
  repaired.text.reserve(size);
  std::size_t i = 0;
  while (i < size) {
    const std::size_t run = ascii_run(bytes, i, size);
    repaired.text.append(text.substr(i, run));
    i += run;
    if (i >= size) break;
    const std::size_t start = i;
    if (decode_at(bytes, i, size) < 0) {
      repaired.text.append(kReplacement);
      ++repaired.replacements;
    } else {
      repaired.text.append(text.substr(start, i - start));
    }
  }
  return repaired;
}

OffsetMap::OffsetMap(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  if (ascii_run(bytes, 0, size) == size) {
    code_points_ = static_cast<std::uint32_t>(size);
    return;
  }
  ascii_ = false;
  code_points_before_block_.reserve(size / kBlock + 1);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (i % kBlock == 0) code_points_before_block_.push_back(count);
    if (!is_continuation(bytes[i])) {
      if (count % kBlock == 0) byte_of_code_point_block_.push_back(static_cast<std::uint32_t>(i));
      ++count;
    }
  }
  code_points_ = count;
}

std::uint32_t OffsetMap::to_code_points(std::string_view text, std::uint32_t byte) const noexcept {
  if (ascii_) return byte;
  if (byte >= text.size()) return code_points_;
  const std::uint32_t block_start = byte - byte % kBlock;
  std::uint32_t count = code_points_before_block_[byte / kBlock];
  for (std::uint32_t i = block_start; i < byte; ++i) {
    count += !is_continuation(static_cast<unsigned char>(text[i]));
  }
  return count;
}

std::uint32_t OffsetMap::to_bytes(std::string_view text, std::uint32_t code_point) const noexcept {
  if (ascii_) return code_point;
  if (code_point >= code_points_) return static_cast<std::uint32_t>(text.size());
  std::uint32_t byte = byte_of_code_point_block_[code_point / kBlock];
  for (std::uint32_t left = code_point % kBlock; left > 0; --left) {
    ++byte;
    while (is_continuation(static_cast<unsigned char>(text[byte]))) ++byte;
  }
  return byte;
}

}  // namespace presslens
