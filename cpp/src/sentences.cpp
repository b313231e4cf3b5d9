#include "presslens/sentences.hpp"

#include <unicode/utext.h>

#include "detail/break_iterator_pool.hpp"
#include "detail/icu_locale.hpp"
#include "detail/utf8.hpp"
#include "presslens/error.hpp"

namespace presslens {
namespace {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator(const LanguagePack& language) {
  icu::Locale locale = detail::icu_locale(language);
  UErrorCode status = U_ZERO_ERROR;
  locale.setKeywordValue("ss", "standard", status);  // CLDR abbreviation suppressions
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !iterator) {
    throw Error(ErrorCode::kInvalidArgument, std::string("ICU has no sentence rules for '") +
                                                 language.code() + "': " + u_errorName(status));
  }
  return iterator;
}

}  // namespace

SentenceSplitter::SentenceSplitter(const LanguagePack& language)
    : iterators_(std::make_unique<detail::BreakIteratorPool>(make_sentence_iterator(language))) {}
SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<Sentence> SentenceSplitter::split(std::string_view text,
                                              std::span<const Paragraph> paragraphs) const {
  std::vector<Sentence> sentences;
  auto iterator = iterators_->borrow();
  for (std::uint32_t index = 0; index < paragraphs.size(); ++index) {
    const Span paragraph = paragraphs[index].span;
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data() + paragraph.begin, paragraph.size(), &status);
    iterator->setText(&utext, status);
    if (U_FAILURE(status)) {
      utext_close(&utext);
      sentences.push_back({paragraph, index});  // keep the text whole rather than lose it
      continue;
    }
    std::uint32_t previous = paragraph.begin;
    for (std::int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE;
         boundary = iterator->next()) {
      const auto end = paragraph.begin + static_cast<std::uint32_t>(boundary);
      const Span sentence = detail::trim_space(text, {previous, end});
      if (!sentence.empty()) sentences.push_back({sentence, index});
      previous = end;
    }
    utext_close(&utext);
  }
  return sentences;
}

}  // namespace presslens
