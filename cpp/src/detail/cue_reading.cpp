// The learned decision on reported speech: what the cue model reads of a report the rules made
// and of its cue word (detail/cue_model.hpp), and its probability.
#include <algorithm>
#include <array>

#include "detail/linear_model.hpp"
#include "detail/quote_reader.hpp"
#include "detail/word_features.hpp"

namespace presslens::detail {
namespace {

// Word counts in steps that matter for where a cue stands in its sentence.
std::uint8_t words_bucket(std::size_t words) {
  static constexpr std::array<std::uint32_t, 7> kBounds = {1, 2, 3, 5, 8, 13, 21};
  return static_cast<std::uint8_t>(
      bucket(static_cast<std::uint32_t>(std::min<std::size_t>(words, 1000)), kBounds));
}

// How far after a candidate a complementiser counts ("said on Monday that").
constexpr std::size_t kThatWords = 4;

// The WordClass bits the model reads of a neighbour.
constexpr std::uint32_t kNeighbourClasses =
    kSpeechVerbForm | kAuxiliary | kDeterminer | kNounMarker | kCoordinator | kStopword |
    kDateName | kPronoun | kUnresolvedPronoun | kRelative | kComplementiser | kStanceVerb;

}  // namespace

CueCues QuoteReader::cue_cues(std::size_t t, std::size_t first, std::size_t last,
                              const std::vector<Quote>& marked, const Quote& report) const {
  CueCues cues;
  const Span word = tokens_[t].span;
  const bool listed = report.source == QuoteSource::kRules;
  const auto flag = [&](bool on, CueCues::Flag f) {
    if (on) cues.flags |= f;
  };
  flag(listed, CueCues::kListed);
  flag(in(t, kStanceVerb), CueCues::kStance);
  flag(is_verb_form(t), CueCues::kVerbForm);
  flag(is_telling(t), CueCues::kTelling);
  flag(is_capitalised(t), CueCues::kCapitalised);
  flag(is_participle(t), CueCues::kParticiple);
  flag(t > first && is_comma(t - 1), CueCues::kCommaBefore);
  flag(t + 1 < last && is_comma(t + 1), CueCues::kCommaAfter);
  const Span sentence = doc_.sentences()[tokens_[t].sentence].span;
  for (const Quote& q : marked) {
    flag(q.marks.begin < word.begin && word.end <= q.marks.end, CueCues::kInMarkedQuote);
    flag(q.marks.begin < sentence.end && sentence.begin < q.marks.end, CueCues::kSentenceMarked);
  }
  for (std::size_t k = t + 1, words = 0; k < last && words < kThatWords; ++k) {
    if (!is_word(tokens_[k])) continue;
    ++words;
    flag(is_that(k), CueCues::kThatFollows);
  }
  const auto hash_at = [&](std::size_t k) -> std::uint64_t {
    return k >= first && k < last ? hash_text(key(k)) : 0;
  };
  const auto shape_at = [&](std::size_t k) -> std::uint8_t {
    if (k < first || k >= last) return kNoToken;
    if (tokens_[k].kind == TokenKind::kNumber) return kNumber;
    if (is_word(tokens_[k])) return is_capitalised(k) ? kCapitalisedWord : kLowerWord;
    if (is_comma(k)) return kComma;
    return is_quotation_mark(k) ? kQuotationMark : kOtherPunctuation;
  };
  const auto classes_at = [&](std::size_t k) -> std::uint32_t {
    return k >= first && k < last && is_word(tokens_[k]) ? classes(k) & kNeighbourClasses : 0;
  };
  cues.word = hash_text(key(t));
  cues.previous = t > first ? hash_at(t - 1) : 0;
  cues.before_previous = t > first + 1 ? hash_at(t - 2) : 0;
  cues.next = hash_at(t + 1);
  cues.after_next = hash_at(t + 2);
  cues.previous_classes = t > first ? classes_at(t - 1) : 0;
  cues.next_classes = classes_at(t + 1);
  cues.previous_shape = t > first ? shape_at(t - 1) : std::uint8_t{kNoToken};
  cues.next_shape = shape_at(t + 1);
  cues.words_before = words_bucket(t - first);
  cues.words_after = words_bucket(last - t - 1);
  // The report: who speaks, and where the reported words stand.
  const std::size_t speaker = report.speaker.empty()
                                  ? tokens_.size()
                                  : first_token_at_or_after(report.speaker.begin, first, last);
  if (speaker >= last) {
    cues.speaker = kNoSpeaker;
  } else if (is_unresolved_pronoun(speaker)) {
    cues.speaker = kUnresolvedSpeaker;
  } else if (is_pronoun(speaker)) {
    cues.speaker = kPronounSpeaker;
  } else if (is_relative(speaker)) {
    cues.speaker = kRelativeSpeaker;
  } else {
    cues.speaker = is_capitalised(speaker) ? kCapitalisedSpeaker : kLowerSpeaker;
  }
  cues.speaker_words = words_bucket(report.speaker.empty() ? 0 : words_in(report.speaker));
  cues.content_words = words_bucket(words_in(report.span));
  if (report.span.end <= word.begin) {
    cues.layout = kClauseBefore;
  } else if (report.span.begin < word.begin) {
    cues.layout = kClauseAround;
  } else {
    cues.layout = kClauseAfter;
  }
  const std::size_t content = first_token_at_or_after(report.span.begin, first, last);
  cues.content_first = content < last ? hash_at(content) : 0;
  const std::size_t content_end = first_token_at_or_after(report.span.end, first, last);
  cues.content_last = content_end > first ? hash_at(content_end - 1) : 0;
  if (speaker < last) {
    const std::size_t speaker_end = first_token_at_or_after(report.speaker.end, first, last);
    cues.speaker_gap =
        words_bucket(speaker_end <= t ? t - speaker_end : speaker - std::min(speaker, t + 1));
  }
  const std::string& folded = key(t);
  cues.suffix = hash_text(
      std::string_view(folded).substr(folded.size() - std::min<std::size_t>(2, folded.size())));
  return cues;
}

std::optional<float> QuoteReader::cue_probability(std::size_t t, std::size_t first,
                                                  std::size_t last,
                                                  const std::vector<Quote>& marked,
                                                  const Quote& report) {
  if (!resources_.cue_model) return std::nullopt;
  const CueCues cues = cue_cues(t, first, last, marked, report);
  if (candidates_) candidates_->push_back({tokens_[t].span, report.span, cues});
  cue_features_.clear();
  cue_features(cues, cue_features_);
  return resources_.cue_model->probability(cue_features_);
}

}  // namespace presslens::detail
