// Keywords: counts of normalised terms and n-grams over a document's title and body, and ranked
// keyphrases.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/syntax.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

class Document;

namespace detail {
class KeywordResources;
}

// Which words count, with regard to quotations (the marked quotes of Document::quotes()).
enum class QuotedMatter : std::uint8_t { kInclude, kExclude, kOnly };

struct KeywordOptions {
  std::uint32_t min_words = 1;  // n-gram sizes counted
  std::uint32_t max_words = 3;
  bool stem = true;            // Snowball stems ("relations" and "relation" count as one)
  bool names = true;           // capitalised names longer than max_words count whole
  bool compound_parts = true;  // "Japan-China" also counts "japan" and "china"
  // Count the writer's words and the quoted ones (kInclude), only the writer's (kExclude) or
  // only the quoted (kOnly). Reported speech without marks counts as the writer's.
  QuotedMatter quoted = QuotedMatter::kInclude;
};

struct Keyword {
  std::string key;  // the normalised words (stemmed when asked), joined by single spaces
  Span first;       // where it first occurs
  std::uint32_t count = 0;
  std::uint32_t words = 0;
  double score = 0;  // keyphrase score (keyphrases() only)
};

// Counts terms and ranks keyphrases. Words are keyed by Tokenizer::key; stopwords (the pack's
// stopwords.txt) are never counted alone and never begin or end an n-gram; n-grams never cross a
// sentence or a punctuation mark. Immutable; serves any number of threads.
class KeywordExtractor {
 public:
  KeywordExtractor(const LanguagePack& language, Tokenizer tokenizer);

  // Every term of the document, most frequent first (ties: earliest first).
  std::vector<Keyword> count(const Document& document, const KeywordOptions& options = {}) const;

  // The `top` keyphrases, best first: candidates are the n-grams and names above, scored by how
  // rare their words are in general language (background frequencies, wordfreq), how often and
  // how early they occur (the title counts most), and, for phrases, how often they recur as a
  // whole; a phrase inside a better-ranked phrase is left out, and a name, a compound or a phrase
  // holding every occurrence of a word stands for that word. See docs/keywords.md.
  // With a `grammar` (the document's language's tagger), a candidate must be a noun phrase or a
  // name in at least one of its occurrences: no verb, adverb, pronoun or determiner heads it.
  std::vector<Keyword> keyphrases(const Document& document, std::size_t top = 10,
                                  const SyntaxParser* grammar = nullptr) const;

  bool is_stopword(std::string_view key) const;

 private:
  Tokenizer tokenizer_;
  std::shared_ptr<const detail::KeywordResources> resources_;
};

}  // namespace presslens
