// The Analyzer: runs the pipeline stages over a text and returns the Document.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/claims.hpp"
#include "presslens/document.hpp"
#include "presslens/html.hpp"
#include "presslens/keywords.hpp"
#include "presslens/language.hpp"
#include "presslens/paragraphs.hpp"
#include "presslens/quotes.hpp"
#include "presslens/sentences.hpp"
#include "presslens/structure.hpp"
#include "presslens/syntax.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

struct Options {
  // BCP 47 code of the text's language ("en", "fr", "zh-Hant", ...). Languages without a built-in
  // pack get ICU's rules for that locale and empty word lists.
  std::string lang = "en";
  Utf8Policy utf8_policy = Utf8Policy::kStrict;
  // A folder of the user's own lexicon files (<list>.txt); each replaces the built-in list of that
  // name. Empty: the built-in pack alone.
  std::filesystem::path pack_dir;
  // Find the article inside the page (title, byline, body, bio, chrome). Off: every paragraph is
  // body, for clean text.
  bool detect_structure = true;
  // Later stages can be left out when only the earlier layers are wanted: without tokens there
  // are no quotes, claims or keywords either.
  bool tokens = true;
  // Part of speech, lemmas, morphology and dependencies, where the language has a syntax model.
  bool syntax = true;
  bool quotes = true;
  bool claims = true;
  // Plain text, an HTML page (read with read_html: its visible text is the document's text), or
  // either, told by looks_like_html.
  InputFormat format = InputFormat::kAuto;
};

// Immutable after construction and safe to share between threads.
class Analyzer {
 public:
  // Throws InvalidArgument for a malformed language code, LanguagePackError for bad pack files.
  explicit Analyzer(Options options = {});

  const Options& options() const noexcept { return options_; }
  const LanguagePack& language() const noexcept { return language_; }

  // Analyses one text or HTML page (Options::format). Throws InvalidUtf8 (strict policy) or
  // InvalidArgument (text larger than kMaxTextBytes). Empty text gives an empty, valid document.
  Document analyze(std::string_view text) const;

  // Analyses many texts on `threads` worker threads (0: one per core), returning the documents in
  // input order, identical to calling analyze() on each. If any text fails, the exception of the
  // first failing text (in input order) is thrown after every worker has stopped.
  std::vector<Document> analyze_batch(std::span<const std::string_view> texts,
                                      unsigned threads = 0) const;

  // Term counts and keyphrases of a document this analyzer made (see keywords.hpp).
  std::vector<Keyword> keywords(const Document& document,
                                const KeywordOptions& options = {}) const {
    return keywords_.count(document, options);
  }
  std::vector<Keyword> keyphrases(const Document& document, std::size_t top = 10) const {
    return keywords_.keyphrases(document, top);
  }
  const Tokenizer& tokenizer() const noexcept { return tokenizer_; }
  const SyntaxParser& syntax() const noexcept { return syntax_; }
  const ClaimScorer& claims() const noexcept { return claims_; }

 private:
  void key_tokens(Document& document) const;

  Options options_;
  LanguagePack language_;
  ParagraphSplitter paragraphs_;
  StructureParser structure_;
  SentenceSplitter sentences_;
  Tokenizer tokenizer_;
  SyntaxParser syntax_;
  QuoteFinder quotes_;
  ClaimScorer claims_;
  KeywordExtractor keywords_;
};

}  // namespace presslens
