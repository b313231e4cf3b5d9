// libFuzzer target: the whole analyzer on raw bytes, under both UTF-8 policies, checking the
// offset invariants of every layer it produces.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "document_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const presslens::Analyzer strict;
  static const presslens::Analyzer replacing(
      presslens::Options{"en", presslens::Utf8Policy::kReplace, {}});
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    presslens::testing::abort_on_violation(strict.analyze(text));
  } catch (const presslens::InvalidUtf8& error) {
    if (!error.byte_offset() || *error.byte_offset() >= size) std::abort();
  }
  presslens::testing::abort_on_violation(replacing.analyze(text));
  return 0;
}
