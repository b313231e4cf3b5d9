#include "detail/page_evidence.hpp"

#include <algorithm>

namespace presslens::detail {
namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int number(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// The time zone after a time's minutes ("Z", "+02:00", "+0200", "-05:00", after optional seconds
// and their fraction) as "+HH:MM", or "" when none is given or it is malformed.
std::string utc_offset(std::string_view rest) {
  std::size_t at = 0;
  if (rest.size() >= 3 && rest[0] == ':' && digits(rest, 1, 2)) {
    at = 3;
    if (at < rest.size() && (rest[at] == '.' || rest[at] == ',')) {
      ++at;
      while (at < rest.size() && rest[at] >= '0' && rest[at] <= '9') ++at;
    }
  }
  rest.remove_prefix(at);
  if (rest == "Z" || rest == "z") return "+00:00";
  if (rest.size() < 5 || (rest[0] != '+' && rest[0] != '-') || !digits(rest, 1, 2)) return "";
  const std::size_t minutes = rest[3] == ':' ? 4 : 3;
  if (!digits(rest, minutes, 2) || rest.size() != minutes + 2 || number(rest, 1, 2) > 14 ||
      number(rest, minutes, 2) > 59) {
    return "";
  }
  return std::string(1, rest[0]) + std::string(rest.substr(1, 2)) + ":" +
         std::string(rest.substr(minutes, 2));
}

}  // namespace

std::vector<ParagraphEvidence> paragraph_evidence(std::span<const Paragraph> paragraphs,
                                                  std::span<const PageBlock> blocks) {
  std::vector<ParagraphEvidence> evidence;
  if (blocks.empty()) return evidence;
  evidence.resize(paragraphs.size());
  const bool has_content =
      std::any_of(blocks.begin(), blocks.end(), [](const PageBlock& b) { return b.in_content; });
  std::size_t b = 0;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Span span = paragraphs[p].span;
    while (b < blocks.size() && blocks[b].span.end <= span.begin) ++b;
    std::uint32_t bytes = 0, link_bytes = 0;
    bool layout = true, in_content = false, top_heading = false;
    std::uint16_t flags = 0;
    for (std::size_t k = b; k < blocks.size() && blocks[k].span.begin < span.end; ++k) {
      bytes += blocks[k].span.size();
      link_bytes += blocks[k].link_bytes;
      layout &= blocks[k].has(PageBlock::kLayout) || blocks[k].has(PageBlock::kChromeClass);
      in_content |= blocks[k].in_content;
      top_heading |= blocks[k].has(PageBlock::kTopHeading);
      flags |= blocks[k].flags;
    }
    if (bytes == 0) continue;
    ParagraphEvidence& e = evidence[p];
    e.layout = layout;
    e.links = 2 * link_bytes > bytes;
    e.in_content = in_content;
    e.outside_content = has_content && !in_content;
    e.top_heading = top_heading;
    e.flags = flags;
    e.link_quarters =
        static_cast<std::uint8_t>(std::min<std::uint32_t>(4, (4 * link_bytes + bytes / 2) / bytes));
  }
  return evidence;
}

std::optional<std::string> iso_date(std::string_view date) {
  if (!digits(date, 0, 4) || date.size() < 10 || date[4] != '-' || !digits(date, 5, 2) ||
      date[7] != '-' || !digits(date, 8, 2)) {
    return std::nullopt;
  }
  const int month = number(date, 5, 2), day = number(date, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  std::string iso(date.substr(0, 10));
  if (date.size() >= 16 && (date[10] == 'T' || date[10] == ' ') && digits(date, 11, 2) &&
      date[13] == ':' && digits(date, 14, 2) && number(date, 11, 2) < 24 &&
      number(date, 14, 2) < 60) {
    iso += 'T';
    iso += date.substr(11, 5);
    iso += utc_offset(date.substr(16));
  }
  return iso;
}

}  // namespace presslens::detail
