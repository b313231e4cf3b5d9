// libFuzzer target: the whole analyzer on raw bytes, under both UTF-8 policies, checking the
// offset invariants of every layer (sentences, tokens, quotes, structure) it produces.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "presslens/presslens.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

bool on_boundary(std::string_view text, std::uint32_t byte) {
  return byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
}

void check_document(const presslens::Document& doc) {
  const std::string_view text = doc.text();
  check(!presslens::find_invalid_utf8(text));
  std::uint32_t previous_end = 0;
  for (const auto& sentence : doc.sentences()) {
    const auto span = sentence.span;
    check(span.begin < span.end && span.end <= text.size() && previous_end <= span.begin);
    check(on_boundary(text, span.begin) && on_boundary(text, span.end));
    check(doc.to_bytes(doc.to_code_points(span.begin)) == span.begin);
    check(sentence.paragraph < doc.paragraphs().size());
    previous_end = span.end;
  }
  const auto valid = [&](presslens::Span span) {
    return span.begin <= span.end && span.end <= text.size() && on_boundary(text, span.begin) &&
           on_boundary(text, span.end);
  };
  for (const auto& token : doc.tokens()) check(valid(token.span) && !token.span.empty());
  for (const auto& quote : doc.quotes()) {
    check(valid(quote.span) && valid(quote.marks) && valid(quote.speaker) && valid(quote.cue));
  }
  for (const auto at : doc.unpaired_quote_marks()) check(at < text.size() && on_boundary(text, at));
  if (const auto& title = doc.structure().title) check(valid(*title));
  for (const auto& author : doc.structure().authors) check(valid(author));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const presslens::Analyzer strict;
  static const presslens::Analyzer replacing(
      presslens::Options{"en", presslens::Utf8Policy::kReplace, {}});
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check_document(strict.analyze(text));
  } catch (const presslens::InvalidUtf8& error) {
    check(error.byte_offset() && *error.byte_offset() < size);
  }
  check_document(replacing.analyze(text));
  return 0;
}
