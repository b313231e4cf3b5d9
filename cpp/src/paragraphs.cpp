#include "presslens/paragraphs.hpp"

#include <optional>

#include "detail/utf8.hpp"

namespace presslens {
namespace {

using detail::code_point_at;
using detail::code_point_before;

// The end of the line starting at `from`, and where the next line starts.
struct LineEnd {
  std::uint32_t content_end;
  std::uint32_t next_line;
};

LineEnd find_line_end(std::string_view text, std::uint32_t from) {
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t i = from; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') return {i, i + 1};
    if (byte == '\r') return {i, i + 1 < size && text[i + 1] == '\n' ? i + 2 : i + 1};
    if (byte == 0xC2 && i + 1 < size && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      return {i, i + 2};  // NEL
    }
    if (byte == 0xE2 && i + 2 < size && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xA8) {
      return {i, i + 3};  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
    }
  }
  return {size, size};
}

// Whether a line that ends with `last` reads on into a line that starts with `first`.
bool runs_on(UChar32 last, UChar32 first) {
  if (!u_hasBinaryProperty(first, UCHAR_LOWERCASE)) return false;
  if (u_hasBinaryProperty(last, UCHAR_TERMINAL_PUNCTUATION)) return false;
  const auto category = u_charType(last);
  return category != U_END_PUNCTUATION && category != U_FINAL_PUNCTUATION;
}

}  // namespace

std::vector<Paragraph> ParagraphSplitter::split(std::string_view text) const {
  std::vector<Paragraph> paragraphs;
  std::optional<Span> open;
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t line_start = 0; line_start < size;) {
    const LineEnd line_end = find_line_end(text, line_start);
    const Span line = detail::trim_space(text, {line_start, line_end.content_end});
    line_start = line_end.next_line;
    if (line.empty()) {
      if (open) paragraphs.push_back({*open});
      open.reset();
      continue;
    }
    if (open &&
        runs_on(code_point_before(text, open->end).value, code_point_at(text, line.begin).value)) {
      open->end = line.end;
      continue;
    }
    if (open) paragraphs.push_back({*open});
    open = line;
  }
  if (open) paragraphs.push_back({*open});
  return paragraphs;
}

}  // namespace presslens
