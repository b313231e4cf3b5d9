// What the structure stage's author chooser (candidate_chooser.hpp) reads of each short line of a
// page that may name the article's authors: how the names were found (after a byline opener at
// the line's start or inside it, as the line's first words, or right after a date), where the line
// stands (from the title, before, inside or after the body, after a comments heading), what else
// it holds (a date, the page's date, chrome and sentence cues, HTML link text), the words around
// the names ("Von", "sagt", "says"), whether the first name opens with a known given name
// (given_names.txt), and how often the same name is offered. The rules read
// bylines near the title only; pages also name authors under the text, beside a date, or alone
// on a line, and offer names that are no authors (commenters, menu items, teasers' bylines).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace presslens::detail {

struct AuthorCues {
  enum Kind : std::uint8_t {
    kOpener = 1,       // "By Ana Ruiz", "Von: Lena Vogt"
    kInnerOpener = 2,  // "Published 12 May 2024 by Ana Ruiz"
    kLeadingName = 3,  // "Ana Ruiz", "Ana Ruiz / 12 May 2024"
    kAfterDate = 4,    // "12 May 2024 Ana Ruiz"
  };
  Kind kind = kOpener;
  std::uint64_t opener = 0;                // hash of the opener, folded (0: none)
  std::uint32_t words = 0;                 // the line's words
  std::uint32_t name_words = 0;            // the first name's words
  std::uint32_t names = 0;                 // names offered on the line
  std::uint32_t name_quarters = 0;         // how much of the line the names fill, in quarters (0-4)
  std::optional<std::int32_t> from_title;  // the line's index minus the title's
  std::int8_t body_distance = 0;  // before (-) or after (+) the rules' body, 0 inside (block cues)
  std::uint32_t into_body = 0;    // inside the body: paragraphs after its first
  std::uint8_t position = 0;      // where on the page, in tenths
  bool date = false;              // the line gives a date
  bool page_date = false;         // the line gives the page's date
  bool after_comments = false;    // a comments heading stands above the line
  bool chrome = false;            // a chrome phrase or a menu
  bool legal = false;
  bool terminal = false;
  bool all_caps = false;           // the first name is written in capitals
  bool given_name = false;         // the first name opens with a known given name (given_names)
  std::uint8_t link_quarters = 0;  // HTML: link text, in quarters (0-4)
  bool outside_content = false;    // HTML: outside the page's main content element
  std::uint64_t word_after = 0;    // hash of the word after the first name, folded (0: none)
  std::uint32_t same_name = 1;     // candidates offering the same first name, itself included
  bool rule_choice = false;        // the rules' authors
};

void author_features(const AuthorCues& cues, std::vector<std::uint64_t>& out);

}  // namespace presslens::detail
