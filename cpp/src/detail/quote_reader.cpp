// The quote reader's entry point for a marked quote and the word and token tests it shares.
#include "detail/quote_reader.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace presslens::detail {

QuoteReader::QuoteReader(const Document& document, const Tokenizer& tokenizer,
                         const detail::QuoteResources& resources,
                         std::vector<CueCandidate>* candidates)
    : doc_(document),
      tokenizer_(tokenizer),
      resources_(resources),
      candidates_(candidates),
      tokens_(document.tokens()),
      word_classes_(document.keys().size(), 0) {
  sentence_first_token_.assign(document.sentences().size() + 1, tokens_.size());
  for (std::size_t t = tokens_.size(); t > 0; --t) {
    const auto s = tokens_[t - 1].sentence;
    if (s != kNoSentence) sentence_first_token_[s] = t - 1;
  }
  for (std::size_t s = document.sentences().size(); s > 0; --s) {
    sentence_first_token_[s - 1] = std::min(sentence_first_token_[s - 1], sentence_first_token_[s]);
  }
}

// `within`: the words of the quote this one is nested in, where its attribution must lie
// ("“The inspector said, ‘...’”": the inspector, not the outer quote's speaker).
Quote QuoteReader::marked(const Pair& pair, std::optional<Span> within) {
  Quote quote;
  quote.marks = {pair.open.at, pair.close.at + pair.close.size};
  quote.span = detail::trim_space(doc_.text(), {pair.open.at + pair.open.size, pair.close.at});
  quote.sentence = sentence_of(pair.open.at);
  attribute(quote, within);
  classify(quote, within.has_value());
  if (!quote.speaker.empty()) remember(quote);
  return quote;
}

std::uint32_t QuoteReader::sentence_of(std::uint32_t at) const {
  const auto& sentences = doc_.sentences();
  const auto found =
      std::upper_bound(sentences.begin(), sentences.end(), at,
                       [](std::uint32_t a, const Sentence& s) { return a < s.span.begin; });
  if (found == sentences.begin()) return kNoSentence;
  return static_cast<std::uint32_t>(found - sentences.begin() - 1);
}

std::uint32_t QuoteReader::classes_of(const std::string& word) const {
  std::uint32_t classes = 0;
  if (resources_.may_be_listed(word)) {
    const auto found = resources_.word_classes.find(word);
    if (found != resources_.word_classes.end()) classes = found->second;
  }
  // "dit-elle", "a-t-il": a verb joined to its subject pronoun.
  if (const auto hyphen = word.find('-');
      hyphen != std::string::npos && !(classes & kSpeechVerbForm)) {
    if (resources_.speech_verbs.contains(std::string_view(word).substr(0, hyphen))) {
      classes |= kSpeechVerbForm;
    }
  }
  return static_cast<std::uint32_t>(classes | kClassified);
}

bool QuoteReader::is_verb_form(std::size_t t) const {
  if (in(t, kSpeechVerbForm)) return true;
  // A trailing cue ("so") only after a comma; the rest of its test is trailing_source().
  if (in(t, kAccordingStart)) {
    return according_length(t) > 0 && (!in(t, kTrailingAccording) || (t > 0 && is_comma(t - 1)));
  }
  if (resources_.cjk_speech_verbs.empty()) return false;
  // Dictionary scripts cut verbs into pieces ("述|べた"): match the text from here.
  const std::string_view rest = doc_.text().substr(tokens_[t].span.begin, 24);
  return std::any_of(resources_.cjk_speech_verbs.begin(), resources_.cjk_speech_verbs.end(),
                     [&](const std::string& verb) { return rest.starts_with(verb); });
}

// How many tokens the "according to" cue at `t` spans ("according to", "selon", "d'après",
// "laut", "según"), or 0.
std::size_t QuoteReader::according_length(std::size_t t) const {
  if (!is_word(tokens_[t])) return 0;
  for (const auto& cue : resources_.according_cues) {
    // "d'après": the token's key has lost its elided article, which must be the cue's.
    if (const auto apostrophe = cue[0].find('\''); apostrophe != std::string::npos) {
      const std::string_view rest = std::string_view(cue[0]).substr(apostrophe + 1);
      if (cue.size() == 1 && key(t) == rest) {
        const std::string_view text = doc_.text(tokens_[t].span);
        const std::string article = tokenizer_.key(text.substr(0, tokenizer_.elided_prefix(text)));
        if (article == std::string_view(cue[0]).substr(0, apostrophe + 1)) return 1;
      }
      continue;
    }
    if (cue.size() == 1 && key(t) == cue[0]) return 1;
    if (cue.size() == 2 && key(t) == cue[0] && key(t + 1) == cue[1]) return 2;
  }
  return 0;
}

// A trailing source cue at `t` ("..., so ein Sprecher.") holds after a comma, with a source
// that ends the sentence or an appositive does ("so Harald Beck, Analyst bei ..."); `end` is
// the token after the source.
bool QuoteReader::trailing_source(std::size_t t, std::size_t first, Span source, std::size_t end,
                                  std::size_t last) const {
  return t > first && is_comma(t - 1) && !source.empty() && (end >= last || !is_word(tokens_[end]));
}

// A speaker phrase starts with a capitalised word, a determiner or a pronoun.
bool QuoteReader::starts_noun_phrase(std::size_t t) const {
  if (!is_word(tokens_[t])) return false;
  if (is_pronoun(t) || in(t, kDeterminer)) return true;
  // Capitals start a name, not a day or a month ("said Sunday").
  if (is_capitalised(t)) return !in(t, kDateName);
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

// The token of the parenthesis that the closing one at `t` closes (`t` itself if none near).
std::size_t QuoteReader::opening_parenthesis(std::size_t t, std::size_t first) const {
  for (std::size_t k = t; k > first && t - k < kAppositiveTokens * 2; --k) {
    if (is_parenthesis(k - 1, '(')) return k - 1;
  }
  return t;
}

Span QuoteReader::trim_end_punctuation(Span span) const {
  while (span.end > span.begin) {
    const detail::CodePoint c = detail::code_point_before(doc_.text(), span.end);
    if (!u_ispunct(c.value) && !u_isUWhiteSpace(c.value)) break;
    span.end -= c.size;
  }
  return span;
}

}  // namespace presslens::detail
