// The learned `is_claim` decision (claims.hpp): how likely a sentence is to assert something
// arguable or checkable (a fact, a cause, a prediction, a norm, a judgement), as an analyst
// reading an op-ed or a news story marks claims, against questions, exhortations, wishes,
// greetings, proverbs and scene-setting narration. A linear model on the shared runtime over
// what the claims stage reads of the sentence (claim_features in claims.cpp), in every language,
// its margins calibrated into probabilities (Platt scaling), with the threshold that maximised F1
// in cross-validation. Trained by tools/train_claim_model.py; stored as docs/model-format.md says.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "detail/calibrated_model.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {

class ClaimModel : public CalibratedModel {
 public:
  static constexpr std::string_view kMagic = "presslens claim model";
  static constexpr std::uint32_t kVersion = 1;

  // Reads a model file; throws LanguagePackError when it is not one. `source` names it in errors.
  ClaimModel(std::string_view bytes, std::string_view source);
  // The model presslens ships (cpp/data/mul/claims.model), or null in a build without one.
  static const ClaimModel* builtin();

  // The probability at or above which a sentence is a claim.
  float threshold() const noexcept { return threshold_; }
  // The ClaimFeatureFamily bits (claims.hpp) it was trained on.
  std::uint32_t families() const noexcept { return families_; }

  static std::string serialise(const SparseRows& rows, float slope, float intercept,
                               float threshold, std::uint32_t families);

 private:
  explicit ClaimModel(ByteReader&& in);

  float threshold_ = 0.5f;
  std::uint32_t families_ = 0;
};

}  // namespace presslens::detail
