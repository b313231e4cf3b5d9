// What the structure stage's date chooser (candidate_chooser.hpp) reads of each short line of a
// page that gives a date: where the line stands (from the title, before, inside or after the
// body, on the page), what it is (its length, how much of it the date fills, a byline opener, a
// time, copyright or chrome cues, HTML's <time>), the words that introduce the date ("Stand:",
// "Published", "am"), and how the date compares with the page's other dates (their order, the
// latest, how often it recurs). The rules' reading takes the first date near the title; pages
// also carry dates of comments, teasers, copyright lines and events, which these cues tell apart.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace presslens::detail {

struct DateCues {
  std::uint32_t words = 0;                 // the line's words
  std::uint32_t date_quarters = 0;         // how much of the line the date fills, in quarters (0-4)
  bool time = false;                       // the date gives a time of day
  std::optional<std::int32_t> from_title;  // the line's index minus the title's
  std::int8_t body_distance = 0;  // before (-) or after (+) the rules' body, 0 inside (block cues)
  std::uint32_t into_body = 0;    // inside the body: paragraphs after its first
  std::uint8_t position = 0;      // where on the page, in tenths
  bool opener = false;            // a byline opener starts the line ("By", "Von", "Par")
  bool legal = false;
  bool chrome = false;            // a chrome phrase or a menu
  bool terminal = false;          // the line ends like a sentence
  bool html_time = false;         // HTML: the line is a <time> element
  bool outside_content = false;   // HTML: outside the page's main content element
  std::uint64_t first_word = 0;   // hash of the line's first word, folded (0: none)
  std::uint64_t word_before = 0;  // hash of the word just before the date, folded (0: none)
  std::uint32_t order = 0;        // its place among the page's dated lines, top down
  std::uint32_t recency = 0;      // its place among the page's distinct days, latest first
  std::uint32_t same_day = 1;     // dated lines giving the same day, itself included
  std::uint32_t years_before_latest = 0;
  bool rule_choice = false;  // the rules' date
};

void date_features(const DateCues& cues, std::vector<std::uint64_t>& out);

}  // namespace presslens::detail
