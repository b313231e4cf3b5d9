// Article structure: which paragraphs of a scraped page are the article (title, byline, body,
// author bio) and which are page chrome, with the title, authors and date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/html.hpp"
#include "presslens/language.hpp"
#include "presslens/paragraphs.hpp"

namespace presslens {

namespace detail {
class StructureLexicon;
}

enum class ParagraphRole : std::uint8_t {
  kBody,         // the article's text
  kTitle,        // its headline
  kByline,       // author and/or date lines
  kBio,          // the author's biography or disclaimer after the body
  kBoilerplate,  // page chrome: menus, share bars, related links, footers
};

// Why a paragraph was judged page chrome.
enum class ChromeReason : std::uint8_t {
  kLegal,         // copyright, licence, registration lines
  kLinkList,      // "A / B / C", "A | B | C": menus and breadcrumbs
  kChromePhrase,  // a short line with a chrome phrase ("Share", "Most Viewed", "Subscribe")
  kOutsideBody,   // short lines and teasers around the article, with no stronger cue
  kLayout,        // HTML: inside the page's menus, header, footer, sidebars or forms
};

const char* to_string(ParagraphRole role) noexcept;
const char* to_string(ChromeReason reason) noexcept;

struct Boilerplate {
  std::uint32_t paragraph;  // index into Document::paragraphs()
  ChromeReason reason;
  Span cue;  // the phrase or separator that decided it (empty for kOutsideBody, kLayout and
             // HTML lines that are mostly links)
};

struct Structure {
  std::vector<ParagraphRole> roles;  // one per paragraph
  std::optional<Span> title;
  std::vector<Span> authors;        // author names as written
  std::optional<Span> date_span;    // where the date stands
  std::string date;                 // ISO 8601: "2024-05-24" or "2024-05-24T11:10"; empty if none
  std::vector<std::uint32_t> body;  // indices of body paragraphs, in order
  std::vector<std::uint32_t> bio;   // indices of bio paragraphs
  std::vector<Boilerplate> boilerplate;

  // Every paragraph as body (for clean text, or when detection is switched off).
  static Structure all_body(std::size_t paragraphs);
};

// Reads the structure of a scraped page from its paragraphs (one per line), with cues that
// generalise across sites: prose versus short lines, terminal punctuation, link-list separators,
// chrome and legal phrases, bylines and dates, bio phrases (lists in the language pack, English
// always included since pages mix it in). The body is the stretch of paragraphs with the most
// prose net of chrome; see docs/structure.md. Immutable; serves any number of threads.
class StructureParser {
 public:
  explicit StructureParser(const LanguagePack& language);

  // For a page read from HTML, `blocks` and `metadata` (from read_html) add the markup's
  // evidence: layout elements and link-heavy lines are chrome, the body lies inside the page's
  // main content element, and the page's own title, authors and date are preferred.
  Structure parse(std::string_view text, std::span<const Paragraph> paragraphs,
                  std::span<const PageBlock> blocks = {},
                  const PageMetadata* metadata = nullptr) const;

 private:
  std::shared_ptr<const detail::StructureLexicon> lexicon_;
};

}  // namespace presslens
