// Collects what a page says about itself (<meta>, JSON-LD, <title>, <html lang>, <link
// rel=canonical>, <time>, rel=author links) while an HTML parser reads it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/html.hpp"

namespace presslens::detail {

struct HtmlAttribute {
  std::string_view name;  // lower case
  std::string_view value;
};

class PageMetadataCollector {
 public:
  // An element opens; `tag_flags` from html_tag_flags.
  void open(std::string_view name, std::uint32_t tag_flags,
            const std::vector<HtmlAttribute>& attributes);
  // The innermost open element closes (`depth`: how many stay open).
  void close(std::size_t depth);
  // Character data, decoded; kept while a <title>, JSON-LD script or author link is open.
  void characters(std::string_view chunk);
  // Whether character data is wanted now, hidden or not.
  bool capturing() const noexcept { return capture_ != Capture::kNone; }

  // The metadata, each field from the best source the page gave.
  PageMetadata finish();

 private:
  enum class Capture : std::uint8_t { kNone, kTitle, kJsonLd, kAuthorLink };
  // Sources of a field, best first: a later source never overwrites an earlier one's value.
  enum Field : std::uint8_t { kTitle, kDate, kAuthors, kSiteName, kDescription, kUrl, kLanguage };
  static constexpr std::size_t kFields = 7;

  void offer(Field field, int rank, std::string_view value);
  void offer_meta(std::string_view key, std::string_view content);
  void read_json_ld(std::string_view json);

  struct Candidate {
    int rank = 1 << 30;  // lower is better
    std::string value;
    std::vector<std::string> authors;  // kAuthors: the names of the best source
  };
  std::array<Candidate, kFields> fields_;

  Capture capture_ = Capture::kNone;
  std::size_t capture_depth_ = 0;  // the stack depth of the capturing element
  std::size_t depth_ = 0;
  std::string captured_;
  bool title_seen_ = false;
  bool article_time_seen_ = false;
};

}  // namespace presslens::detail
