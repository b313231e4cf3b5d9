#include "detail/cue_model.hpp"

#include <array>
#include <cmath>

namespace presslens::detail {
namespace {

// Feature templates (the first argument of feature()); numbers are part of the model format.
enum Template : std::uint32_t {
  kBias = 1,
  kWord,
  kFlags,
  kWordFlags,
  kPrevious,
  kBeforePrevious,
  kNext,
  kAfterNext,
  kWordPrevious,
  kWordNext,
  kPreviousClasses,
  kNextClasses,
  kWordPreviousClasses,
  kWordNextClasses,
  kShapes,
  kWordShapes,
  kPosition,
  kWordPosition,
  kWordNextTwo,
  kPreviousTwo,
  kSpeaker,
  kWordSpeaker,
  kLayout,
  kWordLayout,
  kSizes,
  kContentFirst,
  kWordContentFirst,
  kSpeakerLayoutListed,
  kSpeakerGap,
  kWordSpeakerGap,
  kSuffix,
  kSuffixSpeakerLayout,
  kContentLast,
  kWordContentWords,
};

// The flags that describe the word's own use, apart from its identity.
constexpr std::uint32_t kContextFlags = CueCues::kVerbForm | CueCues::kInMarkedQuote |
                                        CueCues::kThatFollows | CueCues::kCommaBefore |
                                        CueCues::kCommaAfter | CueCues::kCapitalised;

}  // namespace

void cue_features(const CueCues& c, std::vector<std::uint64_t>& out) {
  const std::uint64_t context = c.flags & kContextFlags;
  out.push_back(feature(kBias, 1));
  out.push_back(feature(kWord, c.word));
  out.push_back(feature(kFlags, c.flags));
  out.push_back(feature(kWordFlags, c.word, context));
  out.push_back(feature(kPrevious, c.previous));
  out.push_back(feature(kBeforePrevious, c.before_previous));
  out.push_back(feature(kNext, c.next));
  out.push_back(feature(kAfterNext, c.after_next));
  out.push_back(feature(kWordPrevious, c.word, c.previous));
  out.push_back(feature(kWordNext, c.word, c.next));
  out.push_back(feature(kPreviousClasses, c.previous_classes, c.flags & CueCues::kListed));
  out.push_back(feature(kNextClasses, c.next_classes, c.flags & CueCues::kListed));
  out.push_back(feature(kWordPreviousClasses, c.word, c.previous_classes));
  out.push_back(feature(kWordNextClasses, c.word, c.next_classes));
  out.push_back(feature(kShapes, c.previous_shape, c.next_shape, c.flags & CueCues::kListed));
  out.push_back(feature(kWordShapes, c.word, c.previous_shape, c.next_shape));
  out.push_back(feature(kPosition, c.words_before, c.words_after));
  out.push_back(feature(kWordPosition, c.word, c.words_before, c.words_after));
  out.push_back(feature(kWordNextTwo, c.word, c.next, c.after_next));
  out.push_back(feature(kPreviousTwo, c.before_previous, c.previous));
  const std::uint64_t listed = c.flags & CueCues::kListed;
  out.push_back(feature(kSpeaker, c.speaker, c.speaker_words, listed));
  out.push_back(feature(kWordSpeaker, c.word, c.speaker));
  out.push_back(feature(kLayout, c.layout, listed));
  out.push_back(feature(kWordLayout, c.word, c.layout));
  out.push_back(feature(kSizes, c.speaker_words, c.content_words, c.layout));
  out.push_back(feature(kContentFirst, c.content_first, listed));
  out.push_back(feature(kWordContentFirst, c.word, c.content_first));
  out.push_back(feature(kSpeakerLayoutListed, c.speaker, c.layout, listed));
  out.push_back(feature(kSpeakerGap, c.speaker_gap, c.layout, listed));
  out.push_back(feature(kWordSpeakerGap, c.word, c.speaker_gap));
  out.push_back(feature(kSuffix, c.suffix, listed));
  out.push_back(feature(kSuffixSpeakerLayout, c.suffix, c.speaker, c.layout));
  out.push_back(feature(kContentLast, c.content_last, c.layout));
  out.push_back(feature(kWordContentWords, c.word, c.content_words));
}

CueModel::CueModel(std::string_view bytes, std::string_view source)
    : CueModel(ByteReader(bytes, source)) {}

CueModel::CueModel(ByteReader&& in) : CalibratedModel(in, kMagic, kVersion) {
  accept_ = in.get<float>();
  veto_ = in.get<float>();
  if (!(accept_ >= 0 && accept_ <= 1 && veto_ >= 0 && veto_ <= 1)) {
    in.fail("thresholds that are not probabilities");
  }
  lexicon_ = in.get_strings();
  if (!in.at_end()) in.fail("bytes after its end");
}

std::string CueModel::serialise(const SparseRows& rows, float slope, float intercept,
                                const std::vector<std::string>& lexicon, float accept, float veto) {
  ByteWriter out;
  write(out, kMagic, kVersion, rows, slope, intercept);
  out.put<float>(accept);
  out.put<float>(veto);
  out.put_strings(lexicon);
  return out.take();
}

}  // namespace presslens::detail
