// Part of speech and morphology: a greedy left-to-right tagger (each word's UPOS from its letters,
// its neighbours and the two tags before it; frequent unambiguous words from a dictionary), then
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
// The features for the morphology of word `i`, reading every word's tag.
void morph_features(const SentenceSyntax& sentence, std::size_t i, std::vector<std::uint64_t>& out);

// Fills sentence.tags.
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
