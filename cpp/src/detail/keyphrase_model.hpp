// The learned part of keyphrase ranking: a linear model on the shared runtime that says how
// likely a reader is to pick a candidate as a keyphrase of its document, from what counting found
// of it (how often, how early, how spread, in the headline or not, how rare its words are in
// general language, whether it is a name, how often it was tagged a noun phrase, its words) and
// from the rules' own score, in every language, and by language where it was trained. Trained by
// tools/train_keyphrases.py from annotated news; stored as docs/model-format.md says.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detail/calibrated_model.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {

// What the ranker knows of one candidate, in small values.
struct KeyphraseCues {
  std::uint32_t words = 0;
  std::uint32_t count = 0;
  std::uint32_t first_word = 0;   // the index of its first occurrence among the document's words
  std::uint8_t first_tenth = 0;   // where it first occurs, in tenths of the document
  std::uint8_t spread_tenth = 0;  // from its first to its last occurrence, in tenths
  std::uint8_t rarity = 0;        // its words' background rarity, in half Zipf units
  std::uint8_t capitalised = 0;   // share of its occurrences capitalised, in quarters
  std::uint8_t nominal = 0;       // share tagged a noun phrase, in quarters; kUntagged without tags
  std::uint8_t determined = 0;    // share after a determiner or elided article, in quarters
  bool in_title = false;
  bool name = false;                 // several words, capitalised in most occurrences
  bool compound = false;             // a hyphenated word
  double rule_score = 0;             // the rules' score (docs/keywords.md)
  std::uint64_t lang = 0;            // hash of the language code
  std::uint64_t key = 0;             // hash of its key (its words, keyed and stemmed)
  std::uint32_t document_words = 0;  // the document's length, in words

  static constexpr std::uint8_t kUntagged = 5;
};

// The hashed features of a candidate, appended to `out`.
void keyphrase_features(const KeyphraseCues& cues, std::vector<std::uint64_t>& out);

// The quarter (0 to 4) that `part` is of `whole`.
std::uint8_t quarters(std::uint32_t part, std::uint32_t whole);

class KeyphraseModel : public CalibratedModel {
 public:
  static constexpr std::string_view kMagic = "presslens keyphrase model";
  static constexpr std::uint32_t kVersion = 1;

  // Reads a model file; throws LanguagePackError when it is not one. `source` names it in errors.
  KeyphraseModel(std::string_view bytes, std::string_view source);
  // The model presslens ships (cpp/data/mul/keyphrases.model), or null in a build without one.
  static const KeyphraseModel* builtin();

  static std::string serialise(const SparseRows& rows, float slope, float intercept);

 private:
  explicit KeyphraseModel(ByteReader&& in);
};

}  // namespace presslens::detail
