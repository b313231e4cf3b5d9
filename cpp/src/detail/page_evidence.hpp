// What an HTML page's markup says about each paragraph of its text, in the structure's terms.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/html.hpp"
#include "presslens/paragraphs.hpp"

namespace presslens::detail {

struct ParagraphEvidence {
  bool layout = false;             // inside the page's menus, header, footer, sidebars or forms
  bool links = false;              // mostly link text
  bool in_content = false;         // inside the page's main content element
  bool outside_content = false;    // the page has a main content element, and this is not in it
  bool top_heading = false;        // an h1
  std::uint16_t flags = 0;         // PageBlock flags of any of its blocks
  std::uint8_t link_quarters = 0;  // how much of it is link text, in quarters (0-4)
};

// The evidence for each paragraph, from the blocks it covers (a paragraph is one block, or
// several when hard-wrapped lines were joined). Empty without blocks.
std::vector<ParagraphEvidence> paragraph_evidence(std::span<const Paragraph> paragraphs,
                                                  std::span<const PageBlock> blocks);

// A page's metadata date in the structure's form, "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (the time as
// written) or, when the page gives its time zone, "YYYY-MM-DDTHH:MM+HH:MM" ("Z" is "+00:00");
// nothing when it does not open with an ISO 8601 date.
std::optional<std::string> iso_date(std::string_view date);

}  // namespace presslens::detail
