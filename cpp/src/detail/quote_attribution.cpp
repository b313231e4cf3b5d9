// Attribution of quotes: the cue and the speaker, and who a pronoun stands for.
#include <unicode/uchar.h>

#include <algorithm>

#include "detail/quote_reader.hpp"

namespace presslens::detail {

// The noun phrase right after token `t` ("said Dr. Amara Lindqvist, who ..."): words and the
// periods of abbreviations, up to a comma, a quote or a lower-case word that is not part of a
// name ("the ministry's spokesman" keeps its determiner). Returns the token after it.
std::size_t QuoteReader::speaker_after(std::size_t t, std::size_t last, Span& speaker) const {
  // A day may stand between the verb and the speaker: "a assuré jeudi le maire".
  const std::size_t verb_end = t;
  while (t < last && in(t, kDateName)) ++t;
  // "a indiqué à notre rédaction le parquet", "contó a este diario un taxista": the listener
  // first, the speaker from the next determiner or name.
  if (t < last && is_word(tokens_[t]) && in(t, kListenerMarker)) {
    std::size_t k = t + 1;
    if (k < last && is_word(tokens_[k]) && in(k, kDeterminer)) ++k;
    const std::size_t listener = k;
    while (k < last && k < listener + kListenerWords && is_word(tokens_[k]) &&
           (k == listener || (!in(k, kDeterminer) && !is_capitalised(k)))) {
      ++k;
    }
    if (k > listener && k < last && is_word(tokens_[k]) &&
        (in(k, kDeterminer) || is_capitalised(k))) {
      t = k;
    }
  }
  std::size_t end = t;
  std::size_t words = 0;
  if (t < last && !starts_noun_phrase(t)) {
    // "said transport director Paul Ingram": a role in lower case before a name.
    std::size_t name = t;
    while (name < last && name < t + kRoleWords && is_word(tokens_[name]) &&
           !is_capitalised(name) && !in(name, kStopword)) {
      ++name;
    }
    if (name == t || name >= last || !is_word(tokens_[name]) || !is_capitalised(name) ||
        in(name, kStopword)) {
      return verb_end;
    }
  }
  if (t >= last) return verb_end;
  // A pronoun is the whole phrase: "said he had voted", "sagte er vor Journalisten".
  if (is_pronoun(t)) {
    speaker = tokens_[t].span;
    return t + 1;
  }
  while (end < last && words < 8) {
    const Token& token = tokens_[end];
    if (is_word(token)) {
      // "said Reyes yesterday", "insists Sanders is mounting": after a name, only a connector
      // ("Tom Cole of Oklahoma", "Ana de la Cruz") goes on in lower case.
      if (!is_capitalised(end) && words > 0 && is_capitalised(end - 1) &&
          !in(end, kConnector | kDeterminer)) {
        break;
      }
      if (words > 0 && in(end, kAuxiliary)) break;  // "the school would"
      ++words;
    } else if (!(doc_.text(token.span) == "." && words > 0) && doc_.text(token.span) != "'") {
      break;
    }
    ++end;
  }
  while (end > t && !is_word(tokens_[end - 1])) --end;
  if (end > t) speaker = {tokens_[t].span.begin, tokens_[end - 1].span.end};
  // "afirmó el consejero de Educación, Luis Ferrer.": a role, then its name.
  if (end > t && end + 1 < last && is_comma(end) && !is_capitalised_name(t, end)) {
    std::size_t name_end = end + 1;
    while (name_end < last && name_end < end + 1 + kNameWords &&
           (is_word(tokens_[name_end]) || doc_.text(tokens_[name_end].span) == ".") &&
           !(doc_.text(tokens_[name_end].span) == "." && name_end + 1 == last)) {
      ++name_end;
    }
    // Only a name that ends the sentence: "According to the police, Smith, 45, was ..." names
    // no role.
    if ((name_end == last || (name_end + 1 == last && !is_word(tokens_[name_end]))) &&
        is_capitalised_name(end + 1, name_end)) {
      speaker = {tokens_[end + 1].span.begin, tokens_[name_end - 1].span.end};
      return name_end;
    }
  }
  return end;
}

// The noun phrase ending right before token `verb` ("Deputy Mayor Tomas Reyes told", "the two
// sides agreed", "Hugh Hill, a doctor, said"), from the last determiner or the first of a run
// of capitalised words, never before `first`.
void QuoteReader::speaker_before(std::size_t verb, std::size_t first, Span& speaker) const {
  std::size_t end = verb;
  // Auxiliaries and adverbs between the speaker and the verb: "he has also said".
  while (end > first && is_word(tokens_[end - 1]) && in(end - 1, kAuxiliary)) --end;
  // An appositive between commas: "Hugh Hill, a doctor, said"; when nothing names the speaker
  // before it ("One of them, a teacher, said"), the appositive does.
  // An age may come first: "Tomasz Wren, 54, a lorry driver, said".
  Span appositive;
  if (end > first && doc_.text(tokens_[end - 1].span) == ",") {
    std::size_t before_comma = end - 1;
    for (int appositives = 0; appositives < 2; ++appositives) {
      std::size_t k = before_comma;
      bool marks = false;
      while (k > first && k + kAppositiveTokens > before_comma &&
             doc_.text(tokens_[k - 1].span) != ",") {
        marks = marks || is_quotation_mark(k - 1);
        --k;
      }
      if (k == first || k == before_comma || doc_.text(tokens_[k - 1].span) != ",") break;
      // A quotation is an appositive only whole ("The report, “Living With Heat”, warned"):
      // „A“, sagte sie, „B“ has none before "sagte".
      if (marks && !(is_quotation_mark(k) && is_quotation_mark(before_comma - 1))) break;
      if (appositives > 0 && starts_noun_phrase(k)) break;  // a name, not an age
      if (appositive.empty()) {
        appositive = {tokens_[k].span.begin, tokens_[before_comma - 1].span.end};
      }
      end = before_comma = k - 1;
    }
  }
  // "Sen. Bernie Sanders (I-Vt.) said", "Cummings (D-Md.), chair of ..., said": a parenthesis
  // after the name.
  if (end > first + 1 && is_parenthesis(end - 1, ')')) {
    const std::size_t open = opening_parenthesis(end - 1, first);
    if (open < end - 1 && open > first) end = open;
  }
  std::size_t start = end;
  std::size_t words = 0;
  while (start > first && words < 6) {
    const Token& token = tokens_[start - 1];
    if (!is_word(token) && doc_.text(token.span) != ".") break;
    if (is_word(token)) {
      const bool determiner = in(start - 1, kDeterminer);
      // A capital inside the sentence makes a stopword a name: "The Times said".
      const bool named = start - 1 > first && is_capitalised(start - 1);
      if (in(start - 1, kStopword) && !determiner && !named && !is_pronoun(start - 1) &&
          !is_unresolved_pronoun(start - 1) && !in(start - 1, kConnector) &&
          !after_possessive(start - 1, first)) {
        break;
      }
      ++words;
      if (determiner) {
        --start;
        // "El líder de la oposición", "the mayor of the city": the phrase goes on before "de".
        if (start > first && in(start - 1, kConnector) && words < 6) continue;
        break;
      }
    }
    --start;
  }
  while (start < end && !is_word(tokens_[start])) ++start;
  // "La directora del hospital, Elena Soto, explicó": the appositive is the name of the role.
  if (!appositive.empty() && start < end && !is_capitalised_name(start, end) &&
      is_capitalised_name(first_token_at_or_after(appositive.begin, first, verb),
                          first_token_at_or_after(appositive.end, first, verb))) {
    speaker = appositive;
  } else if (start < end) {
    speaker = {tokens_[start].span.begin, tokens_[end - 1].span.end};
  } else if (!appositive.empty() &&
             starts_noun_phrase(first_token_at_or_after(appositive.begin, first, verb))) {
    speaker = appositive;
  }
}

// Tokens [from, to) are a name: capitalised words (initials and titles such as "Me", "Dr."
// included), connectors between them ("Ana de la Cruz"), no day or month, and no stopword at
// its end.
bool QuoteReader::is_capitalised_name(std::size_t from, std::size_t to) const {
  if (from >= to || to - from > kNameWords || !is_word(tokens_[from]) ||
      !is_word(tokens_[to - 1]) || !is_capitalised(from) || !is_capitalised(to - 1)) {
    return false;
  }
  for (std::size_t t = from; t < to; ++t) {
    if (!is_word(tokens_[t])) {
      if (doc_.text(tokens_[t].span) != ".") return false;
    } else if (!is_capitalised(t) ? !in(t, kConnector)
                                  : in(t, kDateName) || (in(t, kStopword) && t + 1 == to)) {
      return false;
    }
  }
  return true;
}

// Chinese and Japanese have no capitals to find a name by. Japanese marks the speaker with a
// particle ("医師の大野綾子さんは語った": the words before "は", back to "の"); Chinese puts it
// at the head of the verb's clause ("市长王海对记者说": up to "对"). Words inside the quote
// never speak.
void QuoteReader::subject_speaker(std::size_t verb, std::size_t first, const Quote& quote,
                                  Span& speaker) const {
  const auto quoted = [&](std::size_t t) {
    return quote.marks.begin <= tokens_[t].span.begin && tokens_[t].span.end <= quote.marks.end;
  };
  const auto stops = [&](std::size_t t) {
    return !is_word(tokens_[t]) || quoted(t) || in(t, kSpeakerStop);
  };
  std::size_t start = verb;
  std::size_t end = verb;
  if (!resources_.speaker_particles.empty()) {
    const std::size_t particle = speaker_particle(verb, first, quoted);
    // Without a particle, the words right before a source marker speak ("組合によると").
    if (particle == verb && source_marker_end(verb) == verb) return;
    start = end = particle;
    while (start > first && (!stops(start - 1) || is_parenthesis(start - 1, ')'))) {
      start = is_parenthesis(start - 1, ')') ? opening_parenthesis(start - 1, first) : start - 1;
    }
  } else {
    // "许晴（急诊科医生）说", "宋佳怡，一位社工，说": a parenthesis or an appositive between
    // the speaker and the verb.
    if (verb > first && is_parenthesis(verb - 1, ')')) {
      start = opening_parenthesis(verb - 1, first);
    } else if (verb > first && is_comma(verb - 1)) {
      for (std::size_t k = verb - 1; k > first && verb - k < kAppositiveTokens * 2; --k) {
        if (quoted(k - 1)) break;
        if (!is_comma(k - 1)) continue;
        start = k - 1;
        break;
      }
    }
    const std::size_t head = start;
    // Back to the clause's first word, past an appositive in parentheses after a name
    // ("陈远航（铁路司副司长）在会后对记者说").
    while (start > first && !quoted(start - 1)) {
      if (is_word(tokens_[start - 1])) {
        --start;
        continue;
      }
      if (!is_parenthesis(start - 1, ')')) break;
      const std::size_t open = opening_parenthesis(start - 1, first);
      if (open == start - 1 || open == first || !is_word(tokens_[open - 1])) break;
      start = open;
    }
    // "据项目负责人马德华介绍": a clause may open with a word that is no part of its speaker.
    while (start < head && in(start, kSpeakerStop)) ++start;
    end = start;
    // "他在颁奖仪式上说": the pronoun before the stop speaks ("我的朋友说" stays "my friend").
    if (start < head && stop_after_pronoun(start) > 0) {
      speaker = {tokens_[start].span.begin, tokens_[start].span.end - stop_after_pronoun(start)};
      return;
    }
    while (end < head && !stops(end)) ++end;
    // "农田被淹的农民罗志刚说": a clause ending in "的" describes the speaker after it, up to
    // the verb or to a stop after it ("…学院的张文博教授在接受采访时指出").
    if (end < head && key(end) == "的") {
      std::size_t last_de = end;
      std::size_t stop = head;
      for (std::size_t k = end + 1; k < head && !quoted(k); ++k) {
        if (key(k) == "的") {
          last_de = k;
        } else if (stops(k)) {
          stop = k;
          break;
        }
      }
      if (last_de + 1 < stop) {
        start = last_de + 1;
        end = stop;
      }
    }
  }
  if (start < end) speaker = {tokens_[start].span.begin, tokens_[end - 1].span.end};
}

// The Japanese particle that marks the verb's speaker, or `verb` if none: the nearest は or が
// before the verb outside the quote that follows no case particle ("ジュニアには" marks no
// speaker), or an earlier one set off by a comma, the sentence's topic ("彼女は、新コースは…").
template <typename Quoted>
std::size_t QuoteReader::speaker_particle(std::size_t verb, std::size_t first,
                                          const Quoted& quoted) const {
  const auto marks_speaker = [&](std::size_t t) {
    if (quoted(t) || !in(t, kSpeakerParticle)) return false;
    return t == first || !in(t - 1, kSpeakerStop) || in(t - 1, kSpeakerParticle);
  };
  std::size_t found = verb;
  const std::size_t reach = verb > first + kReachTokens ? verb - kReachTokens : first;
  for (std::size_t t = verb; t > reach; --t) {
    if (!marks_speaker(t - 1)) continue;
    if (found == verb) {
      found = t - 1;
    } else if (t < tokens_.size() && is_comma(t)) {
      return t - 1;
    }
  }
  return found;
}

// "Clinton posted a comment of her own, saying ...", "“...,” Anderson said, adding that ...":
// a participle speaks for its clause's subject, the speaker already named in the sentence or
// the noun phrase that opens it.
Span QuoteReader::participle_speaker(std::size_t verb, std::uint32_t sentence) const {
  const std::uint32_t at = tokens_[verb].span.begin;
  if (last_speaker_ && last_speaker_sentence_ == sentence && last_speaker_->end <= at) {
    return *last_speaker_;
  }
  const Span subject = sentence_subject(sentence);
  return subject.end <= at ? subject : Span{};
}

// The token after the source marker ("によると") that starts at token `t`, or `t` if none.
std::size_t QuoteReader::source_marker_end(std::size_t t) const {
  const std::string_view rest = doc_.text().substr(tokens_[t].span.begin);
  for (const auto& marker : resources_.source_markers) {
    if (!rest.starts_with(marker)) continue;
    return first_token_at_or_after(
        tokens_[t].span.begin + static_cast<std::uint32_t>(marker.size()), t, tokens_.size());
  }
  return t;
}

// Finds the cue and the speaker in the quote's sentence: after the closing mark ("..., said X",
// "..., X said", "... as X agreed"), then before the opening mark ("X said: ...", "X told the
// council ..."), then "according to X"; failing those, a quote that opens its sentence
// continues the last speaker of the two sentences before.
void QuoteReader::attribute(Quote& quote, std::optional<Span> within) {
  auto [first, last] = token_range(quote.sentence);
  // After: up to eight tokens, in the sentence where the quote closes.
  const std::uint32_t closing_sentence = sentence_of(quote.marks.end - 1);
  auto [close_first, close_last] = token_range(closing_sentence);
  if (within) {
    const auto clamp = [&](std::size_t& from, std::size_t& to) {
      from = std::max(from, first_token_at_or_after(within->begin, 0, tokens_.size()));
      to = std::min(to, first_token_at_or_after(within->end, 0, tokens_.size()));
      to = std::max(from, to);
    };
    clamp(first, last);
    clamp(close_first, close_last);
  }
  if (first == last) return;
  const std::size_t open = first_token_at_or_after(quote.marks.begin, first, last);
  const std::size_t close = first_token_at_or_after(quote.marks.end, close_first, close_last);
  // Chinese and Japanese words are short tokens: "」と、医師の大野綾子さんは語った" is nine.
  const std::size_t after = resources_.subject_first ? kReachTokens : 8;
  for (std::size_t t = close; t < std::min(close_last, close + after); ++t) {
    // "called the plan “a giveaway” and vowed to fight it": a verb after "and" is the
    // writer's next clause, not this quote's attribution.
    if (in(t, kCoordinator)) break;
    // A naming verb ("called", "dubbed") names what follows it, never a quote before it.
    if (!is_speech_verb(t) || is_according(t) || in(t, kNamingVerb)) {
      continue;
    }
    // "“…。”他补充说：“…”": a verb before a colon and an opening mark introduces the next quote.
    if (introduces_next_quote(t, close_last)) break;
    quote.cue = tokens_[t].span;
    if (resources_.subject_first) {
      // From the opening sentence: a terminator inside the marks may split the sentence, and
      // the speaker stands before the quote ("森知事は「…。…」と述べた").
      subject_speaker(t, first, quote, quote.speaker);
      break;
    }
    if (is_participle(t)) {
      quote.speaker = participle_speaker(t, quote.sentence);
      break;
    }
    // "», a-t-il expliqué": the pronoun rides on the auxiliary.
    if (const auto carrier = std::find_if(
            tokens_.begin() + static_cast<std::ptrdiff_t>(close),
            tokens_.begin() + static_cast<std::ptrdiff_t>(t),
            [&](const Token& token) { return carries_pronoun(&token - tokens_.data()); });
        carrier != tokens_.begin() + static_cast<std::ptrdiff_t>(t)) {
      quote.speaker = carrier->span;
      break;
    }
    std::size_t subject = close;
    // Function words between the quote and the verb are no speaker: "as" (as X agreed),
    // auxiliaries ("», a déclaré le ministre"), particles ("」と述べた").
    while (subject < t && (!is_word(tokens_[subject]) ||
                           (in(subject, kStopword) && !starts_noun_phrase(subject)))) {
      ++subject;
    }
    if (subject < t) {
      quote.speaker = {tokens_[subject].span.begin, tokens_[t - 1].span.end};
    } else if (const std::string verb = key(t); verb.find('-') != std::string::npos) {
      quote.speaker = tokens_[t].span;  // "dit-elle": the verb carries its pronoun
    } else {
      speaker_after(t + 1, close_last, quote.speaker);
      // Japanese and Chinese name the speaker before the quote: "田中氏は「…」と述べた".
      if (quote.speaker.empty()) speaker_before(open, first, quote.speaker);
    }
    break;
  }
  // Before: the last speech verb of the sentence before the quote (within reach).
  if (quote.cue.empty()) {
    const std::size_t reach = open > first + kReachTokens ? open - kReachTokens : first;
    for (std::size_t t = open; t > reach; --t) {
      if (!is_speech_verb(t - 1) || is_according(t - 1)) continue;
      // A verb cut into pieces ("补充|说") starts at its first piece, which is not the speaker's.
      const std::uint32_t cue_end = tokens_[t - 1].span.end;
      while (resources_.subject_first && t - 1 > first + 1 && is_speech_verb(t - 2)) --t;
      quote.cue = {tokens_[t - 1].span.begin, cue_end};
      if (resources_.subject_first) {
        subject_speaker(t - 1, first, quote, quote.speaker);
      } else if (key(t - 1).find('-') != std::string::npos) {
        quote.speaker = tokens_[t - 1].span;  // "dit-elle, « mais ... »"
      } else if (is_participle(t - 1) &&
                 !(quote.speaker = participle_speaker(t - 1, quote.sentence)).empty()) {
        // the clause's subject speaks
      } else {
        speaker_before(t - 1, first, quote.speaker);
        if (quote.speaker.empty()) quote.speaker = clause_subject(t - 1, first);
        // "..., said Felix Amundsen, "and ..."" and German "Am Montag sagte Tom Färber: „…“":
        // the speaker follows the verb when none (or only a prepositional phrase) precedes it.
        Span inverted;
        speaker_after(t, open, inverted);
        // "calificó el presupuesto de «...»": what a naming verb names is not its speaker.
        if (!inverted.empty() && !is_telling(t - 1) && !in(t - 1, kNamingVerb) &&
            (quote.speaker.empty() || after_preposition(quote.speaker, first))) {
          quote.speaker = inverted;
        }
      }
      break;
    }
  }
  if (quote.cue.empty()) {
    const std::size_t reach = std::min(last, close + kReachTokens);
    for (std::size_t t = open > first + kReachTokens ? open - kReachTokens : first; t + 1 < reach;
         ++t) {
      // A cue inside the quote is the speaker's own words ("„So viel Eis ...“").
      if (t >= open && t < close) continue;
      const std::size_t length = according_length(t);
      if (length == 0) continue;
      Span source;
      const std::size_t source_end = speaker_after(t + length, last, source);
      if (in(t, kTrailingAccording) && !trailing_source(t, first, source, source_end, last)) {
        continue;
      }
      quote.cue = {tokens_[t].span.begin, tokens_[t + length - 1].span.end};
      quote.speaker = source;
      break;
    }
  }
  // "The coach was blunt: "..."": the subject of the clause before the colon; failing that
  // ("As Dr. Lindqvist put it: "...""), the name nearest before the colon.
  if (quote.cue.empty() && open > first && doc_.text(tokens_[open - 1].span) == ":") {
    quote.cue = tokens_[open - 1].span;
    quote.speaker = clause_subject(open - 1, first);
    if (quote.speaker.empty()) quote.speaker = name_before(open - 1, first);
  }
  // Japanese reports a quote with the quotative と whatever the verb ("「…」と声を荒らげた"):
  // the speaker is the phrase its particle marks before the quote.
  if (quote.cue.empty() && !resources_.speaker_particles.empty() && close < close_last &&
      reports_quote(close) && close + 1 < close_last && is_word(tokens_[close + 1])) {
    subject_speaker(open, first, quote, quote.speaker);
    if (!quote.speaker.empty()) quote.cue = tokens_[close].span;
  }
  // French sets the attribution inside the marks: « ..., a-t-elle déclaré. ... »,
  // « ..., explique-t-il. ... »: a verb carrying its pronoun after a comma.
  if (quote.cue.empty() && close > open) {
    for (std::size_t t = open + 1; t < std::min(close, open + kReachTokens); ++t) {
      if (!carries_pronoun(t) || !is_comma(t - 1)) continue;
      const bool verb = is_verb_form(t);
      if (!verb && !(t + 1 < close && is_verb_form(t + 1))) continue;
      quote.cue = tokens_[verb ? t : t + 1].span;
      quote.speaker = tokens_[t].span;
      break;
    }
  }
  // Spanish sets it between dashes: «... —relató Carmen Vidal, vecina del barrio—, ...»: a
  // speech verb right after a dash, its speaker after it.
  if (quote.cue.empty() && close > open) {
    for (std::size_t t = open + 1; t + 1 < std::min(close, open + kReachTokens); ++t) {
      const std::string_view dash = doc_.text(tokens_[t - 1].span);
      if ((dash != "—" && dash != "–") || !is_speech_verb(t)) continue;
      Span speaker;
      speaker_after(t + 1, close, speaker);
      if (speaker.empty()) continue;
      quote.cue = tokens_[t].span;
      quote.speaker = speaker;
      break;
    }
  }
  if (quote.cue.empty() && !within &&
      std::none_of(tokens_.begin() + static_cast<std::ptrdiff_t>(close),
                   tokens_.begin() + static_cast<std::ptrdiff_t>(close_last), is_word)) {
    attribute_from_next(quote, closing_sentence);
  }
  // Spanish drops the subject: "“Hemos jugado sin alma”, reconoció." speaks for the speaker
  // of the sentence before, or its subject.
  if (quote.speaker.empty() && !quote.cue.empty() && resources_.dropped_subjects &&
      quote.sentence != kNoSentence && quote.sentence > 0) {
    if (last_speaker_ && last_speaker_sentence_ + 1 == quote.sentence) {
      quote.speaker = *last_speaker_;
      quote.speaker_key = last_speaker_key_;
      return;
    }
    quote.speaker = sentence_subject(quote.sentence - 1);
  }
  resolve(quote);
  if (quote.speaker.empty() && open == first && last_speaker_ &&
      quote.sentence <= last_speaker_sentence_ + 2) {
    quote.speaker = *last_speaker_;
    quote.speaker_key = last_speaker_key_;
  }
}

// A quote that fills its sentence may be attributed by the short sentence after it:
// "“大桥将恢复通车。”周立文说。", "「…」。アナリストの森田氏はこう指摘した。". The speech verb
// must end that sentence, so "She said the talks failed." introduces a report instead; that
// sentence is in the quote's paragraph and holds no quote of its own.
void QuoteReader::attribute_from_next(Quote& quote, std::uint32_t closing_sentence) {
  const std::uint32_t next = closing_sentence + 1;
  if (closing_sentence == kNoSentence || next >= doc_.sentences().size()) return;
  const auto [first, last] = token_range(next);
  if (first == last || last - first > kNextSentenceTokens) return;
  const auto& sentences = doc_.sentences();
  if (sentences[next].paragraph != sentences[closing_sentence].paragraph) return;
  for (std::size_t t = first; t < last; ++t) {
    if (!is_word(tokens_[t]) && mark_at(doc_.text(), sentences[next].span, tokens_[t].span.begin,
                                        resources_.german_marks)) {
      return;  // the next sentence has a quote of its own
    }
  }
  std::size_t words_after = 0;
  for (std::size_t t = last; t > first; --t) {
    if (!is_word(tokens_[t - 1])) continue;
    if (++words_after > kVerbFromSentenceEnd) break;
    if (!is_speech_verb(t - 1) || is_according(t - 1)) continue;
    Span speaker;
    if (resources_.subject_first) {
      subject_speaker(t - 1, first, quote, speaker);
    } else {
      speaker_before(t - 1, first, speaker);
    }
    if (speaker.empty()) return;
    quote.cue = tokens_[t - 1].span;
    quote.speaker = speaker;
    return;
  }
}

// The run of capitalised words nearest before token `colon`, within six tokens.
Span QuoteReader::name_before(std::size_t colon, std::size_t first) const {
  std::size_t end = colon;
  while (end > first && end + kColonReach >= colon &&
         !(is_word(tokens_[end - 1]) && is_capitalised(end - 1))) {
    --end;
  }
  std::size_t start = end;
  while (start > first &&
         (is_capitalised(start - 1) || doc_.text(tokens_[start - 1].span) == ".")) {
    --start;
  }
  while (start < end && (!is_word(tokens_[start]) || in(start, kStopword))) {
    ++start;  // "As Dr. Lindqvist": the sentence's first word is no part of the name
  }
  return start < end ? Span{tokens_[start].span.begin, tokens_[end - 1].span.end} : Span{};
}

// A speaker phrase right after a preposition is no subject: "Am Montag", "Bei der Feier".
bool QuoteReader::after_preposition(Span speaker, std::size_t first) const {
  const std::size_t t = first_token_at_or_after(speaker.begin, first, tokens_.size());
  if (t == first || !is_word(tokens_[t - 1])) return false;
  return in(t - 1, kStopword) && !in(t - 1, kDeterminer) && !in(t - 1, kAuxiliary) &&
         !is_pronoun(t - 1);
}

// Who a sentence is about: its opening noun phrase when a verb follows ("Inspector Carla Moss
// spoke", "The airline apologised", "Der Trainer fand"); in Japanese the first phrase marked
// by は or が; in Chinese a leading name, a run of single-character words after at most a
// title ("警长郑海峰带队"). Empty when the sentence opens otherwise ("In 2019, ...").
Span QuoteReader::sentence_subject(std::uint32_t sentence) const {
  const auto [first, last] = token_range(sentence);
  return subject_at(first, last);
}

// The subject of the clause that `verb` ends, when the words right before the verb name none
// ("The inspector looked at the wiring and said", "When it ended, Senator Dubois stood and
// declared"): the clause starts after the last comma or colon.
Span QuoteReader::clause_subject(std::size_t verb, std::size_t first) const {
  std::size_t start = verb;
  while (start > first && verb - start < kReachTokens && !is_comma(start - 1) &&
         doc_.text(tokens_[start - 1].span) != ":") {
    --start;
  }
  const Span subject = subject_at(start, verb);
  return subject.end <= tokens_[verb].span.begin ? subject : Span{};
}

Span QuoteReader::subject_at(std::size_t first, std::size_t last) const {
  if (first == last || !is_word(tokens_[first])) return {};
  std::size_t start = first;
  std::size_t end = first;
  if (!resources_.speaker_particles.empty()) {
    std::size_t particle = first;
    while (particle < last && is_word(tokens_[particle]) && !in(particle, kSpeakerParticle)) {
      ++particle;
    }
    if (particle == last || particle == first) return {};
    // "工場長の河合恵氏は", "追悼式でロウ神父は": the phrase after the last stop.
    for (end = first; end < particle; ++end) {
      if (in(end, kSpeakerStop)) start = end + 1;
    }
    if (start == end) return {};
  } else if (resources_.subject_first) {
    std::size_t run = first;
    while (run < last && run < first + kTitleTokens && !single_character(run)) ++run;
    end = run;
    while (end < last && end < run + kNameCharacters && single_character(end)) ++end;
    if (end - run < 2) return {};
  } else {
    const bool determiner = in(first, kDeterminer);
    const auto capital_word = [&](std::size_t k) {
      return k < last && is_word(tokens_[k]) && is_capitalised(k) && !in(k, kStopword);
    };
    const auto title_stop = [&](std::size_t k) {  // "Mr. Trump": a title's full stop
      return k > first && k < last && doc_.text(tokens_[k].span) == "." && is_capitalised(k - 1) &&
             capital_word(k + 1);
    };
    if (is_pronoun(first) || is_unresolved_pronoun(first)) {
      end = first + 1;
    } else if (determiner || !in(first, kStopword) || title_stop(first + 1)) {
      end = first + 1;
      if (determiner && end < last && is_word(tokens_[end])) ++end;
      // A name may hold one lower-case word between capitals ("Secretary of State Kerry").
      while (end < last && (capital_word(end) || title_stop(end) ||
                            (is_word(tokens_[end]) && in(end, kStopword) && !is_capitalised(end) &&
                             capital_word(end + 1)))) {
        ++end;
      }
    }
    // An appositive may stand before the verb: "Andrés Molina, entrenador del club, compareció".
    std::size_t verb = end;
    if (end > first && end < last && is_comma(end)) {
      std::size_t k = end + 1;
      while (k < last && k < end + kAppositiveTokens && !is_comma(k)) ++k;
      if (k + 1 < last && is_comma(k)) verb = k + 1;
    }
    // A verb must follow, in lower case: "Residents, angry" or "Yesterday the" is no subject.
    if (end == first || verb >= last || !is_word(tokens_[verb]) || is_capitalised(verb)) return {};
    if (!determiner && !is_pronoun(first) && !is_unresolved_pronoun(first) &&
        !is_capitalised(first)) {
      return {};
    }
  }
  return {tokens_[start].span.begin, tokens_[end - 1].span.end};
}

// A pronoun stands for the last named speaker, or the last capitalised name in the two
// sentences before.
void QuoteReader::resolve(Quote& quote) {
  if (quote.speaker.empty()) return;
  if (is_pronoun(quote.speaker)) {
    // A name in the quote's own words is not who "he" is.
    const std::uint32_t before =
        std::min({quote.speaker.begin, quote.span.begin,
                  quote.marks.empty() ? quote.span.begin : quote.marks.begin});
    if (last_named_key_.empty()) find_recent_name(quote.sentence, before);
    quote.speaker_key = last_named_key_;
    return;
  }
  // "It recommended ...": the speaker of the sentence before ("The city's climate report
  // warned ... It recommended ..."), or what that sentence is about. "I", "we": the writer's
  // own voice, or (the caller sees to it) the speaker of the quote they are in.
  if (const std::size_t t = token_of(quote.speaker);
      t < tokens_.size() && is_unresolved_pronoun(t)) {
    quote.speaker_key = key(t);
    if (!in(t, kNeuterPronoun) || quote.sentence == kNoSentence || quote.sentence == 0) return;
    if (last_speaker_ && last_speaker_sentence_ + 1 == quote.sentence) {
      quote.speaker_key = last_speaker_key_;
    } else if (const Span subject = sentence_subject(quote.sentence - 1); !subject.empty()) {
      quote.speaker_key = surname(subject);
    }
    return;
  }
  quote.speaker_key = surname(quote.speaker);
}

void QuoteReader::find_recent_name(std::uint32_t sentence, std::uint32_t before) {
  if (sentence == kNoSentence) return;
  const std::uint32_t from = sentence >= 2 ? sentence - 2 : 0;
  for (std::uint32_t s = sentence + 1; s > from; --s) {
    const auto [first, last] = token_range(s - 1);
    for (std::size_t t = last; t > first + 1; --t) {
      if (tokens_[t - 1].span.end <= before && is_word(tokens_[t - 1]) && is_capitalised(t - 1) &&
          is_capitalised(t - 2) && is_word(tokens_[t - 2])) {
        last_named_key_ = key(t - 1);
        return;
      }
    }
  }
}

// The last capitalised word of a speaker phrase ("Prime Minister Fumio Kishida" -> "kishida"),
// or the whole phrase folded when it has none ("the two sides").
std::string QuoteReader::surname(Span speaker) const {
  // The document's own tokens of the phrase, whose keys are already made.
  const std::size_t first = first_token_at_or_after(speaker.begin, 0, tokens_.size());
  std::size_t last = first;
  while (last < tokens_.size() && tokens_[last].span.end <= speaker.end) ++last;
  for (std::size_t t = last; t > first; --t) {
    if (is_word(tokens_[t - 1]) && is_capitalised(t - 1) && !in(t - 1, kStopword)) {
      return key(t - 1);  // "The minister": no name
    }
  }
  if (last == first + 1 && tokens_[first].span == speaker) return key(first);
  return tokenizer_.key(doc_.text(speaker));
}

void QuoteReader::remember(const Quote& quote) {
  last_speaker_ = quote.speaker;
  last_speaker_key_ = quote.speaker_key;
  last_speaker_sentence_ = quote.sentence;
  if (!is_pronoun(quote.speaker) && !quote.speaker_key.empty()) last_named_key_ = quote.speaker_key;
}

}  // namespace presslens::detail
