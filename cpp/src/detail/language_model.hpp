// The language identifier's model (language_id.hpp) as it is held in memory, and the header of
// its file (docs/model-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detail/linear_model.hpp"

namespace presslens::detail {

struct LanguageModel {
  static constexpr std::string_view kMagic = "presslens language identifier";
  static constexpr std::uint32_t kVersion = 1;

  std::vector<std::string> languages;
  // Each language's log-probability of a sequence it never saw (natural log); the rows hold
  // what a seen sequence adds to it, in the rows' units.
  std::vector<double> unseen;
  LinearModel rows;
};

}  // namespace presslens::detail
