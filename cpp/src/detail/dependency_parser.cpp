#include "detail/dependency_parser.hpp"

#include <algorithm>

namespace presslens::detail {

void ArcHybridState::reset(const SentenceSyntax& sentence, std::uint8_t punctuation) {
  words_ = static_cast<std::uint32_t>(sentence.size());
  next_ = 0;
  stack_.clear();
  children_.assign(words_ + 1, Children{});
  punctuation_before_.assign(words_ + 2, 0);
  for (std::uint32_t i = 0; i < words_; ++i) {
    punctuation_before_[i + 1] = punctuation_before_[i] + (sentence.tags[i] == punctuation);
  }
  punctuation_before_[words_ + 1] = punctuation_before_[words_];
}

std::uint32_t ArcHybridState::punctuation_between(std::uint32_t a, std::uint32_t b) const noexcept {
  if (a == kNone || b == kNone || b <= a + 1) return 0;
  return std::min(punctuation_before_[b] - punctuation_before_[a + 1], 3u);
}

bool ArcHybridState::allowed(Transition t) const noexcept {
  switch (t) {
    case kShift:
      return next_ < words_;
    case kLeft:  // onto the root only as the last word standing: one root per sentence
      return !stack_.empty() && (next_ < words_ || stack_.size() == 1);
    case kRight:
      return stack_.size() >= 2;
  }
  return false;
}

void ArcHybridState::apply(Transition t, std::vector<std::uint32_t>& heads) {
  switch (t) {
    case kShift:
      stack_.push_back(next_++);
      return;
    case kLeft: {  // s0 <- b: pops s0, now b's leftmost child
      const std::uint32_t child = stack_.back();
      stack_.pop_back();
      heads[child] = next_;
      Children& c = children_[next_];
      c.left[1] = c.left[0];
      c.left[0] = child;
      ++c.left_count;
      return;
    }
    case kRight: {  // s1 -> s0: pops s0, now s1's rightmost child
      const std::uint32_t child = stack_.back();
      stack_.pop_back();
      const std::uint32_t head = stack_.back();
      heads[child] = head;
      Children& c = children_[head];
      c.right[1] = c.right[0];
      c.right[0] = child;
      ++c.right_count;
      return;
    }
  }
}

std::uint32_t ArcHybridState::cost(Transition t, const std::vector<std::uint32_t>& gold) const {
  std::uint32_t lost = 0;
  const auto in_buffer = [&](std::uint32_t word, std::uint32_t from) {
    return word >= from && word <= words_;  // the root counts as the buffer's last item
  };
  if (t == kShift) {
    // b can no longer take a head deeper than s0, nor give one to anything on the stack.
    for (std::size_t k = 0; k < stack_.size(); ++k) {
      const std::uint32_t item = stack_[k];
      if (k + 1 < stack_.size() && gold[next_] == item) ++lost;
      if (gold[item] == next_) ++lost;
    }
    return lost;
  }
  const std::uint32_t s0 = stack_.back();
  // s0 leaves the stack: its dependents still in the buffer are lost.
  for (std::uint32_t d = next_; d < words_; ++d) lost += gold[d] == s0;
  if (t == kLeft) {
    const std::uint32_t s1 = stack_.size() >= 2 ? stack_[stack_.size() - 2] : kNone;
    if (gold[s0] != next_ && (gold[s0] == s1 || in_buffer(gold[s0], next_ + 1))) ++lost;
  } else {
    const std::uint32_t s1 = stack_[stack_.size() - 2];
    if (gold[s0] != s1 && in_buffer(gold[s0], next_)) ++lost;
  }
  return lost;
}

std::uint32_t ArcHybridState::left_child(std::uint32_t word, int k) const noexcept {
  return word == kNone ? kNone : children_[word].left[k];
}
std::uint32_t ArcHybridState::right_child(std::uint32_t word, int k) const noexcept {
  return word == kNone ? kNone : children_[word].right[k];
}
std::uint32_t ArcHybridState::left_count(std::uint32_t word) const noexcept {
  return word == kNone ? 0 : std::min(children_[word].left_count, 4u);
}
std::uint32_t ArcHybridState::right_count(std::uint32_t word) const noexcept {
  return word == kNone ? 0 : std::min(children_[word].right_count, 4u);
}

namespace {

constexpr std::uint64_t kNoWord = 0x4e4f4e45ull;
constexpr std::uint64_t kRootWord = 0x524f4f54ull;

// A word's hashed values as the parser reads them: absent positions and the root have their own.
struct View {
  const SentenceSyntax& s;
  std::uint64_t word(std::uint32_t i) const {
    if (i == kNone) return kNoWord;
    return i < s.size() ? s.lexical[i].lower : kRootWord;
  }
  std::uint64_t tag(std::uint32_t i) const {
    if (i == kNone) return kNoWord;
    return i < s.size() ? s.tags[i] + 1u : kRootWord;
  }
  std::uint64_t suffix(std::uint32_t i) const {  // the last three letters
    if (i == kNone) return kNoWord;
    return i < s.size() ? s.lexical[i].suffix[2] : kRootWord;
  }
  std::uint64_t morph(std::uint32_t i) const {
    if (i == kNone) return kNoWord;
    return i < s.size() ? s.morph_keys[i] : kRootWord;
  }
};

std::uint64_t distance_bucket(std::uint32_t a, std::uint32_t b) {
  if (a == kNone || b == kNone) return 0;
  const std::uint32_t d = a > b ? a - b : b - a;
  return d < 5 ? d : d < 10 ? 5 : 6;
}

}  // namespace

void arc_features(const SentenceSyntax& sentence, const ArcHybridState& state,
                  std::vector<std::uint64_t>& out) {
  out.clear();
  const View v{sentence};
  const std::uint32_t s0 = state.stack(0), s1 = state.stack(1), s2 = state.stack(2);
  const std::uint32_t b0 = state.buffer(0), b1 = state.buffer(1), b2 = state.buffer(2);
  const std::uint32_t s0l = state.left_child(s0, 0), s0l2 = state.left_child(s0, 1);
  const std::uint32_t s0r = state.right_child(s0, 0), s0r2 = state.right_child(s0, 1);
  const std::uint32_t s1l = state.left_child(s1, 0);
  const std::uint32_t s1r = state.right_child(s1, 0), s1r2 = state.right_child(s1, 1);
  const std::uint32_t b0l = state.left_child(b0, 0), b0l2 = state.left_child(b0, 1);
  const std::uint64_t s0w = v.word(s0), s0t = v.tag(s0), s1w = v.word(s1), s1t = v.tag(s1);
  const std::uint64_t b0w = v.word(b0), b0t = v.tag(b0), b1w = v.word(b1), b1t = v.tag(b1);
  const std::uint64_t s2t = v.tag(s2), b2t = v.tag(b2);
  const std::uint64_t d0 = distance_bucket(s0, b0), d1 = distance_bucket(s1, s0);
  std::uint32_t k = 300;
  const auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(feature(k++, a, b, c));
  };
  add(0);
  // Single positions.
  add(s0w), add(s0t), add(s0w, s0t), add(s1w), add(s1t), add(s1w, s1t), add(s2t), add(v.word(s2));
  add(b0w), add(b0t), add(b0w, b0t), add(b1w), add(b1t), add(b1w, b1t), add(b2t), add(v.word(b2));
  // Pairs.
  add(s0w * 31 + s0t, b0w, b0t), add(s0w, s0t, b0w), add(s0w, b0w, b0t), add(s0w, s0t, b0t);
  add(s0t, b0w, b0t), add(s0w, b0w), add(s0t, b0t), add(b0t, b1t);
  add(s1w * 31 + s1t, s0w, s0t), add(s1w, s0w), add(s1t, s0t), add(s1t, s0w), add(s1w, s0t);
  add(s1t, s0t, b0w), add(s0w, b0t, b1t);
  // Triples of tags.
  add(b0t, b1t, b2t), add(s0t, b0t, b1t), add(s1t, s0t, b0t), add(s2t, s1t, s0t);
  add(s1t, s0t, b1t);
  add(s0t, v.tag(s0l), b0t), add(s0t, v.tag(s0r), b0t), add(s0t, b0t, v.tag(b0l));
  add(s1t, s0t, v.tag(s0l)), add(s1t, s0t, v.tag(s0r)), add(s1t, v.tag(s1r), s0t);
  add(s1t, v.tag(s1l), s0t);
  // Distances.
  add(s0w, d0), add(s0t, d0), add(b0w, d0), add(b0t, d0), add(s0t, b0t, d0);
  add(s1t, s0t, d1), add(s1w, s0w, d1);
  // Valency.
  add(s0w, state.right_count(s0)), add(s0t, state.right_count(s0));
  add(s0w, state.left_count(s0)), add(s0t, state.left_count(s0));
  add(s1w, state.right_count(s1)), add(s1t, state.right_count(s1));
  add(s1t, state.left_count(s1));
  add(b0w, state.left_count(b0)), add(b0t, state.left_count(b0));
  // Children.
  add(v.word(s0l)), add(v.tag(s0l)), add(v.word(s0r)), add(v.tag(s0r));
  add(v.tag(s1l)), add(v.word(s1r)), add(v.tag(s1r));
  add(v.word(b0l)), add(v.tag(b0l)), add(v.tag(s0l2)), add(v.tag(s0r2)), add(v.tag(b0l2));
  add(v.tag(s1r2));
  add(s0t, v.tag(s0l), v.tag(s0l2)), add(s0t, v.tag(s0r), v.tag(s0r2));
  add(b0t, v.tag(b0l), v.tag(b0l2)), add(s1t, v.tag(s1r), v.tag(s1r2));
  // Punctuation between the words an arc would join, and the affixes of unknown words.
  const std::uint64_t p0 = state.punctuation_between(s0, b0),
                      p1 = state.punctuation_between(s1, s0);
  add(s0t, b0t, p0), add(s1t, s0t, p1), add(s0w, p0), add(b0w, p0);
  add(v.suffix(s0), s0t, b0t), add(v.suffix(b0), b0t, s0t);
  // Morphology and stack depth.
  add(v.morph(s0), b0t), add(v.morph(b0), s0t), add(v.morph(s1), s0t), add(v.morph(s0), s1t);
  add(v.morph(s0), v.morph(b0)), add(v.morph(s1), v.morph(s0));
  add(s0t, std::min<std::size_t>(state.depth(), 4)),
      add(b0t, std::min<std::size_t>(state.depth(), 4));
}

std::uint8_t punctuation_tag(const SyntaxModel& model) {
  const auto found = std::find(model.tags.begin(), model.tags.end(), "PUNCT");
  return static_cast<std::uint8_t>(found - model.tags.begin());
}

void parse_sentence(const SyntaxModel& model, SentenceSyntax& sentence, ArcHybridState& state) {
  state.reset(sentence, punctuation_tag(model));
  while (!state.done()) {
    bool allowed[kTransitions];
    int choices = 0, only = 0;
    for (std::uint32_t t = 0; t < kTransitions; ++t) {
      allowed[t] = state.allowed(Transition(t));
      if (allowed[t]) ++choices, only = static_cast<int>(t);
    }
    if (choices == 1) {  // nothing to decide (an empty stack, the last word): no features
      state.apply(Transition(only), sentence.heads);
      continue;
    }
    arc_features(sentence, state, sentence.features);
    std::int32_t scores[kTransitions] = {0, 0, 0};
    model.arcs.add_scores(sentence.features, scores);
    state.apply(Transition(best_class(scores, allowed)), sentence.heads);
  }
}

void DependentIndex::build(const std::vector<std::uint32_t>& heads) {
  const std::size_t n = heads.size();
  begin_.assign(n + 2, 0);
  for (const std::uint32_t head : heads) ++begin_[head + 1];
  for (std::size_t i = 1; i < begin_.size(); ++i) begin_[i] += begin_[i - 1];
  children_.resize(n);
  std::vector<std::uint32_t>& fill = children_;
  std::vector<std::uint32_t> next(begin_.begin(), begin_.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) fill[next[heads[i]]++] = i;
}

void label_features(const SentenceSyntax& sentence, const DependentIndex& dependents, std::size_t i,
                    std::vector<std::uint64_t>& out) {
  out.clear();
  const View v{sentence};
  const auto d = static_cast<std::uint32_t>(i);
  const std::uint32_t h = sentence.heads[i];
  const std::uint32_t hh = h < sentence.size() ? sentence.heads[h] : kNone;
  const std::uint64_t dw = v.word(d), dt = v.tag(d), hw = v.word(h), ht = v.tag(h);
  const std::uint64_t dir = h > d ? 1 : 2;
  const std::uint64_t dist = distance_bucket(d, h == sentence.size() ? kNone : h);
  const auto own = dependents.of(d);
  const std::uint32_t first_child = own.empty() ? kNone : own.front();
  const std::uint32_t last_child = own.empty() ? kNone : own.back();
  std::uint64_t previous_sibling = 0;
  for (const std::uint32_t sibling : dependents.of(h)) {
    if (sibling >= d) break;
    previous_sibling = sentence.labels[sibling] + 1u;
  }
  std::uint32_t k = 400;
  const auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(feature(k++, a, b, c));
  };
  add(0);
  add(dw), add(dt), add(hw), add(ht), add(dt, ht), add(dw, ht), add(dt, hw), add(dw, hw);
  add(dir, dist), add(dt, ht, dir), add(dt, ht, dist), add(dw, dir);
  add(v.morph(d)), add(v.morph(d), ht, dir), add(v.morph(h), dt, dir);
  add(dt, v.word(first_child), v.tag(first_child)), add(dt, v.tag(last_child));
  add(dt, v.word(first_child)), add(dt, ht, v.word(first_child));
  add(dt, ht, v.tag(hh)), add(dt, previous_sibling, dir), add(dt, ht, previous_sibling);
  add(dt, v.tag(d == 0 ? kNone : d - 1)), add(dt, v.tag(d + 1 < sentence.size() ? d + 1 : kNone));
  add(dt, sentence.lexical[i].suffix[2]);
  add(dt, std::min<std::size_t>(own.size(), 3), dir);
  add(dt, i == 0);
  // The head's dependents between it and this word (auxiliaries, markers, other arguments) tell a
  // passive subject from an active one, an object from an oblique.
  const std::uint32_t low = std::min(d, h), high = std::max(d, h);
  int between = 0;
  for (const std::uint32_t sibling : dependents.of(h)) {
    if (sibling <= low || sibling == d) continue;
    if (sibling >= high || between == 2) break;
    add(dt, dir, v.word(sibling));
    ++between;
  }
}

std::uint32_t root_relation(const SyntaxModel& model) {
  const auto found = std::find(model.relations.begin(), model.relations.end(), "root");
  return static_cast<std::uint32_t>(found - model.relations.begin());
}

void label_sentence(const SyntaxModel& model, SentenceSyntax& sentence,
                    DependentIndex& dependents) {
  dependents.build(sentence.heads);
  const std::uint32_t root = root_relation(model);
  const std::size_t width = model.labels.width();
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (sentence.heads[i] == sentence.size()) {
      sentence.labels[i] = static_cast<std::uint16_t>(root);
      continue;
    }
    label_features(sentence, dependents, i, sentence.features);
    sentence.scores.assign(width, 0);
    model.labels.add_scores(sentence.features, sentence.scores);
    if (root < width) sentence.scores[root] = INT32_MIN;
    sentence.labels[i] = static_cast<std::uint16_t>(best_class(sentence.scores));
  }
}

}  // namespace presslens::detail
