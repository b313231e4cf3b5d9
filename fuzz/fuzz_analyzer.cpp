// libFuzzer target: the whole analyzer on raw bytes, under both UTF-8 policies, checking the
// offset invariants of every layer it produces.
#include <cstdint>
#include <string_view>

#include "document_checks.hpp"

using presslens::fuzz::check;
using presslens::fuzz::check_document;

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
