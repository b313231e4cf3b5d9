#include "detail/continued_quotes.hpp"

#include <algorithm>

namespace presslens::detail {

namespace {

bool within(Span inner, Span outer) {
  return !inner.empty() && outer.begin <= inner.begin && inner.end <= outer.end;
}

// Words between two offsets, by binary search over the document's tokens.
std::uint32_t words_between(const Document& document, std::uint32_t begin, std::uint32_t end) {
  const auto& tokens = document.tokens();
  auto t =
      std::lower_bound(tokens.begin(), tokens.end(), begin,
                       [](const Token& token, std::uint32_t at) { return token.span.begin < at; });
  std::uint32_t words = 0;
  for (; t != tokens.end() && t->span.end <= end && words <= kInterruptionWords; ++t) {
    words += t->kind == TokenKind::kWord || t->kind == TokenKind::kNumber;
  }
  return words;
}

// The sentence holding byte `at`.
std::size_t sentence_at(const Document& document, std::uint32_t at) {
  const auto& sentences = document.sentences();
  return static_cast<std::size_t>(
      std::upper_bound(sentences.begin(), sentences.end(), at,
                       [](std::uint32_t a, const Sentence& s) { return a < s.span.end; }) -
      sentences.begin());
}

bool crosses_line(std::string_view gap) {
  return gap.find_first_of("\n\r") != std::string_view::npos ||
         gap.find("\u2029") != std::string_view::npos;
}

bool continues(const Document& document, const Quote& first, const Quote& next) {
  if (first.kind != QuoteKind::kDirect || next.kind != QuoteKind::kDirect) return false;
  // The same speaker, or none named for the next part: it continues the first one's words.
  if (first.speaker.empty() || (first.speaker_key != next.speaker_key && !next.cue.empty())) {
    return false;
  }
  if (next.marks.begin < first.marks.end) return false;
  const Span gap = {first.marks.end, next.marks.begin};
  if (crosses_line(document.text(gap))) return false;
  // The next quote opens in the sentence after the first one's end at the latest, or after a
  // sentence that is the attribution (“……。”周立文说。“……”): a sentence of the writer's own
  // between them parts them.
  const std::size_t first_end = sentence_at(document, first.marks.end - 1);
  const std::size_t next_start = sentence_at(document, next.marks.begin);
  if (next_start > first_end + 2) return false;
  if (next_start == first_end + 2) {
    const Span between = document.sentences()[first_end + 1].span;
    if (!within(first.cue, between) && !within(first.speaker, between)) return false;
  }
  const std::uint32_t words = words_between(document, gap.begin, gap.end);
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

}  // namespace presslens::detail
