// Finding and normalising publication dates in short lines ("Updated: 2024-05-24 11:10",
// "May 24, 2024", "24 May 2024", "6. November 2023", "12 de marzo de 2024", "2024年5月24日",
// "21.10.2019", "08/07/2026 à 07h15", "2026年8月5日 19時30分"), with month names and the order of
// numeric dates from language packs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "presslens/text.hpp"

namespace presslens::detail {

struct FoundDate {
  Span span;        // where the date (and its time, if any) stands
  std::string iso;  // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
};

// The days from one ISO date to another (their "YYYY-MM-DD" prefixes); nothing when either is not
// a valid date.
std::optional<int> days_between(std::string_view from, std::string_view to);

// Whether a timestamp with its time zone, in the structure's form ("2022-05-04T00:44+00:00"),
// falls in some time zone (UTC-12 to UTC+14) on the day `days` after its own (-1: the day
// before); false for a date without a time or a zone.
bool in_some_zone_on(std::string_view stamp, int days);

class DateFinder {
 public:
  // `month_lists`: lines of the months.txt lexicon format ("5 may", "9 september sep sept").
  // `options`: the date_options list of the page's language: "day-first" or "month-first" says
  // how a date with slashes (08/07/2026) is read; without either, such dates are not read.
  DateFinder(const std::vector<std::vector<std::string>>& month_lists,
             const std::vector<std::string>& options);

  // The first date in text[span], if any.
  std::optional<FoundDate> find(std::string_view text, Span span) const;

 private:
  // How a date with slashes reads: not at all, day or month first, or only when one order alone
  // makes a date ("23/06/2026").
  enum class SlashOrder { kUnread, kDayFirst, kMonthFirst, kUnambiguous };

  std::unordered_map<std::string, int> months_;  // case-folded name -> 1..12
  SlashOrder slash_order_ = SlashOrder::kUnread;
};

}  // namespace presslens::detail
