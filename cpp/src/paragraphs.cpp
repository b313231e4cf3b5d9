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

// Whether `line` has at least `count` words (bounded: stops counting at `count`).
bool has_words(std::string_view text, Span line, int count) {
  int words = 0;
  bool in_word = false;
  for (std::uint32_t i = line.begin; i < line.end;) {
    const auto c = code_point_at(text, i);
    const bool space = detail::is_trimmable_space(c.value);
    if (!space && !in_word && ++words >= count) return true;
    in_word = !space;
    i += c.size;
  }
  return false;
}

// Whether `line` is hard-wrapped into `next`: a line of four words or more that ends without
// closing punctuation, followed by a line that starts in lower case. Short lines ("features",
// "contact manager") are items of their own even when the next starts in lower case.
bool runs_on(std::string_view text, Span line, Span next) {
  if (!u_hasBinaryProperty(code_point_at(text, next.begin).value, UCHAR_LOWERCASE)) return false;
  const UChar32 last = code_point_before(text, line.end).value;
  if (u_hasBinaryProperty(last, UCHAR_TERMINAL_PUNCTUATION)) return false;
  const auto category = u_charType(last);
  if (category == U_END_PUNCTUATION || category == U_FINAL_PUNCTUATION) return false;
  return has_words(text, line, 4);
}

}  // namespace

std::vector<Paragraph> ParagraphSplitter::split(std::string_view text, bool join_wrapped) const {
  std::vector<Paragraph> paragraphs;
  std::optional<Span> open;
  Span last_line;
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
    if (open && join_wrapped && runs_on(text, last_line, line)) {
      open->end = line.end;
    } else {
      if (open) paragraphs.push_back({*open});
      open = line;
    }
    last_line = line;
  }
  if (open) paragraphs.push_back({*open});
  return paragraphs;
}

}  // namespace presslens
