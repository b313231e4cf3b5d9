// Who each quote's speaker is: the name the speaker phrase stands for, at its fullest in the
// document, and whether a person or an organisation (docs/quotes.md, "Who the speaker is").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detail/sentence_lexicon.hpp"
#include "presslens/language.hpp"
#include "presslens/quotes.hpp"
#include "presslens/tokens.hpp"

namespace presslens::detail {

class QuoteResources;
}  // namespace presslens::detail

namespace presslens {
class SyntaxParser;
}

namespace presslens::detail {

enum class Gender : std::uint8_t { kUnknown, kMale, kFemale, kPlural };

// The pack's words about speakers (speaker_words.txt) and the given names of every language
// (mul/given_names.txt), by key.
class SpeakerLexicon {
 public:
  enum class Class : std::uint8_t {
    kNone,
    kTitle,   // before a name, or after it in Chinese and Japanese: "Minister", "首相", "氏"
    kPerson,  // a word for a person: "spokeswoman"
    kOrganisation,     // "company", "Ministry", "Inc", "公司"
    kThing,            // "report": says, but is no one
    kPronoun,          // "she", "同氏"; "him" as an object pronoun
    kUnresolved,       // "I", "we", "it": speaks for no one named before
    kReference,        // points back at an organisation named before: "该公司", "同社"
    kSurname,          // Chinese and Japanese: a name starts with one ("李", "鈴木")
    kDemonstrative,    // Chinese and Japanese: makes the role after it point back ("这位", "同")
    kSubjectMarker,    // Japanese: the particle after a subject or topic ("は", "が")
    kGivenNameEnding,  // Japanese: a given name's last character tells its gender ("子")
    kPlace,            // Chinese: a character that ends a place name, no given name ("市")
    kIndefinite,       // an article that introduces someone new: "a resident"
  };
  struct Entry {
    Class word_class = Class::kNone;
    Gender gender = Gender::kUnknown;
  };

  SpeakerLexicon(const LanguagePack& language, const Tokenizer& tokenizer);

  Entry word(std::string_view key) const {
    const auto found = words_.find(key);
    return found == words_.end() ? Entry{} : found->second;
  }
  // A title or organisation word written without spaces at the start or the end of `phrase`
  // (Chinese and Japanese: "外交部发言人汪文斌" starts with "外交部"), the longest first.
  struct Affix {
    Entry entry;
    std::uint32_t size = 0;
    bool prefix = false;
  };
  std::optional<Affix> affix(std::string_view phrase) const;
  // A title or organisation word of those scripts right after (or right before) byte `at`.
  std::optional<Affix> affix_at(std::string_view text, std::uint32_t at, bool after) const;
  // The gender a given name's last character tells ("真理子": female), or kUnknown.
  Gender given_name_ending(std::string_view given_name) const;
  // The bytes of the demonstrative `phrase` starts with ("这位" of "这位发言人"), or 0.
  std::size_t demonstrative(std::string_view phrase) const;
  // The title a compound word ends in ("innenministerin" -> "ministerin"), of four letters or
  // more and shorter than the word; empty when there is none.
  std::string_view title_ending(std::string_view key) const;
  // The gender a given name tells; kUnknown for a word that is none.
  Gender given_name(std::string_view key) const {
    const auto found = given_names_.find(key);
    return found == given_names_.end() ? Gender::kUnknown : found->second;
  }

 private:
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> words_;
  std::unordered_map<std::string, Gender, StringHash, std::equal_to<>> given_names_;
  std::vector<std::pair<std::string, Entry>> affixes_;  // longest first
  std::vector<std::string> titles_;                     // longest first
  std::vector<std::string> demonstratives_;             // longest first
};

// Fills each quote's speaker_name, speaker_type, resolution and speaker_key from its speaker
// phrase and the names of the document. Linear in the tokens; each pronoun looks back over a
// bounded number of names.
// With a `syntax` parser, in a language that capitalises its nouns, names are the words the
// tagger calls proper nouns.
void resolve_speakers(const Document& document, const Tokenizer& tokenizer,
                      const SyntaxParser* syntax, const QuoteResources& resources,
                      const SpeakerLexicon& lexicon, std::vector<Quote>& quotes);

}  // namespace presslens::detail
