// Sentences: the sentences of each paragraph.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/paragraphs.hpp"

namespace presslens {

namespace detail {
class SentenceLexicon;
}

// A sentence inside one paragraph, trimmed of surrounding white space.
struct Sentence {
  Span span;
  std::uint32_t paragraph = 0;  // index into Document::paragraphs()
};

// Splits paragraphs into sentences by the conventions of docs/sentences.md. One linear scan finds
// the candidate ends (terminators, list markers, bullets, emoticons; most bytes are none of these)
// and rules decide each candidate from its bounded neighbourhood and the language pack's lists
// (abbreviations, titles, number prefixes, sentence starters). Immutable after construction; one
// splitter serves any number of threads.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(const LanguagePack& language);

  // The sentences of the paragraphs numbered in `which` (all of them when `which` is omitted).
  std::vector<Sentence> split(std::string_view text, std::span<const Paragraph> paragraphs,
                              std::span<const std::uint32_t> which) const;
  std::vector<Sentence> split(std::string_view text, std::span<const Paragraph> paragraphs) const;

 private:
  std::shared_ptr<const detail::SentenceLexicon> lexicon_;
};

}  // namespace presslens
