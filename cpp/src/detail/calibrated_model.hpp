// A yes-or-no decision on the shared model runtime whose margins are calibrated into
// probabilities (Platt scaling): the keyphrase ranker and the attribution cue model are such
// decisions. Stored as docs/model-format.md says: a magic string and version naming the model,
// the logistic curve's slope and intercept, then the rows; a model may store more after them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "detail/binary_io.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {

class CalibratedModel {
 public:
  CalibratedModel() = default;

  // The probability of "yes" for these features.
  float probability(std::span<const std::uint64_t> features) const {
    return logistic(slope_, intercept_, binary_margin(rows_, features));
  }

 protected:
  // Reads the header and rows from `in`; throws LanguagePackError (through `in`) when they are
  // not those of a model called `magic` at `version`.
  CalibratedModel(ByteReader& in, std::string_view magic, std::uint32_t version);
  static void write(ByteWriter& out, std::string_view magic, std::uint32_t version,
                    const SparseRows& rows, float slope, float intercept);

 private:
  LinearModel rows_;
  float slope_ = 1;
  float intercept_ = 0;
};

}  // namespace presslens::detail
