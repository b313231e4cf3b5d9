// Lemmas: a word seen in training with its tag takes the lemma it had there ("went" VERB -> "go");
// any other word takes the best-scoring learned edit rule that applies to it, chosen from its tag,
// morphology and affixes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detail/sentence_syntax.hpp"
#include "detail/syntax_model.hpp"

namespace presslens::detail {

void lemma_features(const SentenceSyntax& sentence, std::size_t i, std::vector<std::uint64_t>& out);

// Word `i`'s lemma, by the model's rules only (not the known words), into `lemma`.
void lemma_by_rule(const SyntaxModel& model, SentenceSyntax& sentence, std::size_t i,
                   std::string& lemma);
// Word `i`'s lemma into `lemma`: its known word's when it has one (analyse_morphology looks them
// up), else lemma_by_rule.
void lemmatize(const SyntaxModel& model, SentenceSyntax& sentence, std::size_t i,
               std::string& lemma);

}  // namespace presslens::detail
