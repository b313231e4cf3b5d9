// Kinds of quotes: direct, partial, scare quote or title.
#include <unicode/uchar.h>

#include <algorithm>

#include "detail/quote_reader.hpp"
#include "detail/sentence_chars.hpp"

namespace presslens::detail {

bool QuoteReader::is_title_cue(std::size_t t) const {
  if (in(t, kTitleCue)) return true;
  const std::string& word = key(t);
  return resources_.compound_title_cues &&
         std::any_of(resources_.title_cues.begin(), resources_.title_cues.end(),
                     [&](const std::string& cue) { return word.ends_with(cue); });
}

// Title: a title word right before ("the report, "Living With Heat""). Scare: "so-called", or
// a short unattributed term. Otherwise speech: partial when it is a fragment inside the
// writer's sentence, direct when it is a sentence of its own (or several).
void QuoteReader::classify(Quote& quote, bool nested) {
  // 《…》 and 〈…〉 mark titles of works; Japanese writes titles in 『…』 (nested in 「…」 it
  // is a quote within a quote).
  const std::string_view mark = doc_.text().substr(quote.marks.begin, 3);
  if (mark == "《" || mark == "〈" || (mark == "『" && !nested && resources_.white_corner_titles)) {
    make_unattributed(quote, QuoteKind::kTitle, {quote.marks.begin, quote.marks.begin + 3});
    return;
  }
  const auto [first, last] = token_range(quote.sentence);
  const std::size_t open = first_token_at_or_after(quote.marks.begin, first, last);
  std::size_t before = open;
  while (before > first && !is_word(tokens_[before - 1])) --before;
  const std::uint32_t words = words_in(quote.span);
  const std::string_view content = doc_.text(quote.span);
  const UChar32 opening = content.empty() ? 0 : detail::code_point_at(content, 0).value;
  const bool ends_sentence =
      !content.empty() && detail::is_terminator(detail::sentence_char_before(
                              content, static_cast<std::uint32_t>(content.size())));
  // Scripts without case (Chinese, Japanese) show a sentence by its end alone; a term or two
  // opening a sentence without ending one is no sentence (""Refoulement" is forbidden").
  const bool sentence_like =
      !content.empty() &&
      (((u_isupper(opening) || open == first) &&
        (words >= 5 || (open == first && words >= kSentenceWords) || ends_sentence)) ||
       (!u_hasBinaryProperty(opening, UCHAR_CASED) && u_isalpha(opening) && ends_sentence));
  // Dictionary scripts cut title cues into pieces ("题|为"): match the text before the mark.
  if (resources_.subject_first) {
    const std::string_view head = doc_.text().substr(0, quote.marks.begin);
    for (const auto& cue : resources_.title_cues) {
      if (!head.ends_with(cue)) continue;
      make_unattributed(quote, QuoteKind::kTitle,
                        {static_cast<std::uint32_t>(head.size() - cue.size()), quote.marks.begin});
      return;
    }
  }
  if (before > first) {
    // "a blog called the "Feed"": a determiner may stand between the cue and the title.
    const std::size_t cue =
        in(before - 1, kDeterminer) && before - 1 > first ? before - 2 : before - 1;
    if (is_title_cue(cue)) {
      make_unattributed(quote, QuoteKind::kTitle, tokens_[cue].span);
      return;
    }
    if (in(before - 1, kScareCue)) {
      make_unattributed(quote, QuoteKind::kScare, tokens_[before - 1].span);
      return;
    }
  }
  // "on NBC's "Meet the Press"", "“Jane The Virgin” star": a short quote in title case (or in
  // capitals, a headline) names a work or a slogan; speech ends in a comma before its cue, or
  // exclaims or asks. So does a quote that a byline follows.
  const bool unattributed = quote.speaker.empty() && quote.cue.empty();
  if ((title_case(quote.span, words) &&
       ((!content.ends_with(",") && !content.ends_with("!") && !content.ends_with("?")) ||
        after_possessive(quote) || (unattributed && content.ends_with(",")))) ||
      byline_follows(quote)) {
    make_unattributed(quote, QuoteKind::kTitle, Span{});
    return;
  }
  // "Gov. C.L. "Butch" Otter": a nickname between the parts of a name.
  if (words <= 2 && before > first && is_capitalised(before - 1) && within_name(quote) &&
      !content.empty() &&
      !u_ispunct(
          detail::code_point_before(content, static_cast<std::uint32_t>(content.size())).value)) {
    make_unattributed(quote, QuoteKind::kScare, Span{});
    return;
  }
  if (unattributed) {
    // "the "Affordable Care Act"", "「自転車に安全な街づくり条例」を可決": a name of a law or a
    // report that nobody says.
    const std::size_t end = first_token_at_or_after(quote.span.end, first, tokens_.size());
    if (!sentence_like && words <= 8 && end > open && is_word(tokens_[end - 1]) &&
        in(end - 1, kTitleCue)) {
      make_unattributed(quote, QuoteKind::kTitle, tokens_[end - 1].span);
      return;
    }
    quote.kind = sentence_like || words > 8 ? QuoteKind::kDirect : QuoteKind::kScare;
    // "Dmitri Volkov has run the ferry for 31 years. “I have never seen ...”": a quote that is
    // a sentence of its own speaks for the previous sentence's subject.
    if (quote.kind == QuoteKind::kDirect && open == first && quote.sentence != kNoSentence &&
        quote.sentence > 0) {
      quote.speaker = sentence_subject(quote.sentence - 1);
      resolve(quote);
    }
    // "Clinton slammed the proposal as “reprehensible and divisive.”": a fragment of three
    // words or more in a clause whose subject is a name or a pronoun quotes that subject, the
    // verb unlisted. Not when a comma or a copula ("Zach Carter is a host of “...”") intervenes.
    if (open > first && words >= kUnlistedVerbWords && !resources_.subject_first &&
        !in(first, kDeterminer)) {
      const Span subject = sentence_subject(quote.sentence);
      const std::size_t verb = first_token_at_or_after(subject.end, first, open);
      const bool comma =
          std::any_of(tokens_.begin() + static_cast<std::ptrdiff_t>(verb),
                      tokens_.begin() + static_cast<std::ptrdiff_t>(open), [&](const Token& token) {
                        return doc_.text(token.span) == "," || doc_.text(token.span) == "—";
                      });
      if (!subject.empty() && verb < open && !comma &&
          (!in(verb, kStopword) || in(verb, kAuxiliary))) {
        quote.speaker = subject;
        quote.kind = QuoteKind::kPartial;
        resolve(quote);
      }
    }
    return;
  }
  // The second half of a quote split by its attribution ("...," he said, "and ...") is as
  // direct as the first.
  const bool continues_direct =
      previous_direct_cue_ == quote.cue && previous_sentence_ == quote.sentence;
  quote.kind = sentence_like || continues_direct || reported_utterance(quote, open, first)
                   ? QuoteKind::kDirect
                   : QuoteKind::kPartial;
  if (quote.kind == QuoteKind::kDirect) {
    previous_direct_cue_ = quote.cue;
    previous_sentence_ = quote.sentence;
  }
}

// "on CNN's “State of the Union,” ...": a name in title case owned by someone is a title even
// before a comma.
bool QuoteReader::after_possessive(const Quote& quote) const {
  std::string_view before = doc_.text().substr(0, quote.marks.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'") ||
         before.ends_with("s’");
}

// A capitalised word that is no stopword follows the quote at once: "“Butch” Otter".
bool QuoteReader::within_name(const Quote& quote) const {
  const std::size_t next = first_token_at_or_after(quote.marks.end, 0, tokens_.size());
  return next < tokens_.size() && tokens_[next].span.begin == quote.marks.end + 1 &&
         is_word(tokens_[next]) && is_capitalised(next) && !in(next, kStopword);
}

// "“Pop-up art show opens,” by Eddie Small": a quoted headline and its writer.
bool QuoteReader::byline_follows(const Quote& quote) const {
  std::size_t t = first_token_at_or_after(quote.marks.end, 0, tokens_.size());
  if (t < tokens_.size() && doc_.text(tokens_[t].span) == ",") ++t;
  return t + 1 < tokens_.size() && in(t, kByline) && is_word(tokens_[t + 1]) &&
         is_capitalised(t + 1);
}

// Two to eight words, every one that is not a stopword capitalised: "Meet the Press".
bool QuoteReader::title_case(Span span, std::uint32_t words) const {
  if (!resources_.title_case_titles || words < 2 || words > kTitleWords) return false;
  std::size_t capitals = 0;
  for (std::size_t t = first_token_at_or_after(span.begin, 0, tokens_.size());
       t < tokens_.size() && tokens_[t].span.end <= span.end; ++t) {
    if (tokens_[t].kind != TokenKind::kWord) continue;
    const UChar32 c = detail::code_point_at(doc_.text(), tokens_[t].span.begin).value;
    if (!u_hasBinaryProperty(c, UCHAR_CASED)) return false;
    const bool stopword = in(t, kStopword);
    if (!u_isupper(c) && !stopword) return false;
    capitals += u_isupper(c) && !stopword;
  }
  // "I'm with her.", "Too many.": a sentence capitalises its first word only.
  return capitals >= 2;
}

// Japanese quotes rarely end in a terminator: a quote that a quotative particle reports
// ("」と述べた", not the modifier "」との見方") is a whole utterance unless a particle before it
// makes it part of the writer's clause ("この計画を「…」と").
bool QuoteReader::reported_utterance(const Quote& quote, std::size_t open,
                                     std::size_t first) const {
  if (resources_.quotatives.empty() || resources_.fragment_particles.empty()) return false;
  const std::size_t after = first_token_at_or_after(quote.marks.end, open, tokens_.size());
  if (!reports_quote(after)) return false;
  if (open == first) return true;
  return !in(open - 1, kFragmentParticle) &&
         (open - 1 == first ||
          !resources_.fragment_particles.contains(key(open - 2) + key(open - 1)));
}

// A title or a scare quote: nobody's speech, `cue` what decided it.
void QuoteReader::make_unattributed(Quote& quote, QuoteKind kind, Span cue) const {
  quote.kind = kind;
  quote.kind_cue = cue;
  quote.speaker = quote.cue = Span{};
  quote.speaker_key.clear();
}

// Japanese: the quotative particle at token `t` reports the quote before it ("」と述べた",
// "」という": it may begin a longer token), unless it joins two nouns ("「A」と「B」"), is another
// particle that begins with it ("として", "とは", "とも") or makes a modifier ("」との見方").
bool QuoteReader::reports_quote(std::size_t t) const {
  if (t >= tokens_.size() || !is_word(tokens_[t]) || key(t + 1) == "の") return false;
  const std::string& word = key(t);
  // "「…」として" is "as '…'" ("「国宝」として指定"), but with a progressive after it the
  // quotative and する report what was said: "「…」としている", "「…」としており".
  if (word == "として") {
    const std::string& next = key(t + 1);
    if (next != "いる" && next != "おり" && next != "いた" && next != "います") return false;
  }
  if (word == "とは" || word == "とも") return false;
  if (t + 1 < tokens_.size() && !is_word(tokens_[t + 1]) && tokens_[t].sentence != kNoSentence) {
    const auto next = mark_at(doc_.text(), doc_.sentences()[tokens_[t].sentence].span,
                              tokens_[t + 1].span.begin, resources_.german_marks);
    if (next && next->role != Role::kClose) return false;
  }
  return std::any_of(resources_.quotatives.begin(), resources_.quotatives.end(),
                     [&](const std::string& q) { return word.starts_with(q); });
}

}  // namespace presslens::detail
