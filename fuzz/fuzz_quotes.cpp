// libFuzzer target for the quote pairer and attribution: each input byte picks a piece of text
// (quotation marks of every family, apostrophes, speech verbs, names, punctuation, line breaks),
// so the fuzzer explores nestings and attributions that random bytes almost never spell. The
// first byte picks the language and whether the page's structure is detected.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document_invariants.hpp"

namespace {

constexpr std::string_view kPieces[] = {"\"",
                                        "“",
                                        "”",
                                        "‘",
                                        "’",
                                        "«",
                                        "»",
                                        "„",
                                        "‚",
                                        "‹",
                                        "›",
                                        "「",
                                        "」",
                                        "『",
                                        "』",
                                        "'",
                                        "`",
                                        "''",
                                        " ",
                                        " ",
                                        "\n",
                                        "\n\n",
                                        ".",
                                        ",",
                                        ":",
                                        " — ",
                                        "?",
                                        "!",
                                        "said",
                                        " he said",
                                        " she said",
                                        "Anna Ruiz",
                                        "the minister",
                                        " told reporters",
                                        " that ",
                                        "according to",
                                        " a doctor,",
                                        "dit-elle",
                                        " a déclaré",
                                        "sagte er",
                                        "说",
                                        "と述べた",
                                        "so-called",
                                        "the report",
                                        "word",
                                        "words here",
                                        "It's",
                                        "(",
                                        ")"};

constexpr std::array<const char*, 6> kLanguages = {"en", "fr", "de", "es", "zh", "ja"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const auto analyzers = [] {
    std::vector<presslens::Analyzer> made;  // language by language, without and with structure
    for (const char* lang : kLanguages) {
      for (const bool structure : {false, true}) {
        presslens::Options options;
        options.lang = lang;
        options.detect_structure = structure;
        made.emplace_back(options);
      }
    }
    return made;
  }();
  std::string text;
  for (std::size_t i = 1; i < size; ++i) text += kPieces[data[i] % std::size(kPieces)];
  const auto& analyzer = analyzers[data[0] % analyzers.size()];
  presslens::testing::abort_on_violation(analyzer.analyze(text));
  return 0;
}
