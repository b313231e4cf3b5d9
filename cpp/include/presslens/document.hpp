// The analysed document: the text it owns and one layer per pipeline stage. Layers hold byte
// spans into text(), never copies of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/claims.hpp"
#include "presslens/html.hpp"
#include "presslens/paragraphs.hpp"
#include "presslens/quotes.hpp"
#include "presslens/sentences.hpp"
#include "presslens/structure.hpp"
#include "presslens/syntax.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"

namespace presslens {

class Analyzer;

class Document {
 public:
  Document() = default;
  // `text` must be valid UTF-8 of at most kMaxTextBytes bytes; `replacements` says how many
  // U+FFFD were substituted into it (see Utf8Policy::kReplace).
  Document(std::string text, std::string lang, std::size_t replacements = 0);

  // The analysed text: the input itself, or the input with U+FFFD substituted under
  // Utf8Policy::kReplace. Every span refers to this text.
  std::string_view text() const noexcept { return text_; }
  std::string_view text(Span span) const { return text().substr(span.begin, span.size()); }
  const std::string& lang() const noexcept { return lang_; }
  // For a language found by an automatic analyzer (kAutoLanguage): the identifier's probability
  // for it; nothing when the language was given.
  std::optional<double> lang_confidence() const noexcept { return lang_confidence_; }
  // For a document read from HTML (InputFormat::kHtml, or detected): the page's metadata and the
  // map from text() back to the HTML; null for plain text.
  const HtmlSource* html() const noexcept { return html_.get(); }
  std::size_t replacements() const noexcept { return replacements_; }

  // Offset conversion for bindings and reports (O(1) each).
  std::uint32_t to_code_points(std::uint32_t byte) const noexcept {
    return offsets_.to_code_points(text_, byte);
  }
  std::uint32_t to_bytes(std::uint32_t code_point) const noexcept {
    return offsets_.to_bytes(text_, code_point);
  }
  std::uint32_t code_point_count() const noexcept { return offsets_.code_point_count(); }

  // Every paragraph of the page, chrome included; structure().roles says which is which.
  const std::vector<Paragraph>& paragraphs() const noexcept { return paragraphs_; }
  const Structure& structure() const noexcept { return structure_; }
  // The sentences of the body paragraphs.
  const std::vector<Sentence>& sentences() const noexcept { return sentences_; }
  // The tokens of the title (sentence kNoSentence) and of the body's sentences, in text order.
  const std::vector<Token>& tokens() const noexcept { return tokens_; }
  // The key of a token of this document (Tokenizer::key of its text), computed once per form.
  const std::string& key(const Token& token) const noexcept { return keys_[token.key]; }
  // The distinct keys of the document's tokens (Token::key indexes them).
  const std::vector<std::string>& keys() const noexcept { return keys_; }
  // Whether the document has a syntax layer (a model for the language, and Options::syntax on).
  bool has_syntax() const noexcept { return lazy_syntax_ != nullptr; }
  // Words with part of speech, lemma, morphology and dependencies; noun chunks and names (empty
  // without a syntax layer). Made the first time it is asked for, so that analyses that never read
  // it (keywords, a corpus) do not pay for it; safe to call from any number of threads at once.
  const Syntax& syntax() const;
  // Quotations and reported speech in the body, in text order.
  const std::vector<Quote>& quotes() const noexcept { return quotes_.quotes; }
  // One claim reading per sentence (Claim::is_claim marks the claims).
  const std::vector<Claim>& claims() const noexcept { return claims_; }
  // Byte offsets of quotation marks that found no partner.
  const std::vector<std::uint32_t>& unpaired_quote_marks() const noexcept {
    return quotes_.unpaired_marks;
  }

 private:
  friend class Analyzer;

  std::string text_;
  std::string lang_;
  std::size_t replacements_ = 0;
  std::optional<double> lang_confidence_;
  std::shared_ptr<const HtmlSource> html_;
  OffsetMap offsets_;
  std::vector<Paragraph> paragraphs_;
  Structure structure_;
  std::vector<Sentence> sentences_;
  std::vector<Token> tokens_;
  std::vector<std::string> keys_;  // one per distinct token text
  // Gives the document a syntax layer that `parser` makes on first use.
  void defer_syntax(const SyntaxParser& parser);

  // The syntax layer, made once on first use and shared by copies of the document.
  struct LazySyntax;
  std::shared_ptr<LazySyntax> lazy_syntax_;
  Quotes quotes_;
  std::vector<Claim> claims_;
};

}  // namespace presslens
