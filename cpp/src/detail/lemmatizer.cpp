#include "detail/lemmatizer.hpp"

#include <limits>

namespace presslens::detail {
namespace {

enum LemmaTemplate : std::uint32_t {
  kTag = 200,
  kTagSuffix,  // + k
  kTagPrefix = kTagSuffix + WordFeatures::kAffixes,
  kTagShape = kTagPrefix + WordFeatures::kAffixes,
  kTagCapitalised,
  kAnalysis,
  kAnalysisSuffix,
  kTagHyphen,
};

}  // namespace

void lemma_features(const SentenceSyntax& sentence, std::size_t i,
                    std::vector<std::uint64_t>& out) {
  out.clear();
  const WordFeatures& w = sentence.lexical[i];
  const std::uint64_t tag = sentence.tags[i] + 1u;
  out.push_back(feature(kTag, tag));
  for (std::size_t k = 0; k < WordFeatures::kAffixes; ++k) {
    out.push_back(feature(kTagSuffix + static_cast<std::uint32_t>(k), tag, w.suffix[k]));
  }
  for (std::size_t k = 0; k < 3; ++k) {
    out.push_back(feature(kTagPrefix + static_cast<std::uint32_t>(k), tag, w.prefix[k]));
  }
  out.push_back(feature(kTagShape, tag, w.shape));
  out.push_back(feature(kTagCapitalised, tag, w.capitalised));
  out.push_back(feature(kAnalysis, sentence.morph_keys[i]));
  out.push_back(feature(kAnalysisSuffix, sentence.morph_keys[i], w.suffix[2]));
  out.push_back(feature(kTagHyphen, tag, w.has_hyphen));
}

void lemma_by_rule(const SyntaxModel& model, SentenceSyntax& sentence, std::size_t i,
                   std::string& lemma) {
  const std::string_view form = sentence.forms[i];
  fold_case(form, sentence.folded);
  lemma_features(sentence, i, sentence.features);
  sentence.scores.assign(model.lemmatizer.width(), 0);
  model.lemmatizer.add_scores(sentence.features, sentence.scores);
  // The best rule that fits the word: a rule that strips more than the word has is passed over.
  for (std::size_t tries = 0; tries < sentence.scores.size(); ++tries) {
    const int best = best_class(sentence.scores);
    if (model.lemma_rules[static_cast<std::size_t>(best)].apply(form, sentence.folded, lemma)) {
      return;
    }
    sentence.scores[static_cast<std::size_t>(best)] = std::numeric_limits<std::int32_t>::min();
  }
  lemma.assign(form);
}

void lemmatize(const SyntaxModel& model, SentenceSyntax& sentence, std::size_t i,
               std::string& lemma) {
  if (const KnownWord* known = sentence.known[i]) {
    lemma.assign(known->lemma.empty() ? sentence.forms[i] : std::string_view(known->lemma));
    return;
  }
  lemma_by_rule(model, sentence, i, lemma);
}

}  // namespace presslens::detail
