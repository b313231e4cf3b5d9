// Builds a page's text from the elements and character data an HTML parser reports: lines for
// blocks, white space collapsed as a browser shows it, each line's place in the page, the map
// back to the source, and the element that holds the article's prose.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "presslens/html.hpp"

namespace presslens::detail {

// What an element's attributes say, beyond its tag.
struct ElementHints {
  bool hidden = false;   // hidden, display:none, visibility:hidden, screen-reader-only classes
  bool layout = false;   // role navigation/banner/contentinfo/complementary/search
  bool article = false;  // role main/article, itemprop articleBody
  int class_weight = 0;  // Readability's: + for article/content/story classes, - for chrome ones
  std::size_t class_hash = 0;  // of the class attribute (0 without one): siblings that share it
  bool chrome_class = false;   // a class or id word that names chrome: share, related, comments ...
  bool unlikely = false;       // Readability's unlikely candidate: a class or id of comments,
                               // menus, sidebars, popups ... that no article wrapper shares
};

class PageTextBuilder {
 public:
  // `source_size`: the HTML's length, for points at its end.
  explicit PageTextBuilder(std::uint32_t source_size);

  // An element opens at `source_at` (its start tag) with these flags (html_tag_flags) and hints.
  void open(std::uint32_t tag_flags, const ElementHints& hints, std::uint32_t source_at);
  // The innermost open element closes.
  void close(std::uint32_t source_at);
  // Character data. `exact`: `chunk` is the HTML's own bytes at [source_begin, source_end);
  // otherwise (an entity) it was decoded from them.
  void characters(std::string_view chunk, std::uint32_t source_begin, std::uint32_t source_end,
                  bool exact);
  // Whether character data here would be hidden (script, style, head, hidden elements).
  bool hidden() const noexcept { return !stack_.empty() && stack_.back().hidden; }
  std::size_t depth() const noexcept { return stack_.size(); }

  // The text, its blocks (with in_content marked) and the source map.
  void finish(HtmlPage& page);

 private:
  struct Element {
    std::uint32_t tag_flags;
    std::uint16_t block_flags;  // PageBlock flags, inherited
    bool hidden;
    bool link;
    bool pre;
    bool article;   // inside an article (a <header> there is the article's own)
    bool unlikely;  // inside an unlikely candidate: its lines never score
    int class_weight;
    std::size_t class_hash;
    std::uint32_t serial;
    std::uint32_t parent_serial;
    std::uint32_t chrome_serial;  // the innermost element with a chrome class around it, or 0
    std::uint32_t first_block;    // the first line that started inside it
    double content_score = 0;
  };
  // An element that held lines: its score (0 unless its paragraphs scored), its parent, the
  // lines inside it.
  struct Closed {
    double score;
    std::size_t class_hash;
    std::uint32_t serial;
    std::uint32_t parent_serial;
    std::uint32_t first_block;
    std::uint32_t end_block;
    bool paragraph;
    bool root;  // html, body: never the content itself
  };

  // `link`: the piece counts as link text when it stands in a link (a space between words never).
  void append(std::string_view piece, std::uint32_t source_begin, std::uint32_t source_end,
              bool exact, bool link = true);
  void add_pending_space();
  void end_line(std::uint32_t source_at);
  void score_line(const PageBlock& block);
  void mark_content();
  const Closed* best_element() const;
  bool joins_content(const Closed& sibling, const Closed& best) const;

  std::uint32_t source_size_;
  std::string text_;
  std::vector<Element> stack_;
  std::vector<PageBlock> blocks_;
  std::vector<std::uint32_t> block_chrome_serials_;  // Element::chrome_serial of each line
  std::vector<Closed> closed_;
  SourceMap map_;
  std::uint32_t serials_ = 0;

  // The line being built.
  bool line_open_ = false;
  std::uint32_t line_begin_ = 0;
  std::uint32_t line_link_bytes_ = 0;
  std::uint16_t line_flags_ = 0;
  std::uint32_t line_chrome_serial_ = 0;
  std::uint32_t line_end_source_ = 0;  // where the previous line ended in the source
  // White space seen since the line's last text: emitted as one space before more text.
  bool space_pending_ = false;
  bool space_is_one_blank_ = false;  // a single ' ' in the source: maps exactly
  std::uint32_t space_source_ = 0;
};

}  // namespace presslens::detail
