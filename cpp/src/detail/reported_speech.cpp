// Reported speech without quotation marks: "X said (that) ...", "according to X, ...".
#include <unicode/uchar.h>

#include <algorithm>

#include "detail/quote_reader.hpp"

namespace presslens::detail {

// Reported speech in a sentence: "X said (that) CLAUSE", "CLAUSE, X said", "CLAUSE, said X",
// "according to X, CLAUSE" and "CLAUSE, according to X". A clause that a direct quote of the
// sentence already covers is not reported twice.
void QuoteReader::reported(std::uint32_t sentence, const std::vector<Quote>& marked,
                           std::vector<Quote>& quotes) {
  const auto [first, last] = token_range(sentence);
  const Span whole = doc_.sentences()[sentence].span;
  std::size_t from = first;
  const std::size_t reports_before = quotes.size();
  // Each verb is checked against the sentence's quotes: a sentence of thousands of quotes and
  // verbs would make that quadratic, so only its first verbs are read.
  std::size_t verbs = 0;
  for (std::size_t t = first; t < last && quotes.size() - reports_before < kMaxReportsPerSentence &&
                              verbs < kMaxSpeechVerbsPerSentence;
       ++t) {
    const bool listed = is_speech_verb(t);
    if ((!listed && !is_learned_cue(t)) || t < from) continue;
    ++verbs;
    // The verb that attributes a direct quote reports nothing more; one that attributes a
    // partial quote also reports the clause around it.
    // A direct quote far after its verb ends the verb's clause: "has said he reviewed the
    // messages and disagrees, because "I do not see ..."" reports the whole clause.
    const bool attributes_a_quote = std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
      return q.kind == QuoteKind::kDirect && q.cue.begin <= tokens_[t].span.begin &&
             tokens_[t].span.end <= q.cue.end &&
             (q.marks.begin < tokens_[t].span.begin ||
              words_in({tokens_[t].span.end, q.marks.begin}) <= kWordsBeforeItsQuote);
    });
    // A verb that named a title ("a newsletter called the "Ferry Times"") reports nothing, nor
    // does a verb inside a title or a scare quote ("The Late Show").
    const bool names_a_title = std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
      return (q.kind == QuoteKind::kTitle && q.kind_cue == tokens_[t].span) ||
             ((q.kind == QuoteKind::kTitle || q.kind == QuoteKind::kScare) &&
              q.span.begin <= tokens_[t].span.begin && tokens_[t].span.end <= q.span.end);
    });
    if (attributes_a_quote || names_a_title) continue;
    Quote quote;
    bool parenthetical = false;
    quote.source = listed ? QuoteSource::kRules : QuoteSource::kModel;
    // A cue the lists lack is mostly a stance: "endorsed", "backed", "wants", "seemed".
    quote.kind = in(t, kStanceVerb) || !listed ? QuoteKind::kStance : QuoteKind::kIndirect;
    quote.sentence = sentence;
    quote.cue = tokens_[t].span;
    if (const std::size_t length = according_length(t); length > 0) {
      quote.cue = {tokens_[t].span.begin, tokens_[t + length - 1].span.end};
      std::size_t speaker_end = speaker_after(t + length, last, quote.speaker);
      if (quote.speaker.empty()) speaker_end = plain_source(t + length, last, quote.speaker);
      if (quote.speaker.empty()) continue;
      if (in(t, kTrailingAccording) &&
          !trailing_source(t, first, quote.speaker, speaker_end, last)) {
        continue;
      }
      std::size_t content = speaker_end;
      while (content < last && !is_word(tokens_[content])) ++content;
      if (t == first && content >= last) continue;
      quote.span = t == first ? Span{tokens_[content].span.begin, clause_end(content, last)}
                              : Span{whole.begin, tokens_[t].span.begin};
    } else if (resources_.subject_first) {
      quote.span = subject_first_report(t, first, last, quote);
      if (quote.span.empty()) continue;
    } else if (const std::size_t comma =
                   is_participle(t) ? last
                                    : inverted_report(t, first, last, quote.speaker, parenthetical);
               comma != last) {
      quote.span = {whole.begin, parenthetical ? whole.end : tokens_[comma].span.begin};
    } else {
      if (is_participle(t)) quote.speaker = participle_speaker(t, sentence);
      if (quote.speaker.empty()) speaker_before(t, first, quote.speaker);
      // "..., who said he typically votes Democratic": the relative pronoun speaks, before
      // the subject of its clause does ("you would fail the student who wrote ...").
      std::size_t subject = t;
      while (subject > first && is_word(tokens_[subject - 1]) && in(subject - 1, kAuxiliary)) {
        --subject;
      }
      if (quote.speaker.empty() && subject > first && is_relative(subject - 1)) {
        quote.speaker = tokens_[subject - 1].span;
      }
      if (quote.speaker.empty()) quote.speaker = clause_subject(t, first);
      // "..., and vowed to reverse ...": a verb after "and" speaks for the subject before it.
      if (quote.speaker.empty() && subject > first && is_word(tokens_[subject - 1]) &&
          in(subject - 1, kCoordinator)) {
        quote.speaker = clause_subject(subject - 1, first);
        if (quote.speaker.empty()) quote.speaker = sentence_subject(sentence);
      }
      if (quote.speaker.empty() || t + 1 >= last) continue;
      std::size_t content = t + 1;
      // "said Thursday his worry is ...": the day is when, not what.
      while (content + 1 < last && is_word(tokens_[content]) && in(content, kDateName)) ++content;
      // German sets the clause off with a comma: "der Betreiber betont, die Anlage sei sicher".
      if (content + 1 < last && is_comma(content) && is_word(tokens_[content + 1])) ++content;
      // "said that ...", "told reporters that ...": the clause starts after "that"; without
      // it, "told the council the plan ..." skips its listener.
      // The search ends at a quotation mark: "saying she was "appalled" that he ..." reports
      // from "she".
      for (std::size_t k = content;
           k < std::min(last, content + (is_telling(t) ? kThatReachAfterListener : kThatReach));
           ++k) {
        if (opens_marked_quote(k, marked)) break;
        if (is_that(k)) {
          content = k + 1;
          // "that, based on what he has seen, Curiel ...": an aside may open the clause.
          if (content + 1 < last && is_comma(content)) ++content;
          break;
        }
      }
      // The listener: a word, or a name ("told the New York Daily News, tax relief ...").
      if (content == t + 1 && is_telling(t)) {
        if (in(content, kDeterminer)) ++content;
        const bool name = content < last && is_word(tokens_[content]) && is_capitalised(content);
        ++content;
        while (name && content < last && is_word(tokens_[content]) && is_capitalised(content)) {
          ++content;
        }
        if (content + 1 < last && is_comma(content)) ++content;
      }
      // After "that" the clause may open with a quotation: "said that "we will not allow ..."";
      // a quotation right after the verb is its object ("admitted "serious failings"").
      const bool after_that = content > t + 1 && is_that(content - 1);
      if (content >= last ||
          (!is_word(tokens_[content]) && !(after_that && opens_marked_quote(content, marked)))) {
        continue;
      }
      quote.span = {tokens_[content].span.begin, clause_end(content, last)};
    }
    // Reported inside a marked quote ("They show lead levels," said X): the speaker's own words
    // report no further than the quote.
    bool outside = false;
    const Quote* enclosing = nullptr;
    for (const Quote& q : marked) {
      if (!q.marks.empty() && q.marks.begin < quote.cue.begin && quote.cue.end <= q.marks.end) {
        const Span inside = {std::max(quote.span.begin, q.span.begin),
                             std::min(quote.span.end, q.span.end)};
        outside = inside.end <= inside.begin;
        if (!outside) quote.span = inside;
        enclosing = &q;
      }
    }
    if (outside) continue;
    // A naming verb reports what it names, up to the name when "and" follows it: "qualifié le
    // budget de « mirage comptable » et réclame ..." (but "called the judge a "hater" who had
    // ..." goes on).
    if (in(t, kNamingVerb)) {
      for (const Quote& q : marked) {
        if (q.marks.begin <= tokens_[t].span.end || q.marks.begin >= quote.span.end) continue;
        std::size_t next = first_token_at_or_after(q.marks.end, t, last);
        if (next < last && is_comma(next)) ++next;
        if (next < last && is_word(tokens_[next]) && in(next, kCoordinator)) {
          quote.span.end = std::min(quote.span.end, q.marks.end);
        }
        break;
      }
    }
    const Span untrimmed = quote.span;
    quote.span = trim_end_punctuation(quote.span);
    // A quotation the clause ends with keeps its closing mark.
    for (const Quote& q : marked) {
      if (quote.span.begin <= q.marks.begin && q.marks.begin < quote.span.end &&
          quote.span.end < q.marks.end && q.marks.end <= untrimmed.end) {
        quote.span.end = q.marks.end;
      }
    }
    if (quote.span.empty() || words_in(quote.span) < 3 || covered_by_direct(quote.span, marked)) {
      continue;
    }
    // The cue model, where the pack has one, reads the report the rules made: it vetoes those
    // of listed verbs it finds unlikely ("the polls show") and accepts those of words of its
    // lexicon it finds likely ("endorsed", "wants").
    quote.confidence = cue_probability(t, first, last, marked, quote);
    if (listed ? quote.confidence && *quote.confidence < resources_.cue_model->veto()
               : !quote.confidence || *quote.confidence < resources_.cue_model->accept()) {
      continue;
    }
    resolve(quote);
    if (enclosing && is_unresolved_pronoun(quote.speaker))
      quote.speaker_key = enclosing->speaker_key;
    remember(quote);
    from = t + 1;
    quotes.push_back(std::move(quote));
  }
}

// Reported speech in Chinese and Japanese, with the speaker at the head of the clause: the
// words after the verb in Chinese ("谢俊杰表示，谈判进展顺利"); in Japanese the clause between
// the speaker's particle and the quotative particle before the verb ("原田氏は、交渉は順調に
// 進んだと述べた"). Empty when there is no speaker or no clause.
Span QuoteReader::subject_first_report(std::size_t verb, std::size_t first, std::size_t last,
                                       Quote& quote) const {
  subject_speaker(verb, first, quote, quote.speaker);
  if (quote.speaker.empty()) return {};
  if (resources_.speaker_particles.empty()) {
    std::size_t content = verb + 1;
    while (content < last && !is_word(tokens_[content]) &&
           !mark_at(doc_.text(), doc_.sentences()[quote.sentence].span, tokens_[content].span.begin,
                    resources_.german_marks)) {
      ++content;
    }
    if (content >= last || !is_word(tokens_[content])) return {};
    return {tokens_[content].span.begin, doc_.sentences()[quote.sentence].span.end};
  }
  // "気象庁によると、台風は…見込みだ": the clause after the source marker.
  if (const std::size_t after = source_marker_end(verb); after != verb) {
    std::size_t content = after;
    while (content < last && !is_word(tokens_[content]) &&
           !mark_at(doc_.text(), doc_.sentences()[quote.sentence].span, tokens_[content].span.begin,
                    resources_.german_marks)) {
      ++content;
    }
    if (content >= last || !is_word(tokens_[content])) return {};
    return {tokens_[content].span.begin, tokens_[last - 1].span.end};
  }
  // The particle may be a token of its own or end one ("完成|すると"); right after a closing
  // mark it reports the marked quote, not a clause ("その案を「机上の空論」と切り捨てた").
  if (verb == first || !is_word(tokens_[verb - 1])) return {};
  const std::string& particle = key(verb - 1);
  const auto quotative = std::find_if(resources_.quotatives.begin(), resources_.quotatives.end(),
                                      [&](const std::string& q) { return particle.ends_with(q); });
  if (quotative == resources_.quotatives.end()) return {};
  std::size_t content = first_token_at_or_after(quote.speaker.end, first, verb) + 1;
  while (content < verb && !is_word(tokens_[content])) ++content;
  const Span clause = {content < verb ? tokens_[content].span.begin : 0,
                       tokens_[verb - 1].span.end - static_cast<std::uint32_t>(quotative->size())};
  if (content >= verb || clause.end <= clause.begin ||
      closes_quote(detail::code_point_before(doc_.text(), clause.end).value)) {
    return {};
  }
  return clause;
}

// "CLAUSE, X said." or "CLAUSE, said X.": the verb stands near the sentence's end after a
// comma and a short speaker phrase. Returns the comma's token (or `last` when not so).
// With `parenthetical` set, the speaker and verb stand inside the clause between commas
// ("Many of the closures, he said, have involved ..."): the clause is the whole sentence.
std::size_t QuoteReader::inverted_report(std::size_t verb, std::size_t first, std::size_t last,
                                         Span& speaker, bool& parenthetical) const {
  std::size_t tail = verb + 1;
  Span after;
  const std::size_t after_end = speaker_after(tail, last, after);
  std::size_t rest = after.empty() ? tail : after_end;
  // "said he had waited", "said the school would close": a clause follows, not a speaker; so
  // does "said he was" where a pronoun never speaks after its verb but as the last word.
  if (rest < last && is_word(tokens_[rest]) &&
      (in(rest, kAuxiliary) ||
       (!after.empty() && is_pronoun(after) && !resources_.pronoun_inversion))) {
    return last;
  }
  std::size_t words_left = 0;
  for (std::size_t k = rest; k < last && words_left <= 4; ++k) words_left += is_word(tokens_[k]);
  const bool comma_after = rest + 1 < last && doc_.text(tokens_[rest].span) == ",";
  // ", said Ed Rendell, who chairs the committee.": a relative clause may follow the speaker,
  // or an appositive (", said James Henson, director of the Texas Politics Project.").
  const bool relative_after =
      comma_after && !after.empty() &&
      (is_relative(rest + 1) ||
       (is_word(tokens_[rest + 1]) &&
        (in(rest + 1, kDeterminer) || (!is_capitalised(rest + 1) && !in(rest + 1, kStopword)))));
  parenthetical = comma_after && after.empty() && words_left > 0;
  // "on Thursday" may follow, a clause may not
  if (words_left > 4 && !relative_after && !parenthetical) return last;
  // ", said X" / ", X said"; auxiliaries may come first: ", a indiqué la préfecture".
  std::size_t head = verb;
  while (head > first && is_word(tokens_[head - 1]) && in(head - 1, kAuxiliary)) {
    --head;
  }
  // "Rep. Tom Cole, an ally of the leadership, said Thursday his worry is ...": a speaker and
  // its appositive open the sentence, and what follows the verb is the clause.
  Span subject;
  speaker_before(verb, first, subject);
  if (!subject.empty() && subject.begin == tokens_[first].span.begin) return last;
  if (head > first && doc_.text(tokens_[head - 1].span) == "," && !after.empty()) {
    speaker = after;
    return head - 1;
  }
  for (std::size_t k = verb; k > first && verb - k < 8; --k) {
    if (doc_.text(tokens_[k - 1].span) != ",") continue;
    if (k - 1 == first || k == verb || is_relative(k)) return last;  // ", whom he had found"
    if (!starts_noun_phrase(k) && (verb - k > 3 || parenthetical)) {
      return last;  // "officials said" is short; ", doch der Betreiber betont, ..." no aside
    }
    speaker = {tokens_[k].span.begin, tokens_[verb - 1].span.end};
    return k - 1;
  }
  return last;
}

// A source in lower case after "according to" ("polls", "one global index", "exit polls"): its
// words up to a comma or the sentence's end, at most kNameWords of them.
std::size_t QuoteReader::plain_source(std::size_t t, std::size_t last, Span& source) const {
  std::size_t end = t;
  while (end < last && end < t + kNameWords && !is_comma(end) &&
         (is_word(tokens_[end]) || doc_.text(tokens_[end].span) == "-")) {
    ++end;
  }
  while (end > t && !is_word(tokens_[end - 1])) --end;
  if (end == t || (end < last && is_word(tokens_[end]))) return t;  // a longer phrase: a clause
  source = {tokens_[t].span.begin, tokens_[end - 1].span.end};
  return end;
}

bool QuoteReader::opens_marked_quote(std::size_t t, const std::vector<Quote>& marked) const {
  return !is_word(tokens_[t]) && std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
    return q.marks.begin == tokens_[t].span.begin;
  });
}

bool QuoteReader::covered_by_direct(Span span, const std::vector<Quote>& marked) const {
  return std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
    const auto overlap = std::min(span.end, q.marks.end) > std::max(span.begin, q.marks.begin)
                             ? std::min(span.end, q.marks.end) - std::max(span.begin, q.marks.begin)
                             : 0u;
    return q.kind == QuoteKind::kDirect && overlap * 2 > span.size();
  });
}

// Where a reported clause starting at token `content` ends: before "and" or "but" when a speech
// verb follows, right after or after a short subject, which reports again ("said the talks
// failed and said that ...", "said it was safe, but the operator insisted ..."), else at the
// sentence's end. (Dashes do not end it: news annotators keep what follows in the clause.)
std::uint32_t QuoteReader::clause_end(std::size_t content, std::size_t last) const {
  for (std::size_t t = content + 1; t + 1 < last; ++t) {
    // ", suggesting ...", ", adding ...": the speaker's next act, not what was said.
    if (is_comma(t) && is_participle(t + 1)) return tokens_[t].span.begin;
    if (!is_word(tokens_[t]) || !in(t, kCoordinator)) continue;
    for (std::size_t k = t + 1; k < std::min(last, t + 2 + kCoordinatedSubjectWords); ++k) {
      if (!is_word(tokens_[k])) break;
      // A source cue ("und so", "and according to") starts no new report.
      if (is_speech_verb(k) && !is_according(k)) return tokens_[t].span.begin;
    }
  }
  return tokens_[last - 1].span.end;
}

}  // namespace presslens::detail
