// Text basics: byte spans, UTF-8 validation and repair, and byte <-> code-point offset conversion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/error.hpp"

namespace presslens {

// A half-open range [begin, end) of UTF-8 byte offsets into a document's text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// The largest text presslens accepts (2 GiB - 1): spans are 32-bit byte offsets, and ICU indexes
// text with signed 32-bit integers.
inline constexpr std::size_t kMaxTextBytes = 0x7FFFFFFF;

enum class Utf8Policy {
  kStrict,   // ill-formed UTF-8 throws InvalidUtf8
  kReplace,  // each maximal ill-formed subsequence becomes U+FFFD (as Python and WHATWG decode)
};

// What is wrong with an ill-formed UTF-8 sequence.
enum class Utf8Fault {
  kUnexpectedContinuation,  // a continuation byte 0x80-0xBF where a sequence should start
  kInvalidByte,             // 0xC0, 0xC1 or 0xF5-0xFF, which never occur in UTF-8
  kTruncated,               // a lead byte not followed by enough continuation bytes
  kOverlong,                // a longer encoding than the code point needs
  kSurrogate,               // an encoded UTF-16 surrogate U+D800-U+DFFF
  kTooLarge,                // a code point above U+10FFFF
};

const char* to_string(Utf8Fault fault) noexcept;

struct Utf8Error {
  std::size_t byte_offset;  // where the ill-formed sequence starts
  Utf8Fault fault;
};

class InvalidUtf8 : public Error {
 public:
  explicit InvalidUtf8(Utf8Error error);
  Utf8Fault fault() const noexcept { return fault_; }

 private:
  Utf8Fault fault_;
};

// The first ill-formed sequence in `text`, or nothing when `text` is valid UTF-8.
std::optional<Utf8Error> find_invalid_utf8(std::string_view text) noexcept;

struct RepairedText {
  std::string text;
  std::size_t replacements = 0;  // how many U+FFFD were substituted
};

// `text` with every maximal ill-formed subsequence replaced by U+FFFD.
RepairedText replace_invalid_utf8(std::string_view text);

// Converts between byte offsets and code-point offsets of one valid UTF-8 text in O(1): a table of
// counts every 64 bytes and every 64 code points, and at most one short scan per query. It stores
// no pointer to the text, so each query is given the same text the map was built from.
class OffsetMap {
 public:
  OffsetMap() = default;
  explicit OffsetMap(std::string_view text);

  // Code points before byte `byte`; `byte` must lie on a code-point boundary or at the end.
  std::uint32_t to_code_points(std::string_view text, std::uint32_t byte) const noexcept;
  // Byte offset of code point number `code_point` (or the text's size for the end).
  std::uint32_t to_bytes(std::string_view text, std::uint32_t code_point) const noexcept;
  std::uint32_t code_point_count() const noexcept { return code_points_; }

 private:
  static constexpr std::uint32_t kBlock = 64;
  bool ascii_ = true;
  std::uint32_t code_points_ = 0;
  std::vector<std::uint32_t> code_points_before_block_;  // per 64-byte block
  std::vector<std::uint32_t> byte_of_code_point_block_;  // byte offset of every 64th code point
};

}  // namespace presslens
