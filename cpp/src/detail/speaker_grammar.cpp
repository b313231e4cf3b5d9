// The speaker checked against the grammar of its cue's sentence. The attribution rules find a
// speaker by position and capital letters, which sometimes lands on a word that cannot speak: an
// adverb ("have twice denied"), a conjunction, a verb ("who declined to be named said"), a date
// ("said Wednesday"), a relative pronoun ("who"). The syntax layer knows which words are nouns and
// who the cue verb's subject is; a speaker that is no noun phrase gives way to that subject (for a
// relative pronoun, the noun its clause describes), or is dropped when the parse has none that can
// speak.
#include <algorithm>
#include <array>

#include "detail/quote_reader.hpp"
#include "presslens/syntax.hpp"

namespace presslens::detail {
namespace {

// The relation's universal part: "nsubj:pass" -> "nsubj".
std::string_view universal(std::string_view relation) {
  return relation.substr(0, relation.find(':'));
}

bool is_subject(std::string_view relation) { return universal(relation) == "nsubj"; }

// A cue verb in one of these relations shares its subject with its head ("was quick to say",
// "declined, saying").
bool borrows_subject(std::string_view relation) {
  const std::string_view base = universal(relation);
  return base == "xcomp" || base == "ccomp" || base == "conj" || base == "advcl";
}

// Dependents that belong to a subject's noun phrase ("the party's former leader, Ana Ruiz").
bool in_noun_phrase(std::string_view relation) {
  static constexpr std::array<std::string_view, 11> kKept = {
      "det", "amod", "compound", "flat", "nmod", "nummod", "case", "fixed", "conj", "cc", "advmod"};
  return std::find(kKept.begin(), kKept.end(), universal(relation)) != kKept.end();
}

bool is_nominal(PartOfSpeech pos) {
  return pos == PartOfSpeech::kNoun || pos == PartOfSpeech::kPropn || pos == PartOfSpeech::kPron;
}

// Words that never speak on their own.
bool is_function_word(PartOfSpeech pos) {
  switch (pos) {
    case PartOfSpeech::kAdv:
    case PartOfSpeech::kCconj:
    case PartOfSpeech::kSconj:
    case PartOfSpeech::kAdp:
    case PartOfSpeech::kPart:
    case PartOfSpeech::kAux:
    case PartOfSpeech::kDet:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Whether the model's lexicon makes token `t` a function word (a date counts as one).
bool QuoteReader::is_function_token(const SyntaxParser& parser, std::size_t t) const {
  if (in(t, kDateName)) return true;
  if (!is_word(tokens_[t])) return false;
  auto tag = parser.known_tag(doc_.text(tokens_[t].span));
  if (!tag) tag = parser.known_tag(key(t));
  // A verb in lower case cannot speak either ("who declined to be named said").
  return tag && (is_function_word(*tag) || (*tag == PartOfSpeech::kVerb && !is_capitalised(t)));
}

void QuoteReader::check_speakers(const SyntaxParser& parser, std::vector<Quote>& quotes) {
  // Parsing costs; the lexicon is a lookup. Only quotes whose cue has no speaker, whose speaker
  // ends in a word the lexicon knows as a function word, a lower-case verb or a date ("twice",
  // "Wednesday", "the company has twice", "named"), or whose speaker is a relative pronoun, have
  // their sentence parsed.
  std::vector<std::size_t> doubtful;
  std::vector<std::uint32_t> sentences;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const Quote& quote = quotes[q];
    if (quote.cue.empty()) continue;
    const std::uint32_t sentence = sentence_of(quote.cue.begin);
    if (sentence == kNoSentence) continue;
    if (!quote.speaker.empty()) {
      std::size_t last = first_token_at_or_after(quote.speaker.end, 0, tokens_.size());
      while (last > 0 && !is_word(tokens_[last - 1])) --last;
      const std::size_t alone = token_of(quote.speaker);
      const bool relative = alone < tokens_.size() && is_relative(alone);
      if (!relative && (last == 0 || tokens_[last - 1].span.end <= quote.speaker.begin ||
                        !is_function_token(parser, last - 1))) {
        continue;
      }
    }
    doubtful.push_back(q);
    sentences.push_back(sentence);
  }
  if (sentences.empty()) return;
  std::sort(sentences.begin(), sentences.end());
  sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
  const Syntax syntax = parser.parse(doc_, sentences);
  const auto& words = syntax.words;
  std::vector<std::vector<std::uint32_t>> children(words.size());
  for (std::uint32_t w = 0; w < words.size(); ++w) {
    if (words[w].head != kNoHead) children[words[w].head].push_back(w);
  }
  // The words overlapping `span`, as [first, last) indices (words are in text order).
  const auto words_in = [&](Span span) {
    const auto first = std::partition_point(
        words.begin(), words.end(), [&](const Word& word) { return word.span.end <= span.begin; });
    auto last = first;
    while (last != words.end() && last->span.begin < span.end) ++last;
    return std::pair{static_cast<std::uint32_t>(first - words.begin()),
                     static_cast<std::uint32_t>(last - words.begin())};
  };
  const auto is_relative_word = [&](const Word& word) {
    return syntax.feature(word, "PronType") == "Rel";
  };
  // A phrase that cannot speak: function words, lower-case verbs and dates only. A listed
  // organisation or title word speaks whatever its tag ("该局": the tagger may read 局 as PART).
  const auto cannot_speak = [&](Span span) {
    const auto [first, last] = words_in(span);
    bool any = false;
    for (std::uint32_t w = first; w < last; ++w) {
      if (words[w].pos == PartOfSpeech::kPunct) continue;
      any = true;
      const std::size_t t = words[w].token;
      if (in(t, kSpeakerNoun)) return false;
      const bool lower_verb = words[w].pos == PartOfSpeech::kVerb && !is_capitalised(t);
      if (!is_function_word(words[w].pos) && !lower_verb && !in(t, kDateName)) return false;
    }
    return any;
  };
  // The noun phrase a subject word heads.
  const auto phrase_of = [&](std::uint32_t head) {
    Span span = words[head].span;
    std::vector<std::uint32_t> pending{head};
    while (!pending.empty()) {
      const std::uint32_t w = pending.back();
      pending.pop_back();
      for (const std::uint32_t child : children[w]) {
        if (!in_noun_phrase(syntax.relation(words[child]))) continue;
        span.begin = std::min(span.begin, words[child].span.begin);
        span.end = std::max(span.end, words[child].span.end);
        pending.push_back(child);
      }
    }
    return span;
  };
  // The grammatical subject of the cue verb at word `verb` that can speak, or an empty span.
  const auto subject_of = [&](std::uint32_t verb) -> Span {
    for (int hop = 0; hop < 2 && verb != kNoHead; ++hop) {
      for (const std::uint32_t child : children[verb]) {
        if (!is_subject(syntax.relation(words[child]))) continue;
        const Word& word = words[child];
        if ((!is_nominal(word.pos) && !in(word.token, kSpeakerNoun)) || is_relative_word(word)) {
          return {};
        }
        const Span span = phrase_of(child);
        return cannot_speak(span) ? Span{} : span;
      }
      if (!borrows_subject(syntax.relation(words[verb]))) break;
      verb = words[verb].head;
    }
    return {};
  };
  // Resolves the speaker's key as the attribution does: a pronoun stands for the last name
  // before it.
  const auto rekey = [&](Quote& quote) {
    if (is_pronoun(quote.speaker)) {
      last_named_key_.clear();
      find_recent_name(quote.sentence, std::min(quote.speaker.begin, quote.span.begin));
      quote.speaker_key = last_named_key_;
    } else {
      quote.speaker_key = surname(quote.speaker);
    }
  };
  // The noun a relative clause whose verb is at `verb` describes ("the student who wrote").
  const auto antecedent_of = [&](std::uint32_t verb) -> Span {
    if (universal(syntax.relation(words[verb])) != "acl" || words[verb].head == kNoHead) return {};
    const std::uint32_t noun = words[verb].head;
    return is_nominal(words[noun].pos) && !is_relative_word(words[noun]) ? phrase_of(noun) : Span{};
  };
  for (const std::size_t q : doubtful) {
    Quote& quote = quotes[q];
    const auto [cue_first, cue_last] = words_in(quote.cue);
    if (cue_first == cue_last) continue;
    // "who said": the mention stays as written; its key is the noun the clause describes, so
    // that grouping by speaker never gives "who".
    if (const std::size_t alone = token_of(quote.speaker);
        alone < tokens_.size() && is_relative(alone)) {
      if (const Span noun = antecedent_of(cue_first); !noun.empty()) {
        quote.speaker_key = is_pronoun(noun) ? quote.speaker_key : surname(noun);
      }
      continue;
    }
    if (!quote.speaker.empty() && !cannot_speak(quote.speaker)) {
      // "the company has twice (denied)": function words at its end are no part of the phrase.
      const auto [first, last] = words_in(quote.speaker);
      std::uint32_t end = last;
      while (end > first &&
             (words[end - 1].pos == PartOfSpeech::kPunct ||
              (is_function_word(words[end - 1].pos) && words[end - 1].pos != PartOfSpeech::kDet &&
               !in(words[end - 1].token, kSpeakerNoun)))) {
        --end;
      }
      if (end < last && end > first && words[end - 1].span.end > quote.speaker.begin) {
        quote.speaker.end = words[end - 1].span.end;
        rekey(quote);
      }
      continue;
    }
    const bool verb = words[cue_first].pos == PartOfSpeech::kVerb;
    // "The residents, who said "..."": the relative pronoun is the mention, its noun the key.
    if (const Span noun = verb ? antecedent_of(cue_first) : Span{};
        quote.speaker.empty() && !noun.empty()) {
      for (const std::uint32_t child : children[cue_first]) {
        if (!is_subject(syntax.relation(words[child])) || !is_relative_word(words[child])) continue;
        quote.speaker = words[child].span;
        quote.speaker_key = surname(noun);
        break;
      }
      if (!quote.speaker.empty()) continue;
    }
    const Span subject = verb ? subject_of(cue_first) : Span{};
    if (subject.empty() && quote.speaker.empty()) continue;
    quote.speaker = subject;
    quote.speaker_key.clear();
    if (!subject.empty()) rekey(quote);
  }
}

}  // namespace presslens::detail
