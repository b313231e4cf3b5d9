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
class BreakIteratorPool;
}

// Splits paragraphs into sentences with ICU's sentence rules for the pack's locale, including
// CLDR's abbreviation suppressions ("Mr.", "e.g."). Immutable after construction; one splitter
// serves any number of threads.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(const LanguagePack& language);
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  std::vector<Sentence> split(std::string_view text, std::span<const Paragraph> paragraphs) const;

 private:
  std::unique_ptr<detail::BreakIteratorPool> iterators_;
};

}  // namespace presslens
