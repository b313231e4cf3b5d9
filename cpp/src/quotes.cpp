#include "presslens/quotes.hpp"

#include <algorithm>
#include <optional>

#include "detail/sentence_chars.hpp"
#include "detail/sentence_lexicon.hpp"
#include "presslens/document.hpp"

namespace presslens {

namespace detail {

// The language's speech verbs, title cues and stopwords, and its quotation-mark conventions.
class QuoteResources {
 public:
  explicit QuoteResources(const LanguagePack& language)
      : speech_verbs(language.list("speech_verbs").begin(), language.list("speech_verbs").end()),
        auxiliaries(language.list("speech_auxiliaries").begin(),
                    language.list("speech_auxiliaries").end()),
        determiners(language.list("determiners").begin(), language.list("determiners").end()),
        speaker_particles(language.list("speaker_particles").begin(),
                          language.list("speaker_particles").end()),
        speaker_stops(language.list("speaker_stops").begin(), language.list("speaker_stops").end()),
        subject_first(language.language() == "ja" || language.language() == "zh"),
        title_cues(language.list("title_cues").begin(), language.list("title_cues").end()),
        coordinators(language.list("coordinators").begin(), language.list("coordinators").end()),
        noun_markers(language.list("noun_markers").begin(), language.list("noun_markers").end()),
        bylines(language.list("byline_prefixes").begin(), language.list("byline_prefixes").end()),
        participles(language.list("speech_participles").begin(),
                    language.list("speech_participles").end()),
        naming_verbs(language.list("naming_verbs").begin(), language.list("naming_verbs").end()),
        fragment_particles(language.list("fragment_particles").begin(),
                           language.list("fragment_particles").end()),
        quotatives(language.list("quote_continuations").begin(),
                   language.list("quote_continuations").end()),
        stopwords(language.list("stopwords").begin(), language.list("stopwords").end()),
        german_marks(language.language() == "de") {
    const auto& options = language.list("quote_options");
    title_case_titles =
        std::find(options.begin(), options.end(), "title-case-titles") != options.end();
    compound_title_cues =
        std::find(options.begin(), options.end(), "compound-title-cues") != options.end();
    for (const auto& cue : language.list("according_cues")) {
      std::vector<std::string> words;
      for (std::size_t from = 0; from < cue.size();) {
        const std::size_t space = std::min(cue.find(' ', from), cue.size());
        words.push_back(cue.substr(from, space - from));
        from = space + 1;
      }
      if (words.size() <= 2) according_cues.push_back(std::move(words));
    }
    source_markers = language.list("source_markers");
    for (const auto& verb : language.list("speech_verbs")) {
      if (static_cast<unsigned char>(verb[0]) >= 0xE2) cjk_speech_verbs.push_back(verb);
    }
  }

  StringSet speech_verbs;
  StringSet auxiliaries;        // may stand between a speaker and the verb: "he has said"
  StringSet determiners;        // may start a speaker phrase: "the", "le", "der"
  StringSet speaker_particles;  // Japanese: mark the speaker ("大野さんは語った")
  StringSet speaker_stops;      // Chinese, Japanese: end a speaker phrase ("の", "对")
  bool subject_first;           // Chinese, Japanese: no capitals, the speaker heads its clause
  StringSet title_cues;
  StringSet coordinators;  // "and": before a speech verb, end a reported clause
  StringSet noun_markers;  // "the", "his": make the speech verb after them a noun
  StringSet bylines;       // "by": after a quote, make it the title of a piece
  StringSet participles;   // "saying", "adding": speak for the subject of their clause
  StringSet naming_verbs;  // "called": attribute only a quote after them
  std::vector<std::vector<std::string>> according_cues;  // one or two words: "according to"
  StringSet fragment_particles;  // Japanese: before a quote, make it part of the writer's clause
  StringSet quotatives;          // Japanese: after a quote, report it ("」と述べた")
  StringSet stopwords;
  bool german_marks;               // „…“ ‚…‘ »…«: “ ‘ « close rather than open
  bool title_case_titles = false;  // English: "Meet the Press" is a title
  bool compound_title_cues = false;           // German: "Jahresbericht" ends in the cue "bericht"
  std::vector<std::string> cjk_speech_verbs;  // matched as text prefixes
  std::vector<std::string> source_markers;    // Japanese: "Xによると": X is the source
};

}  // namespace detail

namespace {

// Quotation marks come in families; a closing mark only closes an opening mark of its family.
enum class Family : std::uint8_t {
  kDouble,
  kSingle,
  kGuillemet,
  kSingleGuillemet,
  kCorner,
  kWhiteCorner
};
enum class Role : std::uint8_t { kOpen, kClose, kEither };

struct Mark {
  std::uint32_t at;
  std::uint32_t size;
  Family family;
  Role role;
};

// Which quotation mark (if any) stands at `i`, and whether it opens or closes.
std::optional<Mark> mark_at(std::string_view text, Span paragraph, std::uint32_t i, bool german) {
  const detail::CodePoint c = detail::code_point_at(text, i);
  const UChar32 before = i > paragraph.begin ? detail::code_point_before(text, i).value : ' ';
  const UChar32 after =
      i + c.size < paragraph.end ? detail::code_point_at(text, i + c.size).value : ' ';
  const bool letter_before = u_isalnum(before);
  const bool letter_after = u_isalnum(after);
  const bool space_before = u_isUWhiteSpace(before) || before == '(' || before == '[' ||
                            before == 0x2014 || before == 0x2013 || i == paragraph.begin;
  const bool space_after =
      u_isUWhiteSpace(after) || u_ispunct(after) || i + c.size >= paragraph.end;
  const auto either = [&](Family family) -> Mark {
    const Role role = space_before && !space_after   ? Role::kOpen
                      : !space_before && space_after ? Role::kClose
                                                     : Role::kEither;
    return {i, c.size, family, role};
  };
  // Two apostrophes (or two backticks) make a double quote in some newsrooms' plain text.
  if ((c.value == '\'' || c.value == '`') && i + 1 < paragraph.end && text[i + 1] == text[i]) {
    const UChar32 next = i + 2 < paragraph.end ? detail::code_point_at(text, i + 2).value : ' ';
    const bool opens = c.value == '`' || (space_before && !u_isUWhiteSpace(next));
    return Mark{i, 2, Family::kDouble, opens ? Role::kOpen : Role::kClose};
  }
  switch (c.value) {
    case '"':
      return either(Family::kDouble);
    case 0x201C:  // “
      return Mark{i, c.size, Family::kDouble, german ? Role::kClose : Role::kOpen};
    case 0x201D:  // ”
      return Mark{i, c.size, Family::kDouble, Role::kClose};
    case 0x201E:  // „
      return Mark{i, c.size, Family::kDouble, Role::kOpen};
    case 0x201A:  // ‚
      return Mark{i, c.size, Family::kSingle, Role::kOpen};
    case 0x2018:  // ‘
      return Mark{i, c.size, Family::kSingle, german ? Role::kClose : Role::kOpen};
    case '\'':
    case 0x2019: {  // ’ is an apostrophe inside words ("don't") and before digits ('90s)
      if (letter_before && letter_after) return std::nullopt;
      if (!letter_before && u_isdigit(after)) return std::nullopt;
      if (c.value == 0x2019) return Mark{i, c.size, Family::kSingle, Role::kClose};
      return either(Family::kSingle);
    }
    case 0xAB:  // «
      return Mark{i, c.size, Family::kGuillemet, german ? Role::kClose : Role::kOpen};
    case 0xBB:  // »
      return Mark{i, c.size, Family::kGuillemet, german ? Role::kOpen : Role::kClose};
    case 0x2039:  // ‹
      return Mark{i, c.size, Family::kSingleGuillemet, german ? Role::kClose : Role::kOpen};
    case 0x203A:  // ›
      return Mark{i, c.size, Family::kSingleGuillemet, german ? Role::kOpen : Role::kClose};
    case 0x300C:
      return Mark{i, c.size, Family::kCorner, Role::kOpen};
    case 0x300D:
      return Mark{i, c.size, Family::kCorner, Role::kClose};
    case 0x300E:
      return Mark{i, c.size, Family::kWhiteCorner, Role::kOpen};
    case 0x300F:
      return Mark{i, c.size, Family::kWhiteCorner, Role::kClose};
    default:
      return std::nullopt;
  }
}

// A pair of marks: the opening one and the closing one.
struct Pair {
  Mark open;
  Mark close;
};

// How deep quotes may nest, and how many paragraphs one quote may run on for.
constexpr std::size_t kMaxDepth = 4;
constexpr std::size_t kMaxParagraphs = 12;
// How long an appositive between a speaker and its verb may be ("Marek Kowalczyk, a lasher who
// has worked at the port for 31 years, said").
constexpr std::size_t kAppositiveTokens = 16;
// How many tokens around a quote its attribution is looked for in.
constexpr std::size_t kReachTokens = 40;
// How short a sentence that attributes the quote before it must be, and how near its end the
// speech verb ("周立文说。", "Smith said on Monday.").
constexpr std::size_t kNextSentenceTokens = 20;
constexpr std::size_t kVerbFromSentenceEnd = 4;
// A Chinese name opening a sentence: up to two words of title, then two or three characters
// the dictionary does not know, each a token of its own.
constexpr std::size_t kTitleTokens = 2;
constexpr std::size_t kNameCharacters = 3;
// How many words a quoted title in title case may have ("The Lead with Jake Tapper").
constexpr std::uint32_t kTitleWords = 8;
// How many words a quoted fragment needs to speak for its clause's subject without a listed
// verb: shorter ones are mostly scare quotes.
constexpr std::uint32_t kUnlistedVerbWords = 3;
// How far before a colon the name that speaks may end ("As Dr. Lindqvist put it:").
constexpr std::size_t kColonReach = 5;
// Reported clauses per sentence (a sentence of a thousand "said" is not a thousand reports).
constexpr std::size_t kMaxReportsPerSentence = 8;

// Pairs marks paragraph by paragraph with a small stack. A quote left open at a paragraph's end
// continues only when the next paragraph opens with a mark of its family (the multi-paragraph
// convention); otherwise its mark is reported unpaired.
class MarkPairer {
 public:
  MarkPairer(std::string_view text, bool german) : text_(text), german_(german) {}

  void paragraph(Span span, std::vector<Pair>& pairs, std::vector<std::uint32_t>& unpaired) {
    std::optional<Mark> reopening;
    if (carried_ && span.begin < span.end) {
      const auto first = mark_at(text_, span, span.begin, german_);
      if (first && first->family == carried_->family && first->role != Role::kClose &&
          ++carried_paragraphs_ <= kMaxParagraphs) {
        reopening = first;
      } else {
        unpaired.push_back(carried_->at);
        carried_.reset();
      }
    }
    std::vector<Mark> stack;
    if (carried_) stack.push_back(*carried_);
    for (std::uint32_t i = reopening ? reopening->at + reopening->size : span.begin;
         i < span.end;) {
      const auto byte = static_cast<unsigned char>(text_[i]);
      if (byte != '"' && byte != '\'' && byte != '`' &&
          byte < 0xC2) {  // not a mark: the common case
        ++i;
        continue;
      }
      const auto mark = mark_at(text_, span, i, german_);
      const std::uint32_t size = mark ? mark->size : detail::code_point_at(text_, i).size;
      if (mark) take(*mark, stack, pairs, unpaired);
      i += size;
    }
    carried_.reset();
    // The outermost quote still open may go on in the next paragraph; the rest are unpaired.
    for (std::size_t k = 0; k < stack.size(); ++k) {
      if (k == 0) {
        carried_ = stack[0];
        if (!reopening) carried_paragraphs_ = 0;
      } else {
        unpaired.push_back(stack[k].at);
      }
    }
  }

  void finish(std::vector<std::uint32_t>& unpaired) {
    if (carried_) unpaired.push_back(carried_->at);
    carried_.reset();
  }

 private:
  void take(const Mark& mark, std::vector<Mark>& stack, std::vector<Pair>& pairs,
            std::vector<std::uint32_t>& unpaired) {
    const auto open_index = [&]() -> std::optional<std::size_t> {
      for (std::size_t k = stack.size(); k > 0; --k) {
        if (stack[k - 1].family == mark.family) return k - 1;
      }
      return std::nullopt;
    };
    if (mark.role != Role::kOpen) {
      if (const auto k = open_index(); k && (mark.role == Role::kClose || *k + 1 == stack.size())) {
        for (std::size_t j = *k + 1; j < stack.size(); ++j) unpaired.push_back(stack[j].at);
        pairs.push_back({stack[*k], mark});
        stack.resize(*k);
        return;
      }
      if (mark.role == Role::kClose) {
        // A lone closing single mark is an apostrophe ("students' votes"), not a quote.
        if (mark.family != Family::kSingle) unpaired.push_back(mark.at);
        return;
      }
    }
    if (stack.size() >= kMaxDepth) {
      unpaired.push_back(stack.front().at);
      stack.erase(stack.begin());
    }
    stack.push_back(mark);
  }

  std::string_view text_;
  bool german_;
  std::optional<Mark> carried_;
  std::size_t carried_paragraphs_ = 0;
};

bool is_word(const Token& token) {
  return token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber;
}

// Reads the attribution and the kind of each quote from the tokens around it.
class QuoteReader {
 public:
  QuoteReader(const Document& document, const Tokenizer& tokenizer,
              const detail::QuoteResources& resources)
      : doc_(document), tokenizer_(tokenizer), resources_(resources), tokens_(document.tokens()) {
    sentence_first_token_.assign(document.sentences().size() + 1, tokens_.size());
    for (std::size_t t = tokens_.size(); t > 0; --t) {
      const auto s = tokens_[t - 1].sentence;
      if (s != kNoSentence) sentence_first_token_[s] = t - 1;
    }
    for (std::size_t s = document.sentences().size(); s > 0; --s) {
      sentence_first_token_[s - 1] =
          std::min(sentence_first_token_[s - 1], sentence_first_token_[s]);
    }
  }

  // `within`: the words of the quote this one is nested in, where its attribution must lie
  // ("“The inspector said, ‘...’”": the inspector, not the outer quote's speaker).
  Quote marked(const Pair& pair, std::optional<Span> within) {
    Quote quote;
    quote.marks = {pair.open.at, pair.close.at + pair.close.size};
    quote.span = detail::trim_space(doc_.text(), {pair.open.at + pair.open.size, pair.close.at});
    quote.sentence = sentence_of(pair.open.at);
    attribute(quote, within);
    classify(quote);
    if (!quote.speaker.empty()) remember(quote);
    return quote;
  }

  // Reported speech in a sentence: "X said (that) CLAUSE", "CLAUSE, X said", "CLAUSE, said X",
  // "according to X, CLAUSE" and "CLAUSE, according to X". A clause that a direct quote of the
  // sentence already covers is not reported twice.
  void reported(std::uint32_t sentence, const std::vector<Quote>& marked,
                std::vector<Quote>& quotes) {
    const auto [first, last] = token_range(sentence);
    const Span whole = doc_.sentences()[sentence].span;
    std::size_t from = first;
    const std::size_t reports_before = quotes.size();
    for (std::size_t t = first; t < last && quotes.size() - reports_before < kMaxReportsPerSentence;
         ++t) {
      if (!is_speech_verb(t) || t < from) continue;
      // The verb that attributes a direct quote reports nothing more; one that attributes a
      // partial quote also reports the clause around it.
      const bool attributes_a_quote =
          std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
            return q.kind == QuoteKind::kDirect && q.cue.begin <= tokens_[t].span.begin &&
                   tokens_[t].span.end <= q.cue.end;
          });
      // A verb that named a title ("a newsletter called the "Ferry Times"") reports nothing.
      const bool names_a_title = std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
        return q.kind == QuoteKind::kTitle && q.kind_cue == tokens_[t].span;
      });
      if (attributes_a_quote || names_a_title) continue;
      Quote quote;
      bool parenthetical = false;
      quote.kind = QuoteKind::kIndirect;
      quote.sentence = sentence;
      quote.cue = tokens_[t].span;
      if (const std::size_t length = according_length(t); length > 0) {
        quote.cue = {tokens_[t].span.begin, tokens_[t + length - 1].span.end};
        const std::size_t speaker_end = speaker_after(t + length, last, quote.speaker);
        if (quote.speaker.empty()) continue;
        std::size_t content = speaker_end;
        while (content < last && !is_word(tokens_[content])) ++content;
        if (t == first && content >= last) continue;
        quote.span = t == first ? Span{tokens_[content].span.begin, clause_end(content, last)}
                                : Span{whole.begin, tokens_[t].span.begin};
      } else if (resources_.subject_first) {
        quote.span = subject_first_report(t, first, last, quote);
        if (quote.span.empty()) continue;
      } else if (const std::size_t comma =
                     is_participle(t)
                         ? last
                         : inverted_report(t, first, last, quote.speaker, parenthetical);
                 comma != last) {
        quote.span = {whole.begin, parenthetical ? whole.end : tokens_[comma].span.begin};
      } else {
        if (is_participle(t)) quote.speaker = participle_speaker(t, sentence);
        if (quote.speaker.empty()) speaker_before(t, first, quote.speaker);
        if (quote.speaker.empty()) quote.speaker = clause_subject(t, first);
        // "..., who said he typically votes Democratic": the relative pronoun speaks.
        std::size_t subject = t;
        while (subject > first && is_word(tokens_[subject - 1]) &&
               resources_.auxiliaries.contains(key(subject - 1))) {
          --subject;
        }
        if (quote.speaker.empty() && subject > first && is_relative(subject - 1)) {
          quote.speaker = tokens_[subject - 1].span;
        }
        if (quote.speaker.empty() || t + 1 >= last) continue;
        std::size_t content = t + 1;
        // German sets the clause off with a comma: "der Betreiber betont, die Anlage sei sicher".
        if (content + 1 < last && is_comma(content) && is_word(tokens_[content + 1])) ++content;
        // "said that ...", "told reporters that ...": the clause starts after "that"; without
        // it, "told the council the plan ..." skips its listener.
        for (std::size_t k = content; k < std::min(last, content + 6); ++k) {
          if (is_that(k)) {
            content = k + 1;
            break;
          }
        }
        if (content == t + 1 && is_telling(t)) {
          if (resources_.determiners.contains(key(content))) ++content;
          ++content;
        }
        if (content >= last || !is_word(tokens_[content])) continue;
        quote.span = {tokens_[content].span.begin, clause_end(content, last)};
      }
      quote.span = trim_end_punctuation(quote.span);
      if (quote.span.empty() || words_in(quote.span) < 3 || covered_by_direct(quote.span, marked)) {
        continue;
      }
      resolve(quote);
      remember(quote);
      from = t + 1;
      quotes.push_back(std::move(quote));
    }
  }

 private:
  // Reported speech in Chinese and Japanese, with the speaker at the head of the clause: the
  // words after the verb in Chinese ("谢俊杰表示，谈判进展顺利"); in Japanese the clause between
  // the speaker's particle and the quotative particle before the verb ("原田氏は、交渉は順調に
  // 進んだと述べた"). Empty when there is no speaker or no clause.
  Span subject_first_report(std::size_t verb, std::size_t first, std::size_t last,
                            Quote& quote) const {
    subject_speaker(verb, first, quote, quote.speaker);
    if (quote.speaker.empty()) return {};
    if (resources_.speaker_particles.empty()) {
      std::size_t content = verb + 1;
      while (content < last && !is_word(tokens_[content]) &&
             !mark_at(doc_.text(), doc_.sentences()[quote.sentence].span,
                      tokens_[content].span.begin, resources_.german_marks)) {
        ++content;
      }
      if (content >= last || !is_word(tokens_[content])) return {};
      return {tokens_[content].span.begin, doc_.sentences()[quote.sentence].span.end};
    }
    // "気象庁によると、台風は…見込みだ": the clause after the source marker.
    if (const std::size_t after = source_marker_end(verb); after != verb) {
      std::size_t content = after;
      while (content < last && !is_word(tokens_[content]) &&
             !mark_at(doc_.text(), doc_.sentences()[quote.sentence].span,
                      tokens_[content].span.begin, resources_.german_marks)) {
        ++content;
      }
      if (content >= last || !is_word(tokens_[content])) return {};
      return {tokens_[content].span.begin, tokens_[last - 1].span.end};
    }
    // The particle may be a token of its own or end one ("完成|すると"); right after a closing
    // mark it reports the marked quote, not a clause ("その案を「机上の空論」と切り捨てた").
    if (verb == first || !is_word(tokens_[verb - 1])) return {};
    const std::string& particle = key(verb - 1);
    const auto quotative =
        std::find_if(resources_.quotatives.begin(), resources_.quotatives.end(),
                     [&](const std::string& q) { return particle.ends_with(q); });
    if (quotative == resources_.quotatives.end()) return {};
    std::size_t content = first_token_at_or_after(quote.speaker.end, first, verb) + 1;
    while (content < verb && !is_word(tokens_[content])) ++content;
    const Span clause = {
        content < verb ? tokens_[content].span.begin : 0,
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
  std::size_t inverted_report(std::size_t verb, std::size_t first, std::size_t last, Span& speaker,
                              bool& parenthetical) const {
    std::size_t tail = verb + 1;
    Span after;
    const std::size_t after_end = speaker_after(tail, last, after);
    std::size_t rest = after.empty() ? tail : after_end;
    // "said he had waited", "said the school would close": a clause follows, not a speaker.
    if (rest < last && is_word(tokens_[rest]) && resources_.auxiliaries.contains(key(rest))) {
      return last;
    }
    std::size_t words_left = 0;
    for (std::size_t k = rest; k < last && words_left <= 4; ++k) words_left += is_word(tokens_[k]);
    const bool comma_after = rest + 1 < last && doc_.text(tokens_[rest].span) == ",";
    // ", said Ed Rendell, who chairs the committee.": a relative clause may follow the speaker.
    const bool relative_after = comma_after && !after.empty() && is_relative(rest + 1);
    parenthetical = comma_after && after.empty() && words_left > 0;
    // "on Thursday" may follow, a clause may not
    if (words_left > 4 && !relative_after && !parenthetical) return last;
    // ", said X" / ", X said"; auxiliaries may come first: ", a indiqué la préfecture".
    std::size_t head = verb;
    while (head > first && is_word(tokens_[head - 1]) &&
           resources_.auxiliaries.contains(key(head - 1))) {
      --head;
    }
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

  bool covered_by_direct(Span span, const std::vector<Quote>& marked) const {
    return std::any_of(marked.begin(), marked.end(), [&](const Quote& q) {
      const auto overlap =
          std::min(span.end, q.marks.end) > std::max(span.begin, q.marks.begin)
              ? std::min(span.end, q.marks.end) - std::max(span.begin, q.marks.begin)
              : 0u;
      return q.kind == QuoteKind::kDirect && overlap * 2 > span.size();
    });
  }

  std::uint32_t sentence_of(std::uint32_t at) const {
    const auto& sentences = doc_.sentences();
    const auto found =
        std::upper_bound(sentences.begin(), sentences.end(), at,
                         [](std::uint32_t a, const Sentence& s) { return a < s.span.begin; });
    if (found == sentences.begin()) return kNoSentence;
    return static_cast<std::uint32_t>(found - sentences.begin() - 1);
  }

  std::pair<std::size_t, std::size_t> token_range(std::uint32_t sentence) const {
    if (sentence == kNoSentence || sentence >= doc_.sentences().size()) return {0, 0};
    return {sentence_first_token_[sentence], sentence_first_token_[sentence + 1]};
  }

  const std::string& key(std::size_t t) const {
    static const std::string kNone;
    return t < tokens_.size() ? doc_.key(tokens_[t]) : kNone;
  }
  bool is_speech_verb(std::size_t t) const {
    if (!is_word(tokens_[t]) || !is_verb_form(t)) return false;
    // "his hopes", "the proposed rule", "her show": after a determiner, a noun or an adjective.
    return t == 0 || !is_word(tokens_[t - 1]) || !resources_.noun_markers.contains(key(t - 1));
  }
  bool is_verb_form(std::size_t t) const {
    const std::string& word = key(t);
    if (resources_.speech_verbs.contains(word)) return true;
    // "dit-elle", "a-t-il": a verb joined to its subject pronoun.
    if (const auto hyphen = word.find('-'); hyphen != std::string::npos) {
      return resources_.speech_verbs.contains(std::string_view(word).substr(0, hyphen));
    }
    // Dictionary scripts cut verbs into pieces ("述|べた"): match the text from here.
    const std::string_view rest = doc_.text().substr(tokens_[t].span.begin, 24);
    return std::any_of(resources_.cjk_speech_verbs.begin(), resources_.cjk_speech_verbs.end(),
                       [&](const std::string& verb) { return rest.starts_with(verb); });
  }
  bool is_that(std::size_t t) const {
    const std::string& word = key(t);
    return word == "that" || word == "que" || word == "dass";
  }
  bool is_telling(std::size_t t) const {
    const std::string& word = key(t);
    return word == "told" || word == "tell" || word == "tells" || word == "telling";
  }
  // How many tokens the "according to" cue at `t` spans ("according to", "selon", "d'après",
  // "laut", "según"), or 0.
  std::size_t according_length(std::size_t t) const {
    if (!is_word(tokens_[t])) return 0;
    for (const auto& cue : resources_.according_cues) {
      if (cue.size() == 1 && key(t) == cue[0]) return 1;
      if (cue.size() == 2 && key(t) == cue[0] && key(t + 1) == cue[1]) return 2;
    }
    return 0;
  }
  bool is_according(std::size_t t) const { return according_length(t) > 0; }
  bool is_capitalised(std::size_t t) const {
    return u_isupper(detail::code_point_at(doc_.text(), tokens_[t].span.begin).value);
  }
  bool is_relative(std::size_t t) const {
    static const detail::StringSet kRelatives = {"who",  "whom",  "which",   "whose", "qui",
                                                 "dont", "quien", "quienes", "cuyo",  "cuya"};
    return kRelatives.contains(key(t));
  }
  bool is_pronoun(Span speaker) const {
    return is_pronoun_word(tokenizer_.key(doc_.text(speaker)));
  }
  static bool is_pronoun_word(std::string_view word) {
    static const detail::StringSet kPronouns = {"he",    "she", "they", "il", "elle", "ils",
                                                "elles", "er",  "sie",  "él", "ella", "ellos"};
    return kPronouns.contains(word);
  }
  // "a-t-il", "dit-elle": a verb carrying its subject pronoun.
  bool carries_pronoun(std::size_t t) const {
    const std::string& word = key(t);
    const auto hyphen = word.rfind('-');
    return hyphen != std::string::npos &&
           is_pronoun_word(std::string_view(word).substr(hyphen + 1));
  }

  // Binary search: a sentence may hold thousands of quotes.
  std::size_t first_token_at_or_after(std::uint32_t at, std::size_t from, std::size_t to) const {
    const auto begin = tokens_.begin() + static_cast<std::ptrdiff_t>(from);
    const auto end = tokens_.begin() + static_cast<std::ptrdiff_t>(to);
    return static_cast<std::size_t>(
        std::lower_bound(begin, end, at,
                         [](const Token& t, std::uint32_t a) { return t.span.begin < a; }) -
        tokens_.begin());
  }

  // A speaker phrase starts with a capitalised word, a determiner or a pronoun.
  bool starts_noun_phrase(std::size_t t) const {
    if (!is_word(tokens_[t])) return false;
    if (is_capitalised(t) || is_pronoun(tokens_[t].span)) return true;
    if (resources_.determiners.contains(key(t))) return true;
    // An elided determiner: "l’adjoint au maire".
    const std::string_view text = doc_.text(tokens_[t].span);
    for (const std::string_view apostrophe : {"'", "’"}) {
      const auto at = text.find(apostrophe);
      if (at != std::string_view::npos && at > 0 && at <= 2 &&
          resources_.determiners.contains(tokenizer_.key(text.substr(0, at)) + "'")) {
        return true;
      }
    }
    return false;
  }

  // The noun phrase right after token `t` ("said Dr. Amara Lindqvist, who ..."): words and the
  // periods of abbreviations, up to a comma, a quote or a lower-case word that is not part of a
  // name ("the ministry's spokesman" keeps its determiner). Returns the token after it.
  std::size_t speaker_after(std::size_t t, std::size_t last, Span& speaker) const {
    std::size_t end = t;
    std::size_t words = 0;
    if (t >= last || !starts_noun_phrase(t)) return t;
    // A pronoun is the whole phrase: "said he had voted", "sagte er vor Journalisten".
    if (is_pronoun(tokens_[t].span)) {
      speaker = tokens_[t].span;
      return t + 1;
    }
    while (end < last && words < 8) {
      const Token& token = tokens_[end];
      if (is_word(token)) {
        if (!is_capitalised(end) && words > 0 && !resources_.stopwords.contains(key(end)) &&
            is_capitalised(end - 1)) {
          break;  // "said Reyes yesterday"
        }
        if (words > 0 && resources_.auxiliaries.contains(key(end))) break;  // "the school would"
        ++words;
      } else if (!(doc_.text(token.span) == "." && words > 0) && doc_.text(token.span) != "'") {
        break;
      }
      ++end;
    }
    while (end > t && !is_word(tokens_[end - 1])) --end;
    if (end > t) speaker = {tokens_[t].span.begin, tokens_[end - 1].span.end};
    return end;
  }

  // The noun phrase ending right before token `verb` ("Deputy Mayor Tomas Reyes told", "the two
  // sides agreed", "Hugh Hill, a doctor, said"), from the last determiner or the first of a run
  // of capitalised words, never before `first`.
  void speaker_before(std::size_t verb, std::size_t first, Span& speaker) const {
    std::size_t end = verb;
    // Auxiliaries and adverbs between the speaker and the verb: "he has also said".
    while (end > first && is_word(tokens_[end - 1]) &&
           resources_.auxiliaries.contains(key(end - 1)))
      --end;
    // An appositive between commas: "Hugh Hill, a doctor, said"; when nothing names the speaker
    // before it ("One of them, a teacher, said"), the appositive does.
    // An age may come first: "Tomasz Wren, 54, a lorry driver, said".
    Span appositive;
    if (end > first && doc_.text(tokens_[end - 1].span) == ",") {
      std::size_t before_comma = end - 1;
      for (int appositives = 0; appositives < 2; ++appositives) {
        std::size_t k = before_comma;
        while (k > first && k + kAppositiveTokens > before_comma &&
               doc_.text(tokens_[k - 1].span) != ",") {
          --k;
        }
        if (k == first || k == before_comma || doc_.text(tokens_[k - 1].span) != ",") break;
        if (appositives > 0 && starts_noun_phrase(k)) break;  // a name, not an age
        if (appositive.empty()) {
          appositive = {tokens_[k].span.begin, tokens_[before_comma - 1].span.end};
        }
        end = before_comma = k - 1;
      }
    }
    std::size_t start = end;
    std::size_t words = 0;
    while (start > first && words < 6) {
      const Token& token = tokens_[start - 1];
      if (!is_word(token) && doc_.text(token.span) != ".") break;
      if (is_word(token)) {
        const std::string& word = key(start - 1);
        const bool determiner = resources_.determiners.contains(word);
        if (resources_.stopwords.contains(word) && !determiner && !is_pronoun(token.span) &&
            word != "of" && word != "for") {
          break;
        }
        ++words;
        if (determiner) {
          --start;
          break;
        }
      }
      --start;
    }
    while (start < end && !is_word(tokens_[start])) ++start;
    if (start < end) {
      speaker = {tokens_[start].span.begin, tokens_[end - 1].span.end};
    } else if (!appositive.empty() &&
               starts_noun_phrase(first_token_at_or_after(appositive.begin, first, verb))) {
      speaker = appositive;
    }
  }

  // Chinese and Japanese have no capitals to find a name by. Japanese marks the speaker with a
  // particle ("医師の大野綾子さんは語った": the words before "は", back to "の"); Chinese puts it
  // at the head of the verb's clause ("市长王海对记者说": up to "对"). Words inside the quote
  // never speak.
  void subject_speaker(std::size_t verb, std::size_t first, const Quote& quote,
                       Span& speaker) const {
    const auto quoted = [&](std::size_t t) {
      return quote.marks.begin <= tokens_[t].span.begin && tokens_[t].span.end <= quote.marks.end;
    };
    const auto stops = [&](std::size_t t) {
      return !is_word(tokens_[t]) || quoted(t) || resources_.speaker_stops.contains(key(t));
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
      while (start > first && is_word(tokens_[start - 1]) && !quoted(start - 1)) --start;
      // "据项目负责人马德华介绍": a clause may open with a word that is no part of its speaker.
      while (start < head && resources_.speaker_stops.contains(key(start))) ++start;
      end = start;
      while (end < head && !stops(end)) ++end;
      // "农田被淹的农民罗志刚说": a clause ending in "的" describes the speaker after it.
      if (end < head && key(end) == "的") {
        std::size_t last_de = end;
        for (std::size_t k = end + 1; k < head && !quoted(k); ++k) {
          if (key(k) == "的") {
            last_de = k;
          } else if (stops(k)) {
            last_de = head;
            break;
          }
        }
        if (last_de < head) {
          start = last_de + 1;
          end = head;
        }
      }
    }
    if (start < end) speaker = {tokens_[start].span.begin, tokens_[end - 1].span.end};
  }

  // The Japanese particle that marks the verb's speaker, or `verb` if none: the nearest は or が
  // before the verb outside the quote that follows no case particle ("ジュニアには" marks no
  // speaker), or an earlier one set off by a comma, the sentence's topic ("彼女は、新コースは…").
  template <typename Quoted>
  std::size_t speaker_particle(std::size_t verb, std::size_t first, const Quoted& quoted) const {
    const auto marks_speaker = [&](std::size_t t) {
      if (quoted(t) || !resources_.speaker_particles.contains(key(t))) return false;
      return t == first || !resources_.speaker_stops.contains(key(t - 1)) ||
             resources_.speaker_particles.contains(key(t - 1));
    };
    std::size_t found = verb;
    for (std::size_t t = verb; t > first; --t) {
      if (!marks_speaker(t - 1)) continue;
      if (found == verb) {
        found = t - 1;
      } else if (t < tokens_.size() && is_comma(t)) {
        return t - 1;
      }
    }
    return found;
  }

  // Where a reported clause starting at token `content` ends: before "and" with a speech verb,
  // which reports again ("said the talks failed and said that ..."), else at the sentence's end.
  // (Dashes and "but" do not end it: news annotators keep what follows in the clause.)
  std::uint32_t clause_end(std::size_t content, std::size_t last) const {
    for (std::size_t t = content + 1; t + 1 < last; ++t) {
      if (is_word(tokens_[t]) && resources_.coordinators.contains(key(t)) &&
          is_speech_verb(t + 1)) {
        return tokens_[t].span.begin;
      }
    }
    return tokens_[last - 1].span.end;
  }

  bool is_title_cue(std::size_t t) const {
    const std::string& word = key(t);
    if (resources_.title_cues.contains(word)) return true;
    return resources_.compound_title_cues &&
           std::any_of(resources_.title_cues.begin(), resources_.title_cues.end(),
                       [&](const std::string& cue) { return word.ends_with(cue); });
  }

  bool is_participle(std::size_t t) const {
    return is_word(tokens_[t]) && resources_.participles.contains(key(t));
  }

  // "Clinton posted a comment of her own, saying ...", "“...,” Anderson said, adding that ...":
  // a participle speaks for its clause's subject, the speaker already named in the sentence or
  // the noun phrase that opens it.
  Span participle_speaker(std::size_t verb, std::uint32_t sentence) const {
    const std::uint32_t at = tokens_[verb].span.begin;
    if (last_speaker_ && last_speaker_sentence_ == sentence && last_speaker_->end <= at) {
      return *last_speaker_;
    }
    const Span subject = sentence_subject(sentence);
    return subject.end <= at ? subject : Span{};
  }

  // The token after the source marker ("によると") that starts at token `t`, or `t` if none.
  std::size_t source_marker_end(std::size_t t) const {
    const std::string_view rest = doc_.text().substr(tokens_[t].span.begin);
    for (const auto& marker : resources_.source_markers) {
      if (!rest.starts_with(marker)) continue;
      return first_token_at_or_after(
          tokens_[t].span.begin + static_cast<std::uint32_t>(marker.size()), t, tokens_.size());
    }
    return t;
  }

  static bool closes_quote(UChar32 c) {
    const auto type = u_charType(c);
    return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION;
  }

  bool is_comma(std::size_t t) const {
    const std::string_view text = doc_.text(tokens_[t].span);
    return text == "," || text == "，" || text == "、";
  }
  // `close` is ')' for a closing parenthesis (ASCII or full width), '(' for an opening one.
  bool is_parenthesis(std::size_t t, char close) const {
    const std::string_view text = doc_.text(tokens_[t].span);
    return close == ')' ? text == ")" || text == "）" : text == "(" || text == "（";
  }
  // The token of the parenthesis that the closing one at `t` closes (`t` itself if none near).
  std::size_t opening_parenthesis(std::size_t t, std::size_t first) const {
    for (std::size_t k = t; k > first && t - k < kAppositiveTokens * 2; --k) {
      if (is_parenthesis(k - 1, '(')) return k - 1;
    }
    return t;
  }

  // Finds the cue and the speaker in the quote's sentence: after the closing mark ("..., said X",
  // "..., X said", "... as X agreed"), then before the opening mark ("X said: ...", "X told the
  // council ..."), then "according to X"; failing those, a quote that opens its sentence
  // continues the last speaker of the two sentences before.
  void attribute(Quote& quote, std::optional<Span> within) {
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
      // A naming verb ("called", "dubbed") names what follows it, never a quote before it.
      if (!is_speech_verb(t) || is_according(t) || resources_.naming_verbs.contains(key(t))) {
        continue;
      }
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
      while (subject < t &&
             (!is_word(tokens_[subject]) ||
              (resources_.stopwords.contains(key(subject)) && !starts_noun_phrase(subject)))) {
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
        quote.cue = tokens_[t - 1].span;
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
          if (!inverted.empty() && !is_telling(t - 1) &&
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
        const std::size_t length = according_length(t);
        if (length == 0) continue;
        quote.cue = {tokens_[t].span.begin, tokens_[t + length - 1].span.end};
        speaker_after(t + length, last, quote.speaker);
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
    if (quote.cue.empty() && !within &&
        std::none_of(tokens_.begin() + static_cast<std::ptrdiff_t>(close),
                     tokens_.begin() + static_cast<std::ptrdiff_t>(close_last), is_word)) {
      attribute_from_next(quote, closing_sentence);
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
  // must end that sentence, so "She said the talks failed." introduces a report instead.
  void attribute_from_next(Quote& quote, std::uint32_t closing_sentence) {
    const std::uint32_t next = closing_sentence + 1;
    if (closing_sentence == kNoSentence || next >= doc_.sentences().size()) return;
    const auto [first, last] = token_range(next);
    if (first == last || last - first > kNextSentenceTokens) return;
    std::size_t words_after = 0;
    for (std::size_t t = last; t > first; --t) {
      const Token& token = tokens_[t - 1];
      if (mark_at(doc_.text(), doc_.sentences()[next].span, token.span.begin,
                  resources_.german_marks)) {
        return;  // the next sentence has a quote of its own
      }
      if (!is_word(token)) continue;
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
  Span name_before(std::size_t colon, std::size_t first) const {
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
    while (start < end && (!is_word(tokens_[start]) || resources_.stopwords.contains(key(start)))) {
      ++start;  // "As Dr. Lindqvist": the sentence's first word is no part of the name
    }
    return start < end ? Span{tokens_[start].span.begin, tokens_[end - 1].span.end} : Span{};
  }

  // A speaker phrase right after a preposition is no subject: "Am Montag", "Bei der Feier".
  bool after_preposition(Span speaker, std::size_t first) const {
    const std::size_t t = first_token_at_or_after(speaker.begin, first, tokens_.size());
    if (t == first || !is_word(tokens_[t - 1])) return false;
    const std::string& word = key(t - 1);
    return resources_.stopwords.contains(word) && !resources_.determiners.contains(word) &&
           !resources_.auxiliaries.contains(word) && !is_pronoun(tokens_[t - 1].span);
  }

  // Who a sentence is about: its opening noun phrase when a verb follows ("Inspector Carla Moss
  // spoke", "The airline apologised", "Der Trainer fand"); in Japanese the first phrase marked
  // by は or が; in Chinese a leading name, a run of single-character words after at most a
  // title ("警长郑海峰带队"). Empty when the sentence opens otherwise ("In 2019, ...").
  Span sentence_subject(std::uint32_t sentence) const {
    const auto [first, last] = token_range(sentence);
    return subject_at(first, last);
  }

  // The subject of the clause that `verb` ends, when the words right before the verb name none
  // ("The inspector looked at the wiring and said", "When it ended, Senator Dubois stood and
  // declared"): the clause starts after the last comma or colon.
  Span clause_subject(std::size_t verb, std::size_t first) const {
    std::size_t start = verb;
    while (start > first && verb - start < kReachTokens && !is_comma(start - 1) &&
           doc_.text(tokens_[start - 1].span) != ":") {
      --start;
    }
    const Span subject = subject_at(start, verb);
    return subject.end <= tokens_[verb].span.begin ? subject : Span{};
  }

  Span subject_at(std::size_t first, std::size_t last) const {
    if (first == last || !is_word(tokens_[first])) return {};
    std::size_t start = first;
    std::size_t end = first;
    if (!resources_.speaker_particles.empty()) {
      std::size_t particle = first;
      while (particle < last && is_word(tokens_[particle]) &&
             !resources_.speaker_particles.contains(key(particle))) {
        ++particle;
      }
      if (particle == last || particle == first) return {};
      // "工場長の河合恵氏は", "追悼式でロウ神父は": the phrase after the last stop.
      for (end = first; end < particle; ++end) {
        if (resources_.speaker_stops.contains(key(end))) start = end + 1;
      }
      if (start == end) return {};
    } else if (resources_.subject_first) {
      std::size_t run = first;
      while (run < last && run < first + kTitleTokens && !single_character(run)) ++run;
      end = run;
      while (end < last && end < run + kNameCharacters && single_character(end)) ++end;
      if (end - run < 2) return {};
    } else {
      const std::string& word = key(first);
      if (is_pronoun(tokens_[first].span)) {
        end = first + 1;
      } else if (resources_.determiners.contains(word) || !resources_.stopwords.contains(word)) {
        end = first + 1;
        if (resources_.determiners.contains(word) && end < last && is_word(tokens_[end])) ++end;
        // A name may hold one lower-case word between capitals: "Secretary of State Kerry".
        while (end < last && is_word(tokens_[end]) &&
               ((is_capitalised(end) && !resources_.stopwords.contains(key(end))) ||
                (end + 1 < last && resources_.stopwords.contains(key(end)) &&
                 !is_capitalised(end) && is_word(tokens_[end + 1]) && is_capitalised(end + 1) &&
                 !resources_.stopwords.contains(key(end + 1))))) {
          ++end;
        }
      }
      // A verb must follow, in lower case: "Residents, angry" or "Yesterday the" is no subject.
      if (end == first || end >= last || !is_word(tokens_[end]) || is_capitalised(end)) return {};
      if (!resources_.determiners.contains(word) && !is_pronoun(tokens_[first].span) &&
          !is_capitalised(first)) {
        return {};
      }
    }
    return {tokens_[start].span.begin, tokens_[end - 1].span.end};
  }

  bool single_character(std::size_t t) const {
    return is_word(tokens_[t]) && !resources_.stopwords.contains(key(t)) &&
           detail::code_point_at(doc_.text(), tokens_[t].span.begin).size == tokens_[t].span.size();
  }

  // A pronoun stands for the last named speaker, or the last capitalised name in the two
  // sentences before.
  void resolve(Quote& quote) {
    if (quote.speaker.empty()) return;
    if (is_pronoun(quote.speaker)) {
      if (last_named_key_.empty()) find_recent_name(quote.sentence);
      quote.speaker_key = last_named_key_;
      return;
    }
    quote.speaker_key = surname(quote.speaker);
  }

  void find_recent_name(std::uint32_t sentence) {
    if (sentence == kNoSentence) return;
    const std::uint32_t from = sentence >= 2 ? sentence - 2 : 0;
    for (std::uint32_t s = sentence + 1; s > from; --s) {
      const auto [first, last] = token_range(s - 1);
      for (std::size_t t = last; t > first + 1; --t) {
        if (is_word(tokens_[t - 1]) && is_capitalised(t - 1) && is_capitalised(t - 2) &&
            is_word(tokens_[t - 2])) {
          last_named_key_ = key(t - 1);
          return;
        }
      }
    }
  }

  // The last capitalised word of a speaker phrase ("Prime Minister Fumio Kishida" -> "kishida"),
  // or the whole phrase folded when it has none ("the two sides").
  std::string surname(Span speaker) const {
    std::vector<Token> words;
    tokenizer_.tokenize(doc_.text(), speaker, 0, words);
    for (auto t = words.rbegin(); t != words.rend(); ++t) {
      if (t->kind == TokenKind::kWord &&
          u_isupper(detail::code_point_at(doc_.text(), t->span.begin).value)) {
        std::string word = tokenizer_.key(doc_.text(t->span));
        if (!resources_.stopwords.contains(word)) return word;  // "The minister": no name
      }
    }
    return tokenizer_.key(doc_.text(speaker));
  }

  void remember(const Quote& quote) {
    last_speaker_ = quote.speaker;
    last_speaker_key_ = quote.speaker_key;
    last_speaker_sentence_ = quote.sentence;
    if (!is_pronoun(quote.speaker) && !quote.speaker_key.empty())
      last_named_key_ = quote.speaker_key;
  }

  std::uint32_t words_in(Span span) const {
    std::vector<Token> words;
    tokenizer_.tokenize(doc_.text(), span, 0, words);
    return static_cast<std::uint32_t>(std::count_if(words.begin(), words.end(), is_word));
  }

  Span trim_end_punctuation(Span span) const {
    while (span.end > span.begin) {
      const detail::CodePoint c = detail::code_point_before(doc_.text(), span.end);
      if (!u_ispunct(c.value) && !u_isUWhiteSpace(c.value)) break;
      span.end -= c.size;
    }
    return span;
  }

  // Title: a title word right before ("the report, "Living With Heat""). Scare: "so-called", or
  // a short unattributed term. Otherwise speech: partial when it is a fragment inside the
  // writer's sentence, direct when it is a sentence of its own (or several).
  void classify(Quote& quote) {
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
    // Scripts without case (Chinese, Japanese) show a sentence by its end alone.
    const bool sentence_like =
        !content.empty() &&
        (((u_isupper(opening) || open == first) &&
          (words >= 5 || open == first || ends_sentence)) ||
         (!u_hasBinaryProperty(opening, UCHAR_CASED) && u_isalpha(opening) && ends_sentence));
    // Dictionary scripts cut title cues into pieces ("题|为"): match the text before the mark.
    if (resources_.subject_first) {
      const std::string_view head = doc_.text().substr(0, quote.marks.begin);
      for (const auto& cue : resources_.title_cues) {
        if (!head.ends_with(cue)) continue;
        quote.kind = QuoteKind::kTitle;
        quote.kind_cue = {static_cast<std::uint32_t>(head.size() - cue.size()), quote.marks.begin};
        quote.speaker = quote.cue = Span{};
        quote.speaker_key.clear();
        return;
      }
    }
    if (before > first) {
      const std::string previous = key(before - 1);
      // "a blog called the "Feed"": a determiner may stand between the cue and the title.
      const std::size_t cue =
          resources_.determiners.contains(previous) && before - 1 > first ? before - 2 : before - 1;
      if (is_title_cue(cue)) {
        quote.kind = QuoteKind::kTitle;
        quote.kind_cue = tokens_[cue].span;
        quote.speaker = quote.cue = Span{};
        quote.speaker_key.clear();
        return;
      }
      if (previous == "so-called" || previous == "sogenannte" || previous == "sogenannten" ||
          previous == "prétendu" || previous == "supuesto") {
        quote.kind = QuoteKind::kScare;
        quote.kind_cue = tokens_[before - 1].span;
        quote.speaker = quote.cue = Span{};
        quote.speaker_key.clear();
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
      quote.kind = QuoteKind::kTitle;
      quote.speaker = quote.cue = Span{};
      quote.speaker_key.clear();
      return;
    }
    // "Gov. C.L. "Butch" Otter": a nickname between the parts of a name.
    if (words <= 2 && before > first && is_capitalised(before - 1) && within_name(quote) &&
        !content.empty() &&
        !u_ispunct(
            detail::code_point_before(content, static_cast<std::uint32_t>(content.size())).value)) {
      quote.kind = QuoteKind::kScare;
      quote.speaker = quote.cue = Span{};
      quote.speaker_key.clear();
      return;
    }
    if (unattributed) {
      // "the "Affordable Care Act"", "「自転車に安全な街づくり条例」を可決": a name of a law or a
      // report that nobody says.
      const std::size_t end = first_token_at_or_after(quote.span.end, first, tokens_.size());
      if (!sentence_like && words <= 8 && end > open && is_word(tokens_[end - 1]) &&
          resources_.title_cues.contains(key(end - 1))) {
        quote.kind = QuoteKind::kTitle;
        quote.kind_cue = tokens_[end - 1].span;
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
          !resources_.determiners.contains(key(first))) {
        const Span subject = sentence_subject(quote.sentence);
        const std::size_t verb = first_token_at_or_after(subject.end, first, open);
        const bool comma = std::any_of(
            tokens_.begin() + static_cast<std::ptrdiff_t>(verb),
            tokens_.begin() + static_cast<std::ptrdiff_t>(open), [&](const Token& token) {
              return doc_.text(token.span) == "," || doc_.text(token.span) == "—";
            });
        if (!subject.empty() && verb < open && !comma &&
            (!resources_.stopwords.contains(key(verb)) ||
             resources_.auxiliaries.contains(key(verb)))) {
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
  bool after_possessive(const Quote& quote) const {
    std::string_view before = doc_.text().substr(0, quote.marks.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    return before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'") ||
           before.ends_with("s’");
  }

  // A capitalised word that is no stopword follows the quote at once: "“Butch” Otter".
  bool within_name(const Quote& quote) const {
    const std::size_t next = first_token_at_or_after(quote.marks.end, 0, tokens_.size());
    return next < tokens_.size() && tokens_[next].span.begin == quote.marks.end + 1 &&
           is_word(tokens_[next]) && is_capitalised(next) &&
           !resources_.stopwords.contains(key(next));
  }

  // "“Pop-up art show opens,” by Eddie Small": a quoted headline and its writer.
  bool byline_follows(const Quote& quote) const {
    std::size_t t = first_token_at_or_after(quote.marks.end, 0, tokens_.size());
    if (t < tokens_.size() && doc_.text(tokens_[t].span) == ",") ++t;
    return t + 1 < tokens_.size() && resources_.bylines.contains(key(t)) &&
           is_word(tokens_[t + 1]) && is_capitalised(t + 1);
  }

  // Two to eight words, every one that is not a stopword capitalised: "Meet the Press".
  bool title_case(Span span, std::uint32_t words) const {
    if (!resources_.title_case_titles || words < 2 || words > kTitleWords) return false;
    std::size_t capitals = 0;
    for (std::size_t t = first_token_at_or_after(span.begin, 0, tokens_.size());
         t < tokens_.size() && tokens_[t].span.end <= span.end; ++t) {
      if (tokens_[t].kind != TokenKind::kWord) continue;
      const UChar32 c = detail::code_point_at(doc_.text(), tokens_[t].span.begin).value;
      if (!u_hasBinaryProperty(c, UCHAR_CASED)) return false;
      const bool stopword = resources_.stopwords.contains(key(t));
      if (!u_isupper(c) && !stopword) return false;
      capitals += u_isupper(c) && !stopword;
    }
    // "I'm with her.", "Too many.": a sentence capitalises its first word only.
    return capitals >= 2;
  }

  // Japanese quotes rarely end in a terminator: a quote that a quotative particle reports
  // ("」と述べた", not the modifier "」との見方") is a whole utterance unless a particle before it
  // makes it part of the writer's clause ("この計画を「…」と").
  bool reported_utterance(const Quote& quote, std::size_t open, std::size_t first) const {
    if (resources_.quotatives.empty() || resources_.fragment_particles.empty()) return false;
    const std::size_t after = first_token_at_or_after(quote.marks.end, open, tokens_.size());
    // "」と述べた", "」という": the quotative may begin a longer token.
    const bool quotative =
        after < tokens_.size() &&
        std::any_of(resources_.quotatives.begin(), resources_.quotatives.end(),
                    [&](const std::string& q) { return key(after).starts_with(q); });
    if (!quotative || key(after + 1) == "の") {
      return false;
    }
    if (open == first) return true;
    return !resources_.fragment_particles.contains(key(open - 1)) &&
           (open - 1 == first ||
            !resources_.fragment_particles.contains(key(open - 2) + key(open - 1)));
  }

  const Document& doc_;
  const Tokenizer& tokenizer_;
  const detail::QuoteResources& resources_;
  const std::vector<Token>& tokens_;
  std::vector<std::size_t> sentence_first_token_;  // one past the end for the last sentence
  std::optional<Span> last_speaker_;
  std::string last_speaker_key_;
  std::uint32_t last_speaker_sentence_ = 0;
  std::string last_named_key_;
  Span previous_direct_cue_;
  std::uint32_t previous_sentence_ = kNoSentence;
};

}  // namespace

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
  }
  return "direct";
}

QuoteFinder::QuoteFinder(const LanguagePack& language, Tokenizer tokenizer)
    : tokenizer_(std::move(tokenizer)),
      resources_(std::make_shared<const detail::QuoteResources>(language)) {}

Quotes QuoteFinder::find(const Document& document) const {
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

  QuoteReader reader(document, tokenizer_, *resources_);
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
  return result;
}

}  // namespace presslens
