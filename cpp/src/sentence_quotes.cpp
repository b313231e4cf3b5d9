// Which quotes each sentence holds and how much of it is quoted.
#include <algorithm>

#include "detail/document_search.hpp"
#include "presslens/document.hpp"
#include "presslens/quotes.hpp"

namespace presslens {

namespace {

// Calls visit(sentence index) for each sentence `region` overlaps: binary search to the first,
// so a document's quotes visit its sentences in linear time.
template <typename Visit>
void overlapping_sentences(const std::vector<Sentence>& sentences, Span region, Visit visit) {
  for (std::size_t s = detail::first_sentence_ending_after(sentences, region.begin);
       s < sentences.size() && sentences[s].span.begin < region.end; ++s) {
    visit(s);
  }
}

// Code points of `a` inside `b`.
std::uint32_t characters(const Document& document, Span a, Span b) {
  const std::uint32_t begin = std::max(a.begin, b.begin);
  const std::uint32_t end = std::min(a.end, b.end);
  return end > begin ? document.to_code_points(end) - document.to_code_points(begin) : 0;
}

}  // namespace

std::vector<SentenceQuotes> sentence_quotes(const Document& document) {
  const auto& sentences = document.sentences();
  std::vector<SentenceQuotes> result(sentences.size());
  std::vector<std::uint32_t> quoted(sentences.size(), 0);  // characters
  const auto& quotes = document.quotes();
  for (std::uint32_t q = 0; q < quotes.size(); ++q) {
    const Quote& quote = quotes[q];
    overlapping_sentences(sentences, quote.marks.empty() ? quote.span : quote.marks,
                          [&](std::size_t s) { result[s].quotes.push_back(q); });
    if (quote.kind != QuoteKind::kDirect && quote.kind != QuoteKind::kPartial) continue;
    for (const Span piece : pieces(quote)) {
      overlapping_sentences(sentences, piece, [&](std::size_t s) {
        quoted[s] += characters(document, piece, sentences[s].span);
      });
    }
  }
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::uint32_t size = characters(document, sentences[s].span, sentences[s].span);
    // Nested quotes count their words twice: the share never passes one.
    if (size > 0) {
      result[s].quoted_share = std::min(1.0f, static_cast<float>(quoted[s]) / size);
    }
  }
  return result;
}

}  // namespace presslens
