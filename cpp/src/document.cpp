#include "presslens/document.hpp"

#include <mutex>
#include <utility>

namespace presslens {

struct Document::LazySyntax {
  explicit LazySyntax(SyntaxParser parser) : parser(std::move(parser)) {}
  SyntaxParser parser;
  std::once_flag once;
  Syntax syntax;
};

void Document::defer_syntax(const SyntaxParser& parser) {
  lazy_syntax_ = std::make_shared<LazySyntax>(parser);
}

const Syntax& Document::syntax() const {
  static const Syntax kNone;
  if (!lazy_syntax_) return kNone;
  LazySyntax& lazy = *lazy_syntax_;
  std::call_once(lazy.once, [&] { lazy.syntax = lazy.parser.parse(*this); });
  return lazy.syntax;
}

Document::Document(std::string text, std::string lang, std::size_t replacements)
    : text_(std::move(text)),
      lang_(std::move(lang)),
      replacements_(replacements),
      offsets_(text_) {}

}  // namespace presslens
