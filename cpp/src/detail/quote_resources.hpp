// The word lists of the quote stage, compiled from a language pack.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/cue_model.hpp"
#include "detail/sentence_lexicon.hpp"
#include "presslens/language.hpp"

namespace presslens::detail {

// The quote lists a word is in. The reader tests many words against several lists, so each
// distinct word of a document is looked up once, in one table of all lists (QuoteReader::in).
enum WordClass : std::uint32_t {
  kSpeechVerbForm = 1u << 0,  // a listed form, or one joined to its pronoun ("dit-elle")
  kAuxiliary = 1u << 1,
  kDeterminer = 1u << 2,
  kNounMarker = 1u << 3,
  kCoordinator = 1u << 4,
  kParticiple = 1u << 5,
  kStopword = 1u << 6,
  kNamingVerb = 1u << 7,
  kDateName = 1u << 8,
  kTitleCue = 1u << 9,
  kByline = 1u << 10,
  kSpeakerParticle = 1u << 11,
  kSpeakerStop = 1u << 12,
  kFragmentParticle = 1u << 13,
  // The first word of a source cue of two words ("nach" of "nach Angaben") or the rest of one
  // with an elided article ("après" of "d'après"): a cue only with the rest of it.
  kAccordingStart = 1u << 14,
  kConnector = 1u << 15,          // "of", "de": joins the words of a speaker phrase
  kTrailingAccording = 1u << 16,  // "so" (German): a source cue only after its clause
  // "he", "elle", "er": stands for the last person named.
  kPronoun = 1u << 17,
  // "I", "we", "it": speaks before its verb but stands for no one named earlier (the speaker
  // of the quote it is in, the reader, a thing).
  kUnresolvedPronoun = 1u << 18,
  // French and Spanish: "à", "au", "a", "al" open the listener before an inverted speaker ("a
  // indiqué à notre rédaction le parquet").
  kListenerMarker = 1u << 19,
  kRelative = 1u << 20,        // "who", "qui", "quien": a relative clause's subject
  kComplementiser = 1u << 21,  // "that", "que", "dass": opens a reported clause
  kTelling = 1u << 22,         // "told", "tell": a verb whose listener comes before the clause
  kStanceVerb = 1u << 23,      // "believes", "wants": reports a stance, not speech
  kLearnedCue = 1u << 24,      // in the cue model's lexicon: may attribute, the model decides
  kScareCue = 1u << 25,        // "so-called", "sogenannte": the quote after it is a scare quote
  kNeuterPronoun = 1u << 26,   // "it": unresolved, but may stand for a thing named before
  // Chinese, Japanese: a pronoun of speaker_words.txt ("他", "彼女"), which the attribution
  // rules of these languages do not read as kPronoun.
  kCjkPronoun = 1u << 27,
  // An organisation, title or reference word of speaker_words.txt ("police", "局", "该公司"):
  // it may speak whatever part of speech the tagger gives it.
  kSpeakerNoun = 1u << 28,
  kClassified = 1u << 31,
};

// The language's speech verbs, title cues and stopwords, and its quotation-mark conventions.
class QuoteResources {
 public:
  explicit QuoteResources(const LanguagePack& language);

  // Every word of the language's quote lists (speech verbs, auxiliaries, determiners, noun
  // markers, coordinators, participles, stopwords, naming verbs, days and months, title cues,
  // bylines, speaker particles and stops, connectors, trailing source cues) with its
  // WordClass bits: the reader tests tokens against these.
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> word_classes;
  // Most words of a text are in no list: a bit per short signature of every listed word (its
  // length and three of its bytes) turns those away without hashing the whole word.
  bool may_be_listed(std::string_view word) const {
    const std::uint32_t bit = signature(word);
    return (listed_signatures_[bit / 64] >> (bit % 64)) & 1u;
  }
  StringSet speech_verbs;
  StringSet determiners;        // may start a speaker phrase: "the", "le", "der"
  StringSet speaker_particles;  // Japanese: mark the speaker ("大野さんは語った")
  bool subject_first = false;   // Chinese, Japanese: no capitals, the speaker heads its clause
  StringSet title_cues;
  std::vector<std::vector<std::string>> according_cues;  // one or two words: "according to"
  bool dropped_subjects = false;   // a verb with no subject speaks for the previous subject
  bool pronoun_inversion = false;  // "sagte er vor Journalisten": a pronoun after its verb speaks
  bool capitalised_nouns = false;  // German: "die Politikerin" is no name
  bool single_character_given_names = false;  // Chinese: "李 秀 兰"
  StringSet fragment_particles;  // Japanese: before a quote, make it part of the writer's clause
  StringSet quotatives;          // Japanese: after a quote, report it ("」と述べた")
  StringSet stopwords;
  bool german_marks = false;       // „…“ ‚…‘ »…«: “ ‘ « close rather than open
  bool title_case_titles = false;  // English: "Meet the Press" is a title
  bool compound_title_cues = false;  // German: "Jahresbericht" ends in the cue "bericht"
  bool white_corner_titles = false;  // Japanese: 『』 outside 「」 is a title, not a quote
  std::vector<std::string> cjk_speech_verbs;  // matched as text prefixes
  std::vector<std::string> source_markers;    // Japanese: "Xによると": X is the source
  // The pack's cue model (cues.model), when it has one: decides which words attribute.
  std::optional<CueModel> cue_model;

 private:
  static std::uint32_t signature(std::string_view word) {
    if (word.empty()) return 0;
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(word[i]));
    };
    return ((static_cast<std::uint32_t>(word.size()) & 0x3Fu) << 10) |
           ((byte(0) ^ (byte(word.size() / 2) << 2) ^ (byte(word.size() - 1) << 4)) & 0x3FFu);
  }
  std::array<std::uint64_t, 1024> listed_signatures_{};  // 65,536 bits
};

}  // namespace presslens::detail
