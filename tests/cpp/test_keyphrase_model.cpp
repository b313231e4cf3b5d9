// The keyphrase ranker: its scores, the keys it learns against, how it is trained and replaced.
// The stories are our own.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"
#include "presslens/keywords.hpp"

namespace presslens {
namespace {

const std::string kFloodWall =
    "Harbour council approves flood wall\n\n"
    "The harbour council approved the flood wall on Tuesday. Councillors approved the budget "
    "quickly, and the mayor approved the tender for the flood wall.\n\n"
    "Residents had asked for the flood wall after the winter storms flooded the seafront twice. "
    "Engineers surveyed the seafront and the old harbour wall.\n\n"
    "The wall will cost 4 million euros, and the council approved a loan for it.";

const std::string kFerry =
    "Island ferry operator orders electric vessels\n\n"
    "The island ferry operator has ordered two battery-powered vessels, which it says will halve "
    "the route's fuel bill. The electric vessels are due in service in 2027.\n\n"
    "The vessels will charge at both ends of the crossing. Home owners on the island hoped the "
    "quieter ferry would mean fewer complaints about noise at the pier.";

const std::string kLibrary =
    "City library extends its opening hours\n\n"
    "The city library will open until ten in the evening from March, the library board said. "
    "Students had asked for longer opening hours during the exam season.\n\n"
    "The board will pay for the extra hours from the reading room budget, and volunteers will "
    "staff the library on Sundays.";

std::vector<KeyphraseExample> examples() {
  return {
      {kFloodWall, "en", {"flood wall", "harbour council", "seafront"}},
      {kFerry, "en", {"electric vessels", "ferry operator", "island"}},
      {kLibrary, "en", {"library", "opening hours", "library board"}},
      {kFloodWall + "\n\nThe work starts in May.", "en", {"flood wall", "storms"}},
  };
}

TEST(KeyphraseModel, ScoresAreProbabilitiesBestFirst) {
  const Analyzer analyzer;
  const auto phrases = analyzer.keyphrases(analyzer.analyze(kFloodWall), 10);
  ASSERT_EQ(phrases.size(), 10u);
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    EXPECT_GT(phrases[i].score, 0.0) << phrases[i].key;
    EXPECT_LT(phrases[i].score, 1.0) << phrases[i].key;
    EXPECT_EQ(phrases[i].ranked_by, Ranking::kModel);
    if (i > 0) {
      EXPECT_LE(phrases[i].score, phrases[i - 1].score) << phrases[i].key;
    }
  }
  for (const char* key : {"flood", "wall", "council", "seafront"}) {
    EXPECT_NE(std::find_if(phrases.begin(), phrases.end(),
                           [&](const Keyword& k) { return k.key == key; }),
              phrases.end())
        << key;
  }
}

// A language without a pack has no background frequencies: the rules rank, and say so.
TEST(KeyphraseModel, ALanguageWithoutAPackKeepsTheRules) {
  Options options;
  options.lang = "ru";
  const Analyzer analyzer(options);
  const auto phrases = analyzer.keyphrases(
      analyzer.analyze("Правительство утвердило новый бюджет. Министр финансов защищал бюджет."),
      5);
  ASSERT_FALSE(phrases.empty());
  for (const Keyword& k : phrases) EXPECT_EQ(k.ranked_by, Ranking::kRules) << k.key;
  const auto counted = analyzer.keywords(analyzer.analyze("Бюджет утвердили."));
  ASSERT_FALSE(counted.empty());
  EXPECT_EQ(counted.front().ranked_by, Ranking::kNone);
  EXPECT_STREQ(to_string(Ranking::kModel), "model");
}

TEST(KeyphraseModel, PhraseKeysAreTheKeysCountingUses) {
  const Analyzer analyzer;
  EXPECT_EQ(analyzer.phrase_key("Oil spills"), "oil spill");
  EXPECT_EQ(analyzer.phrase_key("China's leaders"), "china leader");
  EXPECT_EQ(analyzer.phrase_key("Secretary of State"), "secretari of state");  // stopword kept
  EXPECT_EQ(analyzer.phrase_key("  "), "");
  EXPECT_THROW(analyzer.phrase_key("flood \xff wall"), InvalidUtf8);
  const auto counted = analyzer.keywords(analyzer.analyze(kFloodWall));
  const std::string key = analyzer.phrase_key("Flood walls");
  EXPECT_NE(
      std::find_if(counted.begin(), counted.end(), [&](const Keyword& k) { return k.key == key; }),
      counted.end());
}

TEST(KeyphraseTraining, LearnsDeterministicallyAndReplacesTheModelThroughPackDir) {
  KeyphraseTrainingOptions options;
  options.folds = 2;
  const KeyphraseTraining trained = train_keyphrase_model(examples(), options);
  EXPECT_EQ(trained.documents, 4u);
  EXPECT_GT(trained.candidates, trained.positives);
  EXPECT_GE(trained.positives, 8u);
  EXPECT_GE(trained.cv_precision_at_10, 0.0);
  EXPECT_LE(trained.cv_precision_at_10, 1.0);
  EXPECT_EQ(trained.model, train_keyphrase_model(examples(), options).model);

  const auto dir = std::filesystem::temp_directory_path() / "presslens_keyphrase_model_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "keyphrases.model", std::ios::binary) << trained.model;
  Options with_pack;
  with_pack.pack_dir = dir;
  const Analyzer own(with_pack);
  const Analyzer builtin;
  const auto own_phrases = own.keyphrases(own.analyze(kLibrary), 5);
  const auto builtin_phrases = builtin.keyphrases(builtin.analyze(kLibrary), 5);
  ASSERT_FALSE(own_phrases.empty());
  EXPECT_NE(own_phrases.front().score, builtin_phrases.front().score);
  std::filesystem::remove_all(dir);
}

TEST(KeyphraseTraining, RefusesBadInput) {
  KeyphraseTrainingOptions one_fold;
  one_fold.folds = 1;
  EXPECT_THROW(train_keyphrase_model(examples(), one_fold), InvalidArgument);
  const std::vector<KeyphraseExample> unmatched = {{kFerry, "en", {"zeppelin"}}};
  EXPECT_THROW(train_keyphrase_model(unmatched), InvalidArgument);
  const std::vector<KeyphraseExample> broken = {{kFerry + "\xff", "en", {"ferry"}}};
  EXPECT_THROW(train_keyphrase_model(broken), InvalidUtf8);
}

TEST(KeyphraseModel, CorruptModelFilesAreRefused) {
  KeyphraseTrainingOptions options;
  options.folds = 2;
  const std::string model = train_keyphrase_model(examples(), options).model;
  const auto dir = std::filesystem::temp_directory_path() / "presslens_keyphrase_model_corrupt";
  std::filesystem::create_directories(dir);
  const auto file = dir / "keyphrases.model";
  // Every cut of the file, and bytes after its end, give an error, never a read past its end.
  for (std::size_t size = 0; size < model.size(); size += 1 + model.size() / 64) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << model.substr(0, size);
    LanguagePack pack = LanguagePack::builtin("en");
    pack.load_model("keyphrases", file);
    EXPECT_THROW((KeywordExtractor{pack, Tokenizer(pack)}), LanguagePackError) << size;
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << model << "x";
  LanguagePack pack = LanguagePack::builtin("en");
  pack.load_model("keyphrases", file);
  EXPECT_THROW((KeywordExtractor{pack, Tokenizer(pack)}), LanguagePackError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace presslens
