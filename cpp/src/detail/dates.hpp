// Finding and normalising publication dates in short lines ("Updated: 2024-05-24 11:10",
// "May 24, 2024", "24 May 2024", "6. November 2023", "12 de marzo de 2024", "2024年5月24日",
// "21.10.2019"), with month names from language packs.
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

class DateFinder {
 public:
  // `month_lists`: lines of the months.txt lexicon format ("5 may", "9 september sep sept").
  explicit DateFinder(const std::vector<std::vector<std::string>>& month_lists);

  // The first date in text[span], if any.
  std::optional<FoundDate> find(std::string_view text, Span span) const;

 private:
  std::unordered_map<std::string, int> months_;  // case-folded name -> 1..12
};

}  // namespace presslens::detail
