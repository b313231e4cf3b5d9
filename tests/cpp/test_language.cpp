#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "presslens/error.hpp"
#include "presslens/language.hpp"

namespace presslens {
namespace {

namespace fs = std::filesystem;

bool contains(const std::vector<std::string>& list, const std::string& entry) {
  return std::find(list.begin(), list.end(), entry) != list.end();
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("presslens-test-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& contents) const {
    std::ofstream(path_ / name, std::ios::binary) << contents;
  }

 private:
  fs::path path_;
};

TEST(ParseLexicon, SkipsCommentsAndBlankLinesAndTrims) {
  const auto entries = parse_lexicon("# comment\n\n  Mr.  \r\nDr.\n according to \n", "test");
  EXPECT_EQ(entries, (std::vector<std::string>{"Mr.", "Dr.", "according to"}));
  EXPECT_TRUE(parse_lexicon("", "empty").empty());
}

TEST(ParseLexicon, RejectsInvalidUtf8WithItsLine) {
  try {
    parse_lexicon("ok\nalso ok\nbad \xC3\n", "list.txt");
    FAIL() << "expected LanguagePackError";
  } catch (const LanguagePackError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kLanguagePack);
    EXPECT_NE(std::string(error.what()).find("line 3"), std::string::npos) << error.what();
  }
}

TEST(LanguagePack, BuiltinPacksAreEmbedded) {
  const auto languages = LanguagePack::builtin_languages();
  for (const char* code : {"de", "en", "es", "fr", "ja", "zh"}) {
    EXPECT_TRUE(contains(languages, code)) << code;
  }
  const auto english = LanguagePack::builtin("en");
  EXPECT_TRUE(english.has_builtin_data());
  EXPECT_TRUE(contains(english.list("title_abbreviations"), "Mr."));
  EXPECT_TRUE(contains(english.list("abbreviations"), "e.g."));
  EXPECT_TRUE(contains(english.list("sentence_starters"), "The"));
  EXPECT_TRUE(contains(LanguagePack::builtin("ja").list("quote_continuations"), "と"));
  EXPECT_TRUE(english.list("no_such_list").empty());
}

TEST(LanguagePack, RegionalCodesUseThePrimaryLanguage) {
  const auto british = LanguagePack::builtin("en-GB");
  EXPECT_EQ(british.code(), "en-GB");
  EXPECT_EQ(british.language(), "en");
  EXPECT_TRUE(british.has_builtin_data());
  EXPECT_EQ(LanguagePack::builtin("FR_ca").language(), "fr");
}

TEST(LanguagePack, UnknownLanguagesGiveAnEmptyPack) {
  const auto italian = LanguagePack::builtin("it");
  EXPECT_FALSE(italian.has_builtin_data());
  EXPECT_TRUE(italian.list("abbreviations").empty());
}

TEST(LanguagePack, MalformedCodesAreRejected) {
  for (const char* code : {"", "e", "english", "../en", "en/../../etc", "en-", "en--GB", "en GB",
                           "en-toolongsubtag", "12"}) {
    EXPECT_THROW(LanguagePack::builtin(code), InvalidArgument) << code;
  }
}

TEST(LanguagePack, UserFilesReplaceBuiltinLists) {
  TempDir dir;
  dir.write("abbreviations.txt", "# ours\nAbbr.\n");
  dir.write("speech_verbs.txt", "quipped\n");
  dir.write("ignored.csv", "not a lexicon\n");
  auto pack = LanguagePack::builtin("en");
  pack.load_directory(dir.path());
  EXPECT_EQ(pack.list("abbreviations"), std::vector<std::string>{"Abbr."});
  EXPECT_EQ(pack.list("speech_verbs"), std::vector<std::string>{"quipped"});
  EXPECT_FALSE(contains(pack.list_names(), "ignored"));

  pack.set_list("abbreviations", {"Xyz."});
  EXPECT_EQ(pack.list("abbreviations"), std::vector<std::string>{"Xyz."});
  EXPECT_THROW(pack.set_list("../escape", {}), InvalidArgument);
}

// Built-in lists are parsed once and shared: a pack's own changes never reach another pack, and
// packs made on several threads at once see the same lists (ThreadSanitizer checks the cache).
TEST(LanguagePack, BuiltinListsAreSharedButNeverChangedThroughAPack) {
  auto changed = LanguagePack::builtin("en");
  changed.set_list("stopwords", {"only"});
  EXPECT_EQ(changed.list("stopwords"), std::vector<std::string>{"only"});
  const auto fresh = LanguagePack::builtin("en");
  EXPECT_GT(fresh.list("stopwords").size(), 100u);

  std::vector<std::size_t> sizes(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    threads.emplace_back([&sizes, i] {
      sizes[i] = LanguagePack::builtin(i % 2 ? "fr" : "en").list("stopwords").size();
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 2; i < sizes.size(); ++i) EXPECT_EQ(sizes[i], sizes[i % 2]);
  EXPECT_EQ(sizes[0], fresh.list("stopwords").size());
}

TEST(LanguagePack, BadFilesGiveClearErrors) {
  TempDir dir;
  auto pack = LanguagePack::builtin("en");
  EXPECT_THROW(pack.load_directory(dir.path() / "missing"), LanguagePackError);
  EXPECT_THROW(pack.load_list("abbreviations", dir.path() / "missing.txt"), LanguagePackError);
  dir.write("broken.txt", "fine\n\xFF\n");
  EXPECT_THROW(pack.load_list("broken", dir.path() / "broken.txt"), LanguagePackError);
}

}  // namespace
}  // namespace presslens
