// The working state of one sentence's syntactic analysis: each stage (tagger, morphology,
// lemmatiser, parser, labeller) reads what the earlier ones wrote here and adds its own column.
// One state serves sentence after sentence, so its vectors stop allocating once they are large
// enough for the longest sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detail/word_features.hpp"

namespace presslens::detail {
struct KnownWord;
}

namespace presslens::detail {

// The virtual root's position in `heads`: one past the last word.
struct SentenceSyntax {
  std::vector<std::string_view> forms;
  std::vector<WordFeatures> lexical;
  std::vector<std::uint8_t> tags;
  std::vector<std::uint8_t> settled;      // the first tagger pass was sure of the word's tag
  std::vector<std::uint8_t> morph;        // words x attributes: 0 absent, v + 1 values[v]
  std::vector<std::uint64_t> morph_keys;  // a hash of each word's whole analysis
  std::vector<const KnownWord*> known;    // what training saw of the word with its tag, or null
  std::vector<std::uint32_t> heads;       // 0-based; size() means the root
  std::vector<std::uint16_t> labels;
  // Scratch space for the stages.
  std::vector<std::uint64_t> features;
  std::vector<std::int32_t> scores;
  std::string folded;
  std::string key;

  std::size_t size() const noexcept { return forms.size(); }

  // Starts a sentence of `words`, computing each word's lexical features.
  void reset(const std::vector<std::string_view>& words) {
    forms = words;
    lexical.resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) lexical[i] = word_features(words[i], folded);
    tags.assign(words.size(), 0);
    heads.assign(words.size(), static_cast<std::uint32_t>(words.size()));
    labels.assign(words.size(), 0);
  }
};

}  // namespace presslens::detail
