// libFuzzer target for the language-pack loader: the input becomes a user's lexicon file (the
// first byte picks which list, the second the language), loaded through Options::pack_dir as a
// user would; loading either fails with LanguagePackError or gives an analyzer whose documents
// keep every offset invariant. Covers word lists, switches and the claim model's weights.
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "document_invariants.hpp"

namespace {

constexpr std::array<std::string_view, 16> kLists = {"abbreviations",
                                                     "title_abbreviations",
                                                     "number_abbreviations",
                                                     "sentence_starters",
                                                     "sentence_options",
                                                     "quote_continuations",
                                                     "stopwords",
                                                     "speech_verbs",
                                                     "determiners",
                                                     "speech_auxiliaries",
                                                     "title_cues",
                                                     "byline_prefixes",
                                                     "months",
                                                     "claim_cues",
                                                     "claim_model",
                                                     "word_frequencies"};

constexpr std::array<const char*, 6> kLanguages = {"en", "fr", "de", "es", "zh", "ja"};

constexpr std::string_view kArticle =
    "Harbour City Ledger\n\nPort strike ends after 18 days\n\nBy Jane Doe | 2026-04-24 10:00\n\n"
    "\"We won time, not the war,\" said Rafael Núñez, the union's leader. The deal, which "
    "the so-called \"Harbour Compact\" sets out, raises pay by 4.5% and will run until 2031. "
    "Dr. Weber told reporters that prices rose by 3% because the port closed.\n\n"
    "Jane Doe is a reporter for the Ledger.";

std::filesystem::path scratch_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "presslens-fuzz-XXXXXX");
  if (!mkdtemp(pattern.data())) std::abort();
  return pattern;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const std::filesystem::path folder = scratch_folder();
  const std::filesystem::path file =
      folder / (std::string(kLists[data[0] % kLists.size()]) + ".txt");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directory(folder);
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(data + 2), static_cast<std::streamsize>(size - 2));
  presslens::Options options;
  options.lang = kLanguages[data[1] % kLanguages.size()];
  options.pack_dir = folder;
  try {
    const presslens::Analyzer analyzer(options);
    presslens::testing::abort_on_violation(analyzer.analyze(kArticle));
  } catch (const presslens::LanguagePackError&) {
    // A malformed file is refused with an error naming it: what the loader must do.
  }
  return 0;
}
