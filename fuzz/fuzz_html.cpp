// libFuzzer target: raw bytes read as an HTML page (invalid UTF-8 replaced), checking the
// document's offset invariants and the map back to the page.
#include <cstdint>
#include <string_view>

#include "document_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const presslens::Analyzer analyzer = [] {
    presslens::Options options;
    options.utf8_policy = presslens::Utf8Policy::kReplace;
    options.format = presslens::InputFormat::kHtml;
    return presslens::Analyzer(options);
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The map points into the page as analysed: the bytes with U+FFFD where they were invalid.
  const std::string page = presslens::replace_invalid_utf8(bytes).text;
  presslens::testing::abort_on_html_violation(analyzer.analyze(page), page);
  return 0;
}
