// The reader of quotes: the kind of each quotation, its speaker and cue, and reported speech.
#pragma once

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/document_search.hpp"
#include "detail/quote_marks.hpp"
#include "detail/quote_resources.hpp"
#include "detail/sentence_lexicon.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"
#include "presslens/quotes.hpp"
#include "presslens/syntax.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens::detail {

// How long an appositive between a speaker and its verb may be ("Marek Kowalczyk, a lasher who
// has worked at the port for 31 years, said").
constexpr std::size_t kAppositiveTokens = 24;
// How many tokens around a quote its attribution is looked for in.
constexpr std::size_t kReachTokens = 40;
// How many words a listener before an inverted speaker may have ("à notre rédaction").
constexpr std::size_t kListenerWords = 4;
// How far after a speech verb "that" may open its clause ("said on Monday that ..."), further
// after a verb of telling, whose listener comes first ("told conservative radio host Hugh
// Hewitt on Wednesday that ...").
constexpr std::size_t kThatReach = 6;
constexpr std::size_t kThatReachAfterListener = 10;
// How many words may stand between a verb and the direct quote it introduces ("told reporters
// on Monday: "...""); with more, the verb reports a clause the quote ends.
constexpr std::uint32_t kWordsBeforeItsQuote = 4;
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
// How many words a quote opening its sentence needs to be a sentence without a terminator.
constexpr std::uint32_t kSentenceWords = 3;
// How many lower-case words of a role may come before a name ("transport director Paul Ingram").
constexpr std::size_t kRoleWords = 3;
// How many tokens a name may have ("Me Antoine Roussel", "Ana María de la Cruz").
constexpr std::size_t kNameWords = 6;
// How far before a colon the name that speaks may end ("As Dr. Lindqvist put it:").
constexpr std::size_t kColonReach = 5;
// How many words may stand between "and"/"but" and the speech verb that ends a reported clause
// ("but the plant's operator insisted").
constexpr std::size_t kCoordinatedSubjectWords = 4;
// Reported clauses per sentence (a sentence of a thousand "said" is not a thousand reports),
// and speech verbs read per sentence.
constexpr std::size_t kMaxReportsPerSentence = 8;
constexpr std::size_t kMaxSpeechVerbsPerSentence = 64;

inline bool is_word(const Token& token) {
  return token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber;
}

// Reads the attribution and the kind of each quote from the tokens around it.
class QuoteReader {
 public:
  // With `candidates`, every word the cue model reads is recorded there (for training).
  QuoteReader(const Document& document, const Tokenizer& tokenizer,
              const detail::QuoteResources& resources,
              std::vector<CueCandidate>* candidates = nullptr);
  Quote marked(const Pair& pair, std::optional<Span> within);
  void reported(std::uint32_t sentence, const std::vector<Quote>& marked,
                std::vector<Quote>& quotes);
  // Checks the speakers of the document's quotes against the grammar of their cues' sentences,
  // parsing those sentences only (speaker_grammar.cpp).
  void check_speakers(const SyntaxParser& parser, std::vector<Quote>& quotes);

 private:
  // Kinds of quotes (quote_kinds.cpp).
  bool is_title_cue(std::size_t t) const;
  void classify(Quote& quote, bool nested);
  void make_unattributed(Quote& quote, QuoteKind kind, Span cue) const;
  bool after_possessive(const Quote& quote) const;
  bool within_name(const Quote& quote) const;
  bool byline_follows(const Quote& quote) const;
  bool title_case(Span span, std::uint32_t words) const;
  bool reported_utterance(const Quote& quote, std::size_t open, std::size_t first) const;
  bool reports_quote(std::size_t t) const;

  // Attribution: cues and speakers (quote_attribution.cpp).
  std::size_t speaker_after(std::size_t t, std::size_t last, Span& speaker) const;
  void speaker_before(std::size_t verb, std::size_t first, Span& speaker) const;
  bool is_capitalised_name(std::size_t from, std::size_t to) const;
  void subject_speaker(std::size_t verb, std::size_t first, const Quote& quote,
                       Span& speaker) const;
  template <typename Quoted>
  std::size_t speaker_particle(std::size_t verb, std::size_t first, const Quoted& quoted) const;
  Span participle_speaker(std::size_t verb, std::uint32_t sentence) const;
  std::size_t source_marker_end(std::size_t t) const;
  void attribute(Quote& quote, std::optional<Span> within);
  void attribute_from_next(Quote& quote, std::uint32_t closing_sentence);
  Span name_before(std::size_t colon, std::size_t first) const;
  bool after_preposition(Span speaker, std::size_t first) const;
  Span sentence_subject(std::uint32_t sentence) const;
  Span clause_subject(std::size_t verb, std::size_t first) const;
  Span subject_at(std::size_t first, std::size_t last) const;
  void resolve(Quote& quote);
  // The last name of two capitalised words ending before byte `before`, from the two sentences
  // before `sentence` and its own words.
  void find_recent_name(std::uint32_t sentence, std::uint32_t before);
  std::string surname(Span speaker) const;
  void remember(const Quote& quote);

  bool is_function_token(const SyntaxParser& parser, std::size_t t) const;

  // Reported speech (reported_speech.cpp).
  Span subject_first_report(std::size_t verb, std::size_t first, std::size_t last,
                            Quote& quote) const;
  std::size_t inverted_report(std::size_t verb, std::size_t first, std::size_t last, Span& speaker,
                              bool& parenthetical) const;
  bool covered_by_direct(Span span, const std::vector<Quote>& marked) const;
  bool opens_marked_quote(std::size_t t, const std::vector<Quote>& marked) const;
  std::size_t plain_source(std::size_t t, std::size_t last, Span& source) const;
  std::uint32_t clause_end(std::size_t content, std::size_t last) const;

  // The learned cue decision (cue_reading.cpp).
  CueCues cue_cues(std::size_t t, std::size_t first, std::size_t last,
                   const std::vector<Quote>& marked, const Quote& report) const;
  std::optional<float> cue_probability(std::size_t t, std::size_t first, std::size_t last,
                                       const std::vector<Quote>& marked, const Quote& report);
  std::uint32_t classes(std::size_t t) const {
    std::uint32_t& found = word_classes_[tokens_[t].key];
    if (found == 0) found = classes_of(key(t));
    return found;
  }

  // Word and token tests (quote_reader.cpp).
  std::uint32_t sentence_of(std::uint32_t at) const;
  bool is_verb_form(std::size_t t) const;
  std::size_t according_length(std::size_t t) const;
  bool starts_noun_phrase(std::size_t t) const;
  bool trailing_source(std::size_t t, std::size_t first, Span source, std::size_t end,
                       std::size_t last) const;
  std::size_t opening_parenthesis(std::size_t t, std::size_t first) const;
  std::uint32_t words_in(Span span) const { return detail::words_overlapping(tokens_, span); }
  Span trim_end_punctuation(Span span) const;

  // Small word and token tests.
  std::uint32_t classes_of(const std::string& word) const;
  // Whether token `t` is a word of any of the classes' lists `c` (false past the last token).
  bool in(std::size_t t, std::uint32_t c) const {
    return t < tokens_.size() && (classes(t) & c) != 0;
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
    if (!is_word(tokens_[t])) return false;
    // Most words are in neither list: one bit test decides, but for verbs cut into pieces.
    if (resources_.cjk_speech_verbs.empty() && !in(t, kSpeechVerbForm | kAccordingStart)) {
      return false;
    }
    if (!is_verb_form(t)) return false;
    // "his hopes", "the proposed rule", "her show": after a determiner, a noun or an adjective.
    return t == 0 || !is_word(tokens_[t - 1]) || !in(t - 1, kNounMarker);
  }
  // A word of the cue model's lexicon: a cue when the model says so.
  bool is_learned_cue(std::size_t t) const { return is_word(tokens_[t]) && in(t, kLearnedCue); }
  // A speech verb (and the rest of its pieces) followed by a colon and an opening quotation mark:
  // it introduces the quote after it ("他补充说：“", "He added: "").
  bool introduces_next_quote(std::size_t verb, std::size_t last) const {
    std::size_t k = verb + 1;
    while (k < last && k < verb + 3 && is_speech_verb(k)) ++k;
    if (k + 1 >= last) return false;
    const std::string_view colon = doc_.text(tokens_[k].span);
    return (colon == ":" || colon == "：") && is_quotation_mark(k + 1);
  }
  // "他在": the bytes of the speaker stop that ends word `t` after a pronoun, else 0. The
  // dictionary keeps a pronoun and the preposition after it as one word; not "他的" ("his"),
  // which opens the speaker's phrase ("他的助手说").
  std::uint32_t stop_after_pronoun(std::size_t t) const {
    if (!is_word(tokens_[t])) return 0;
    const std::string_view text = doc_.text(tokens_[t].span);
    if (text.ends_with("的")) return 0;
    const auto last = detail::code_point_before(text, static_cast<std::uint32_t>(text.size()));
    if (last.size >= text.size()) return 0;
    const auto has = [&](std::string_view word, std::uint32_t word_class) {
      const auto found = resources_.word_classes.find(word);
      return found != resources_.word_classes.end() && (found->second & word_class) != 0;
    };
    const bool pronoun_then_stop =
        has(text.substr(text.size() - last.size), kSpeakerStop) &&
        has(text.substr(0, text.size() - last.size), kCjkPronoun | kUnresolvedPronoun);
    return pronoun_then_stop ? last.size : 0;
  }
  bool is_that(std::size_t t) const { return is_word(tokens_[t]) && in(t, kComplementiser); }
  bool is_telling(std::size_t t) const { return is_word(tokens_[t]) && in(t, kTelling); }
  bool is_according(std::size_t t) const { return according_length(t) > 0; }
  bool is_capitalised(std::size_t t) const {
    return u_isupper(detail::code_point_at(doc_.text(), tokens_[t].span.begin).value);
  }
  bool is_relative(std::size_t t) const { return is_word(tokens_[t]) && in(t, kRelative); }
  // Pronouns, by token or as a whole speaker phrase (a phrase of one token).
  bool is_pronoun(std::size_t t) const { return is_word(tokens_[t]) && in(t, kPronoun); }
  bool is_pronoun(Span speaker) const {
    const std::size_t t = token_of(speaker);
    return t < tokens_.size() && is_pronoun(t);
  }
  bool is_unresolved_pronoun(std::size_t t) const {
    return is_word(tokens_[t]) && in(t, kUnresolvedPronoun);
  }
  bool is_unresolved_pronoun(Span speaker) const {
    const std::size_t t = token_of(speaker);
    return t < tokens_.size() && is_unresolved_pronoun(t);
  }
  // The token that is exactly `span`, or tokens_.size().
  std::size_t token_of(Span span) const {
    const std::size_t t = first_token_at_or_after(span.begin, 0, tokens_.size());
    return t < tokens_.size() && tokens_[t].span == span ? t : tokens_.size();
  }
  // "a-t-il", "dit-elle": a verb carrying its subject pronoun.
  bool carries_pronoun(std::size_t t) const {
    const std::string& word = key(t);
    const auto hyphen = word.rfind('-');
    if (hyphen == std::string::npos) return false;
    const auto found = resources_.word_classes.find(std::string_view(word).substr(hyphen + 1));
    return found != resources_.word_classes.end() && (found->second & kPronoun) != 0;
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
  bool is_participle(std::size_t t) const { return is_word(tokens_[t]) && in(t, kParticiple); }
  static bool closes_quote(UChar32 c) {
    const auto type = u_charType(c);
    return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION;
  }
  // "The city's own climate report": a word after a possessive belongs to its phrase.
  bool after_possessive(std::size_t t, std::size_t first) const {
    return t > first && is_word(tokens_[t - 1]) &&
           tokenizer_.possessive_suffix(doc_.text(tokens_[t - 1].span)) > 0;
  }
  // A quotation mark that is no apostrophe ("residents' association").
  bool is_quotation_mark(std::size_t t) const {
    if (is_word(tokens_[t])) return false;
    const UChar32 c = detail::code_point_at(doc_.text(), tokens_[t].span.begin).value;
    return c != '\'' && c != 0x2019 && u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK);
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
  bool single_character(std::size_t t) const {
    return is_word(tokens_[t]) && !in(t, kStopword) &&
           detail::code_point_at(doc_.text(), tokens_[t].span.begin).size == tokens_[t].span.size();
  }

  const Document& doc_;
  const Tokenizer& tokenizer_;
  const detail::QuoteResources& resources_;
  std::vector<CueCandidate>* candidates_;
  std::vector<std::uint64_t> cue_features_;  // scratch
  const std::vector<Token>& tokens_;
  std::vector<std::size_t> sentence_first_token_;  // one past the end for the last sentence
  // Per distinct key of the document: its WordClass bits (0: not looked up yet).
  mutable std::vector<std::uint32_t> word_classes_;
  std::optional<Span> last_speaker_;
  std::string last_speaker_key_;
  std::uint32_t last_speaker_sentence_ = 0;
  std::string last_named_key_;
  Span previous_direct_cue_;
  std::uint32_t previous_sentence_ = kNoSentence;
};

}  // namespace presslens::detail
