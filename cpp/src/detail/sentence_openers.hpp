// Whether a capitalised word after an abbreviation's period opens a new sentence ("…school fees,
// etc. Applications open…") or continues a name ("…the U.S. Senate…", "…St. Clair Avenue…"): the
// question the splitter's word lists cannot settle. The syntax model's lexicon, learned from its
// treebank, answers it as Kiss and Strunk's Punkt reads a corpus's spelling: a word that the
// treebank writes in lower case as a common word, and never capitalised as a name, is capitalised
// here only because it starts a sentence, and the sentence goes on in lower case.
#pragma once

#include <string_view>

namespace presslens::detail {

struct SyntaxModel;

// A candidate opener: the word (leading opening marks and trailing punctuation left out) and the
// whitespace-separated word after it ("" at the end), read at most 64 bytes each.
struct OpenerCandidate {
  std::string_view word;
  std::string_view following;
  bool bare = true;  // white space follows the word directly: no "," or ")" after it
};

// The word that starts at text[at] and the one after it, within text.
OpenerCandidate opener_candidate(std::string_view text, std::size_t at);

// Whether the word is written as a sentence's first word could be: a capital first letter, or a
// lower-case one with a capital right after a lower-case letter ("iPhone", "eBay"; not "l'Europe").
bool may_open_sentence(std::string_view word);

// Whether the model's lexicon reads the candidate as a sentence's capitalised first word: its
// case-folded form is known as a word other than a proper noun, its written form is not known as
// a proper noun, and it goes on in lower case after a space (a comma or bracket after a first
// word is rare outside the pack's sentence starters: "Rovers vs. United, sold out").
bool reads_as_sentence_start(const SyntaxModel& model, const OpenerCandidate& candidate);

}  // namespace presslens::detail
