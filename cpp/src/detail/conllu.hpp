// Reading CoNLL-U (https://universaldependencies.org/format.html), the format of the Universal
// Dependencies treebanks the syntax models are trained on. Only what training needs is kept: the
// syntactic words (integer ids) with their annotation, the multiword tokens over them and each
// sentence's text. Empty nodes (decimal ids) are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presslens::detail {

struct ConlluWord {
  std::string form, lemma, upos, feats, deprel;
  std::uint32_t head = 0;   // 1-based; 0 for the root
  bool space_after = true;  // false for SpaceAfter=No
};

struct ConlluMultiword {
  std::uint32_t first = 0, last = 0;  // 0-based indices of its first and last word
  std::string form;
  bool space_after = true;
};

struct ConlluSentence {
  std::string text;  // the "# text =" comment
  std::vector<ConlluWord> words;
  std::vector<ConlluMultiword> multiwords;
};

// Throws LanguagePackError naming the line for a malformed word line.
std::vector<ConlluSentence> read_conllu(std::string_view text);

}  // namespace presslens::detail
