// Sentences: the sentences of each paragraph.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "presslens/document.hpp"
#include "presslens/language.hpp"

namespace presslens {

namespace detail {
class SentenceLexicon;
}

// Splits paragraphs into sentences by the conventions of docs/sentences.md. One linear scan finds
// the candidate ends (terminators, list markers, bullets, emoticons; most bytes are none of these)
// and rules decide each candidate from its bounded neighbourhood and the language pack's lists
// (abbreviations, titles, number prefixes, sentence starters). Immutable after construction; one
// splitter serves any number of threads.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(const LanguagePack& language);

  std::vector<Sentence> split(std::string_view text, std::span<const Paragraph> paragraphs) const;

 private:
  std::shared_ptr<const detail::SentenceLexicon> lexicon_;
};

}  // namespace presslens
