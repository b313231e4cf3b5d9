// The learned part of the structure stage: a linear model on the shared runtime that says, for
// each paragraph of a page, whether it is the article's body or page chrome, from what the rules
// found on it and on its neighbours (its length and punctuation, chrome, legal and byline cues,
// menus, the role the rules gave it) and, on an HTML page, what the markup says (layout elements,
// link text, headings, list items, captions, the main content element). Cues are features, never
// vetoes: a paragraph that says "home" or "copyright" is chrome only when the rest agrees.
// Trained by tools/train_structure.py; stored as docs/model-format.md says.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detail/candidate_chooser.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {

// What the block model knows of one paragraph, in small values.
struct BlockCues {
  enum Flag : std::uint32_t {
    kTerminal = 1 << 0,  // ends with a sentence terminator
    kLegal = 1 << 1,
    kByline = 1 << 2,
    kLinkList = 1 << 3,
    kChromePhrase = 1 << 4,
    kCommentHeading = 1 << 5,
    kHtml = 1 << 6,  // read from an HTML page: the flags below are known
    kLayout = 1 << 7,
    kInContent = 1 << 8,
    kOutsideContent = 1 << 9,
    kHeading = 1 << 10,
    kTopHeading = 1 << 11,
    kListItem = 1 << 12,
    kQuote = 1 << 13,
    kCaption = 1 << 14,
    kArticle = 1 << 15,
    kChromeClass = 1 << 16,
    kTime = 1 << 17,
    kEndsWithColon = 1 << 18,
    kStartsLower = 1 << 19,
    kStartsDigit = 1 << 20,
    kInRuleBody = 1 << 21,  // between the first and the last paragraph the rules took for body
  };

  std::uint32_t flags = 0;
  std::uint32_t words = 0;
  std::uint8_t link_quarters = 0;  // HTML: link text, in quarters of the paragraph
  std::uint8_t rule_role = 0;      // the ParagraphRole the rules gave
  std::uint8_t position = 0;       // where on the page, in tenths
  std::int8_t body_distance = 0;   // paragraphs before (-) or after (+) the rules' body, 0 inside
  std::uint64_t first_word = 0;    // hash of the first word, folded, on lines of up to 12 words
  std::uint64_t cue = 0;           // hash of the chrome or legal phrase found, folded (0: none)

  bool has(Flag flag) const noexcept { return (flags & flag) != 0; }
};

// One pass of the model: its rows and the logistic curve that turns their margins into
// probabilities, fitted to margins of pages the rows were not trained on (Platt scaling).
struct BlockPass {
  SparseRows rows;
  float slope = 1;
  float intercept = 0;
};

// Two passes, stacked: the first reads each paragraph with its neighbours' cues; the second reads
// the same and the first pass's probabilities for the paragraphs around it, so that a body keeps
// its short paragraphs between two long ones and a lone line of prose among menus stays chrome.
class BlockModel {
 public:
  static constexpr std::string_view kMagic = "presslens block model";
  // Version 2 added the date chooser, version 3 the author chooser; older files still load,
  // without them.
  static constexpr std::uint32_t kVersion = 3;
  static constexpr std::uint32_t kChrome = 0;
  static constexpr std::uint32_t kBody = 1;
  static constexpr std::size_t kPasses = 2;

  // Reads a model file; throws LanguagePackError when it is not one. `source` names it in errors.
  BlockModel(std::string_view bytes, std::string_view source);
  // The model presslens ships (cpp/data/mul/structure.model).
  static const BlockModel& builtin();

  // The probability that each paragraph of a page is body, not chrome, into `out`.
  void body_probabilities(std::span<const BlockCues> page, std::vector<float>& out) const;
  // The headline chooser for plain-text pages stored with it (title_model.hpp), the date and
  // author choosers for pages with chrome (date_model.hpp, author_model.hpp); each empty in a
  // model trained without it.
  const CandidateChooser& titles() const noexcept { return titles_; }
  const CandidateChooser& dates() const noexcept { return dates_; }
  const CandidateChooser& authors() const noexcept { return authors_; }

  static std::string serialise(std::span<const BlockPass> passes, const SparseRows& titles,
                               const SparseRows& dates, const SparseRows& authors);

 private:
  struct Pass {
    LinearModel rows;
    float slope;
    float intercept;
  };
  std::vector<Pass> passes_;
  CandidateChooser titles_;
  CandidateChooser dates_;
  CandidateChooser authors_;
};

// The hashed features of paragraph `index` of a page, appended to `out`. `previous` holds the
// first pass's probabilities for the second pass, and is empty for the first.
void block_features(std::span<const BlockCues> page, std::span<const float> previous,
                    std::size_t index, std::vector<std::uint64_t>& out);

// A case-folded cue phrase as a stable 64-bit value (FNV-1a, then mixed): the same on every
// platform, since models store it.
std::uint64_t cue_hash(std::u32string_view folded);

}  // namespace presslens::detail
