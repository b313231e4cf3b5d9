#include "presslens/quotes.hpp"

#include <algorithm>
#include <optional>

#include "detail/continued_quotes.hpp"
#include "detail/quote_marks.hpp"
#include "detail/quote_reader.hpp"
#include "detail/quote_resources.hpp"
#include "detail/speaker_resolution.hpp"
#include "presslens/document.hpp"

namespace presslens {

using detail::MarkPairer;
using detail::Pair;
using detail::QuoteReader;

const char* to_string(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kPartial:
      return "partial";
    case QuoteKind::kScare:
      return "scare";
    case QuoteKind::kTitle:
      return "title";
    case QuoteKind::kIndirect:
      return "indirect";
    case QuoteKind::kStance:
      return "stance";
  }
  return "direct";
}

const char* to_string(SpeakerType type) noexcept {
  switch (type) {
    case SpeakerType::kUnknown:
      return "unknown";
    case SpeakerType::kPerson:
      return "person";
    case SpeakerType::kOrganisation:
      return "organisation";
  }
  return "unknown";
}

const char* to_string(SpeakerResolution resolution) noexcept {
  switch (resolution) {
    case SpeakerResolution::kNone:
      return "none";
    case SpeakerResolution::kName:
      return "name";
    case SpeakerResolution::kPronoun:
      return "pronoun";
    case SpeakerResolution::kRole:
      return "role";
  }
  return "none";
}

const char* to_string(QuoteSource source) noexcept {
  switch (source) {
    case QuoteSource::kMarks:
      return "marks";
    case QuoteSource::kRules:
      return "rules";
    case QuoteSource::kModel:
      return "model";
  }
  return "marks";
}

QuoteFinder::QuoteFinder(const LanguagePack& language, Tokenizer tokenizer)
    : tokenizer_(std::move(tokenizer)),
      resources_(std::make_shared<const detail::QuoteResources>(language)),
      speakers_(std::make_shared<const detail::SpeakerLexicon>(language, tokenizer_)) {}

Quotes QuoteFinder::find(const Document& document, const SyntaxParser* syntax) const {
  return read(document, syntax, nullptr);
}

std::vector<detail::CueCandidate> QuoteFinder::cue_candidates(const Document& document) const {
  std::vector<detail::CueCandidate> candidates;
  if (resources_->cue_model) read(document, nullptr, &candidates);
  return candidates;
}

Quotes QuoteFinder::read(const Document& document, const SyntaxParser* syntax,
                         std::vector<detail::CueCandidate>* candidates) const {
  Quotes result;
  std::vector<Pair> pairs;
  MarkPairer pairer(document.text(), resources_->german_marks);
  for (const std::uint32_t index : document.structure().body) {
    pairer.paragraph(document.paragraphs()[index].span, pairs, result.unpaired_marks);
  }
  pairer.finish(result.unpaired_marks);
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& a, const Pair& b) { return a.open.at < b.open.at; });
  std::sort(result.unpaired_marks.begin(), result.unpaired_marks.end());

  QuoteReader reader(document, tokenizer_, *resources_, candidates);
  // The words of the innermost quote each pair is nested in.
  std::vector<std::optional<Span>> within(pairs.size());
  std::vector<std::size_t> enclosing;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    while (!enclosing.empty() && pairs[enclosing.back()].close.at < pairs[p].open.at) {
      enclosing.pop_back();
    }
    if (!enclosing.empty()) {
      const Pair& outer = pairs[enclosing.back()];
      within[p] = Span{outer.open.at + outer.open.size, outer.close.at};
    }
    enclosing.push_back(p);
  }
  std::size_t next_pair = 0;
  std::vector<Quote> open_quotes;  // marked quotes that reach into the current sentence
  for (std::uint32_t s = 0; s < document.sentences().size(); ++s) {
    const Span sentence = document.sentences()[s].span;
    std::erase_if(open_quotes, [&](const Quote& q) { return q.marks.end <= sentence.begin; });
    while (next_pair < pairs.size() && pairs[next_pair].open.at < sentence.end) {
      Quote quote = reader.marked(pairs[next_pair], within[next_pair]);
      ++next_pair;
      result.quotes.push_back(quote);
      open_quotes.push_back(std::move(quote));
    }
    reader.reported(s, open_quotes, result.quotes);
  }
  // Marks outside every sentence (none in practice) still give their quotes.
  for (; next_pair < pairs.size(); ++next_pair) {
    result.quotes.push_back(reader.marked(pairs[next_pair], within[next_pair]));
  }
  std::stable_sort(result.quotes.begin(), result.quotes.end(),
                   [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
  if (syntax && syntax->available()) reader.check_speakers(*syntax, result.quotes);
  detail::join_continued_quotes(document, result.quotes);
  detail::split_at_paragraphs(document, result.quotes);
  detail::resolve_speakers(document, tokenizer_, syntax, *resources_, *speakers_, result.quotes);
  return result;
}

}  // namespace presslens
