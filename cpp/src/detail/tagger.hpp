// Part of speech and morphology: a greedy left-to-right tagger (each word's UPOS from its letters,
// its neighbours and the two tags before it; frequent unambiguous words from a dictionary), run
// twice: the second pass also sees the first pass's tags of the words after it, and decides again
// the words whose first-pass tag won by a small margin. Then
// one morphological classifier per word whose columns hold every attribute's values, each
// attribute decided on its own among those the word's tag takes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detail/sentence_syntax.hpp"
#include "detail/syntax_model.hpp"

namespace presslens::detail {

// The features for the tag of word `i`, reading the tags of the words before it.
void tag_features(const SentenceSyntax& sentence, std::size_t i, std::vector<std::uint64_t>& out);
// The second pass's features for word `i`: the first pass's, and the tags (of the first pass) of
// the words after it.
void second_pass_features(const SentenceSyntax& sentence, std::size_t i,
                          std::vector<std::uint64_t>& out);
// The features for the morphology of word `i`, reading every word's tag.
void morph_features(const SentenceSyntax& sentence, std::size_t i, std::vector<std::uint64_t>& out);

// One pass of the tagger over sentence.tags. The second pass overwrites the first's tags in
// place, left to right: before word i they are its own, from i on the first pass's.
void tag_pass(const SyntaxModel& model, bool second, SentenceSyntax& sentence);
// Fills sentence.tags: both passes.
void tag_sentence(const SyntaxModel& model, SentenceSyntax& sentence);
// Fills sentence.morph, sentence.morph_keys and sentence.known from the tags: a known word whose
// analysis never varied in training keeps it; the classifier decides the others.
void analyse_morphology(const SyntaxModel& model, SentenceSyntax& sentence);
// The key of word `i`'s analysis (its tag and attribute values), for the later stages' features.
std::uint64_t morph_key(const SyntaxModel& model, const SentenceSyntax& sentence, std::size_t i);

// Word `i`'s FEATS in UD's notation ("Mood=Ind|Tense=Past"; empty, not "_", for none).
void write_feats(const SyntaxModel& model, const SentenceSyntax& sentence, std::size_t i,
                 std::string& out);

}  // namespace presslens::detail
