// Dependency syntax in two steps. First an unlabelled arc-hybrid transition parser (Kuhlmann,
// Gomez-Rodriguez and Satta 2011) with the root at the end of the buffer (Ballesteros and Nivre
// 2013) reads the sentence once, greedily: linear time, one tree with one root, projective. Then a
// labeller gives each arc its relation, seeing the whole tree (the dependent's own children, the
// head's other dependents, the sibling labelled before it). Trained with a dynamic oracle
// (Goldberg and Nivre 2013), which tells from any state which transitions lose no gold arc.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "detail/sentence_syntax.hpp"
#include "detail/syntax_model.hpp"

namespace presslens::detail {

enum Transition : std::uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr std::uint32_t kTransitions = 3;
inline constexpr std::uint32_t kNone = UINT32_MAX;

// The parser's configuration over one sentence: a stack, the next buffer position (size() is the
// root) and, for features, each word's two outermost children on either side.
class ArcHybridState {
 public:
  // Starts the parse of a tagged sentence (`punctuation` is the PUNCT tag's number).
  void reset(const SentenceSyntax& sentence, std::uint8_t punctuation);
  bool done() const noexcept { return stack_.empty() && next_ == words_; }
  bool allowed(Transition t) const noexcept;
  // Applies `t` (which must be allowed), writing the new arc into `heads`.
  void apply(Transition t, std::vector<std::uint32_t>& heads);
  // The cost of `t` against the gold heads: how many gold arcs it makes unreachable.
  std::uint32_t cost(Transition t, const std::vector<std::uint32_t>& gold) const;

  // Stack item `k` from the top, the buffer's item `k`, or kNone.
  std::uint32_t stack(std::size_t k) const noexcept {
    return k < stack_.size() ? stack_[stack_.size() - 1 - k] : kNone;
  }
  std::uint32_t buffer(std::size_t k) const noexcept {
    return next_ + k <= words_ ? next_ + static_cast<std::uint32_t>(k) : kNone;
  }
  std::size_t depth() const noexcept { return stack_.size(); }
  // The leftmost (k = 0) or second leftmost (k = 1) left child of `word`, or kNone; the same
  // for right children.
  std::uint32_t left_child(std::uint32_t word, int k) const noexcept;
  std::uint32_t right_child(std::uint32_t word, int k) const noexcept;
  std::uint32_t left_count(std::uint32_t word) const noexcept;
  std::uint32_t right_count(std::uint32_t word) const noexcept;
  // Punctuation marks strictly between words a < b (at most 3: more says nothing new).
  std::uint32_t punctuation_between(std::uint32_t a, std::uint32_t b) const noexcept;

 private:
  std::uint32_t words_ = 0;
  std::uint32_t next_ = 0;
  std::vector<std::uint32_t> stack_;
  struct Children {
    std::uint32_t left[2] = {kNone, kNone};
    std::uint32_t right[2] = {kNone, kNone};
    std::uint32_t left_count = 0, right_count = 0;
  };
  std::vector<Children> children_;                 // words_ + 1: the root too
  std::vector<std::uint32_t> punctuation_before_;  // words_ + 2 running counts
};

// The features of the parser's next decision.
void arc_features(const SentenceSyntax& sentence, const ArcHybridState& state,
                  std::vector<std::uint64_t>& out);

// The number of the model's PUNCT tag.
std::uint8_t punctuation_tag(const SyntaxModel& model);

// Fills sentence.heads.
void parse_sentence(const SyntaxModel& model, SentenceSyntax& sentence, ArcHybridState& state);

// Each word's dependents, in word order, from the heads: what the labeller reads.
class DependentIndex {
 public:
  void build(const std::vector<std::uint32_t>& heads);
  // The dependents of `word` (or of the root, at heads.size()).
  std::span<const std::uint32_t> of(std::uint32_t word) const noexcept {
    return {children_.data() + begin_[word], children_.data() + begin_[word + 1]};
  }

 private:
  std::vector<std::uint32_t> begin_;
  std::vector<std::uint32_t> children_;
};

// The features of word `i`'s relation to its head, reading the labels of the words before it
// (the nearest earlier dependent of the same head).
void label_features(const SentenceSyntax& sentence, const DependentIndex& dependents, std::size_t i,
                    std::vector<std::uint64_t>& out);

// The label the model's relation `root` has; relations other than it are for other words.
std::uint32_t root_relation(const SyntaxModel& model);

// Fills sentence.labels from the heads, left to right.
void label_sentence(const SyntaxModel& model, SentenceSyntax& sentence, DependentIndex& dependents);

}  // namespace presslens::detail
