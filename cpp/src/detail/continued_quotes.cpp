#include "detail/continued_quotes.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "detail/document_search.hpp"
#include "detail/utf8.hpp"

namespace presslens::detail {

namespace {

bool within(Span inner, Span outer) {
  return !inner.empty() && outer.begin <= inner.begin && inner.end <= outer.end;
}

bool continues(const Document& document, const Quote& first, const Quote& next) {
  if (first.kind != QuoteKind::kDirect || next.kind != QuoteKind::kDirect) return false;
  // The next part has no attribution of its own, or shares the first one's ("A," he said,
  // "B."): it continues the first one's words. A part with its own attribution ("He added,
  // "B."", 「A」と言い、「B」と語った) is a new quote, as news annotators count them.
  if (first.speaker.empty() || (!next.cue.empty() && next.cue != first.cue)) return false;
  if (next.marks.begin < first.marks.end) return false;
  const Span gap = {first.marks.end, next.marks.begin};
  // The next quote opens in the sentence after the first one's end at the latest, or after a
  // sentence that is the attribution (“……。”周立文说。“……”): a sentence of the writer's own
  // between them parts them.
  const std::size_t first_end =
      first_sentence_ending_after(document.sentences(), first.marks.end - 1);
  const std::size_t next_start =
      first_sentence_ending_after(document.sentences(), next.marks.begin);
  const auto& sentences = document.sentences();
  if (next_start > first_end + 2 || next_start >= sentences.size() ||
      sentences[next_start].paragraph != sentences[first_end].paragraph) {
    return false;
  }
  if (next_start == first_end + 2) {
    const Span between = sentences[first_end + 1].span;
    if (!within(first.cue, between) && !within(first.speaker, between)) return false;
  }
  const std::uint32_t words = words_overlapping(document.tokens(), gap, kInterruptionWords + 1);
  if (words == 0) return true;
  const bool attribution = within(first.cue, gap) || within(first.speaker, gap) ||
                           within(next.cue, gap) || within(next.speaker, gap);
  return attribution && words <= kInterruptionWords;
}

}  // namespace

void join_continued_quotes(const Document& document, std::vector<Quote>& quotes) {
  std::vector<Quote> joined;
  joined.reserve(quotes.size());
  std::size_t last_direct = quotes.size();  // in `joined`
  for (Quote& quote : quotes) {
    if (last_direct < joined.size()) {
      Quote& first = joined[last_direct];
      if (within(quote.marks.empty() ? quote.span : quote.marks, first.marks)) {
        joined.push_back(std::move(quote));  // nested: "A 'term' B," he said
        continue;
      }
      if (continues(document, first, quote)) {
        if (first.parts.empty()) first.parts.push_back(first.span);
        first.parts.push_back(quote.span);
        first.span.end = quote.span.end;
        first.marks.end = quote.marks.end;
        if (first.cue.empty()) first.cue = quote.cue;
        continue;
      }
    }
    // Reported speech, scare quotes and titles in the attribution ("..." Ramos said, referring
    // to ...; at a "No-B.S." barbecue) stand aside.
    if (quote.kind == QuoteKind::kDirect) {
      last_direct = joined.size();
    } else if (quote.kind == QuoteKind::kPartial) {
      last_direct = quotes.size();
    }
    joined.push_back(std::move(quote));
  }
  quotes = std::move(joined);
}

void split_at_paragraphs(const Document& document, std::vector<Quote>& quotes) {
  const auto& paragraphs = document.paragraphs();
  const std::string_view text = document.text();
  for (Quote& quote : quotes) {
    if (quote.marks.empty()) continue;
    // The paragraph the quote starts in (paragraphs are in text order).
    auto paragraph = std::partition_point(paragraphs.begin(), paragraphs.end(), [&](const auto& p) {
      return p.span.end <= quote.span.begin;
    });
    if (paragraph == paragraphs.end() || paragraph->span.end >= quote.span.end) continue;
    std::vector<Span> parts;
    for (const Span piece : pieces(quote)) {
      for (auto p = paragraph; p != paragraphs.end() && p->span.begin < piece.end; ++p) {
        Span part{std::max(piece.begin, p->span.begin), std::min(piece.end, p->span.end)};
        // A paragraph that reopens the quote starts with its mark.
        if (part.begin == p->span.begin && part.begin < part.end) {
          const CodePoint first = code_point_at(text, part.begin);
          if (u_hasBinaryProperty(first.value, UCHAR_QUOTATION_MARK)) part.begin += first.size;
        }
        part = trim_space(text, part);
        if (!part.empty()) parts.push_back(part);
      }
    }
    if (parts.size() > 1) quote.parts = std::move(parts);
  }
}

}  // namespace presslens::detail
