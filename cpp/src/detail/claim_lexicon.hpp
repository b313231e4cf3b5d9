// The cue lexicon of claims, compiled from a language pack: the phrases that mark a claim's kinds,
// its hedges and boosters (claim_cues.txt, hedges.txt, boosters.txt), the words that date a
// sentence (months.txt and `date` cues) and the verb forms that put it in the past (`past`
// cues), for factual events. See docs/claims.md and docs/lexicon-format.md.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/flat_index.hpp"
#include "detail/sentence_lexicon.hpp"
#include "presslens/language.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens::detail {

// What a cue phrase marks: a ClaimKind (0 to 6), or one of these.
enum CueRole : int {
  kHedge = 100,
  kBooster,
  kNotACue,  // a longer phrase that keeps its words from being cues ("last year", "at least")
  kPast,     // a past-tense form, for factual events (a key, or found in unspaced text)
  kDate,     // a word that dates a sentence (a weekday, 年, 月); month names come from months.txt
  kTime,     // a word that makes the number before it a time of day ("p.m", "Uhr", "heures", 点)
  kNonClaim,  // at a sentence's start, makes it no claim: exhortations, wishes ("let's", "I hope")
  kProverb,   // anywhere in a sentence, makes it no claim: proverbs and set sayings
};

struct CuePhrase {
  // Keys, with "<num>" standing for any number; in scripts written without spaces, the phrase's
  // text as one word.
  std::vector<std::string> words;
  int role;
  std::uint64_t second = 0;  // fnv1a of words[1]: most phrases fail on it, compared as a number
};

struct CueMatch {
  int role;
  Span span;
};

class ClaimLexicon {
 public:
  ClaimLexicon(const LanguagePack& language, const Tokenizer& tokenizer);
  ClaimLexicon(const ClaimLexicon&) = delete;  // index_ views the keys of by_key_
  ClaimLexicon& operator=(const ClaimLexicon&) = delete;

  // What the lexicon says of a word, by its key: looked up once per distinct key of a document.
  struct Word {
    const std::vector<CuePhrase>* phrases = nullptr;  // starting with it, longest first
    bool date = false;                                // a month, weekday or date word
    bool time = false;                                // a time-of-day word
    bool past = false;     // a listed past form, or one by its ending ("-ed", "-ó", "-た")
    int suffix_kind = -1;  // the kind its ending marks ("-ra": French future), or -1; a word that a
                           // phrase matches (a `none` phrase included) is read by the phrase
  };
  // `hash` is fnv1a(key) (detail/flat_index.hpp): the caller hashes each word once for all uses.
  Word word(std::string_view key, std::uint64_t hash) const;

  // Phrases of scripts written without spaces (Han, kana, Thai) are found in the text itself: a
  // dictionary segmenter splits the same phrase differently in different contexts. At each
  // position the longest phrases match, and the search goes on past them.
  void match_text(std::string_view text, Span span, std::vector<CueMatch>& out) const;

 private:
  void add(std::string_view phrase, int role, const Tokenizer& tokenizer);

  struct Entry {
    std::vector<CuePhrase> phrases;
    bool date = false;
    bool time = false;
    bool past = false;
  };
  struct Suffix {
    std::string text;
    int role;
  };

  // One table for phrases, dates and past forms, built as a map and looked up through a flat
  // index of its keys (the map's nodes never move): a word costs one probe with its own hash.
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> by_key_;
  FlatIndex<std::string_view> index_;
  std::vector<const Entry*> entries_;  // by index_ number
  // Unspaced phrases by their first code point's bytes.
  std::unordered_map<std::string, std::vector<CuePhrase>, StringHash, std::equal_to<>> by_text_;
  std::vector<Suffix> suffixes_;
};

}  // namespace presslens::detail
