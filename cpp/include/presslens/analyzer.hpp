// The Analyzer: runs the pipeline stages over a text and returns the Document.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/claims.hpp"
#include "presslens/document.hpp"
#include "presslens/html.hpp"
#include "presslens/keywords.hpp"
#include "presslens/language.hpp"
#include "presslens/language_id.hpp"
#include "presslens/paragraphs.hpp"
#include "presslens/quotes.hpp"
#include "presslens/sentences.hpp"
#include "presslens/structure.hpp"
#include "presslens/syntax.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

// Options::lang for texts of any language: each is identified (LanguageIdentifier::builtin()) and
// read with its language's pack.
inline constexpr std::string_view kAutoLanguage = "auto";

struct Options {
  // BCP 47 code of the text's language ("en", "fr", "zh-Hant", ...), or kAutoLanguage. Languages
  // without a built-in pack get ICU's rules for that locale and empty word lists.
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
  // Throws InvalidArgument for a malformed language code (or "auto" with a pack folder),
  // LanguagePackError for bad pack files.
  explicit Analyzer(Options options = {});

  const Options& options() const noexcept { return options_; }
  const LanguagePack& language() const noexcept { return language_; }

  // Analyses one text or HTML page (Options::format). Throws InvalidUtf8 (strict policy) or
  // InvalidArgument (text larger than kMaxTextBytes). Empty text gives an empty, valid document.
  // With kAutoLanguage, the document's lang() is the language found (its lang_confidence() says
  // how sure), and the analyzer of that language read it.
  Document analyze(std::string_view text) const;

  // The analyzer that reads documents in `lang`: this one, unless it is automatic (then the one it
  // keeps for that language, made on first need). Keywords, keyphrases and claim features of a
  // document go through the analyzer of its language.
  const Analyzer& for_language(std::string_view lang) const;

  // Analyses many texts on `threads` worker threads (0: one per core), returning the documents in
  // input order, identical to calling analyze() on each. If any text fails, the exception of the
  // first failing text (in input order) is thrown after every worker has stopped.
  std::vector<Document> analyze_batch(std::span<const std::string_view> texts,
                                      unsigned threads = 0) const;

  // Term counts and keyphrases of a document this analyzer made (see keywords.hpp).
  std::vector<Keyword> keywords(const Document& document,
                                const KeywordOptions& options = {}) const {
    return for_language(document.lang()).keywords_.count(document, options);
  }
  // The key a phrase is counted under in this analyzer's language (KeywordExtractor::phrase_key).
  std::string phrase_key(std::string_view phrase) const { return keywords_.phrase_key(phrase); }
  std::vector<Keyword> keyphrases(const Document& document, std::size_t top = 10) const {
    const Analyzer& analyzer = for_language(document.lang());
    return analyzer.keywords_.keyphrases(document, top,
                                         document.has_syntax() ? &analyzer.syntax_ : nullptr);
  }
  const Tokenizer& tokenizer() const noexcept { return tokenizer_; }
  const SyntaxParser& syntax() const noexcept { return syntax_; }
  const ClaimScorer& claims() const noexcept { return claims_; }

 private:
  class LanguageAnalyzers;

  void key_tokens(Document& document) const;
  // The analysis proper, of a valid text (or a page's text, with its markup's evidence).
  Document read(PageInput input, std::size_t replacements,
                std::optional<double> lang_confidence) const;

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
  // Only for kAutoLanguage; copies of the analyzer share it.
  std::shared_ptr<LanguageAnalyzers> by_language_;
};

}  // namespace presslens
