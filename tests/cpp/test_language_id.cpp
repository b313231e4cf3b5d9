#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "document_invariants.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/language_id.hpp"

namespace presslens {
namespace {

std::string identify(std::string_view text) {
  return LanguageIdentifier::builtin().identify(text).lang;
}

TEST(LanguageIdentifier, NewsSentencesInManyLanguages) {
  EXPECT_EQ(identify("The council said on Tuesday that the harbour wall would be rebuilt."), "en");
  EXPECT_EQ(identify("Le conseil municipal a annoncé mardi que la digue serait reconstruite."),
            "fr");
  EXPECT_EQ(identify("Der Gemeinderat sagte am Dienstag, die Hafenmauer werde wieder aufgebaut."),
            "de");
  EXPECT_EQ(identify("El ayuntamiento dijo el martes que el muro del puerto será reconstruido."),
            "es");
  EXPECT_EQ(identify("市议会周二表示，港口的防波堤将在夏季重建。"), "zh");
  EXPECT_EQ(identify("市議会は火曜日、港の防波堤を夏に再建すると発表した。"), "ja");
  EXPECT_EQ(
      identify("Il consiglio comunale ha detto martedì che il muro del porto sarà ricostruito."),
      "it");
  EXPECT_EQ(identify("De gemeenteraad zei dinsdag dat de havenmuur in de zomer wordt herbouwd."),
            "nl");
  EXPECT_EQ(identify("Городской совет во вторник заявил, что стена гавани будет восстановлена."),
            "ru");
  EXPECT_EQ(identify("시의회는 화요일 항구 방파제를 여름에 재건하겠다고 밝혔다."), "ko");
  EXPECT_EQ(identify("Rada miasta poinformowała we wtorek, że mur portowy zostanie odbudowany."),
            "pl");
}

TEST(LanguageIdentifier, ConfidenceAndRanking) {
  const auto& identifier = LanguageIdentifier::builtin();
  EXPECT_EQ(identifier.languages().size(), 42u);
  const std::vector<LanguageGuess> ranked = identifier.rank(
      "Die Arbeiten beginnen im Mai, sagte der Bürgermeister, und dauern bis zum Herbst.");
  ASSERT_EQ(ranked.size(), 42u);
  EXPECT_EQ(ranked[0].lang, "de");
  EXPECT_GT(ranked[0].confidence, 0.95);
  double total = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    total += ranked[i].confidence;
    if (i > 0) {
      EXPECT_LE(ranked[i].confidence, ranked[i - 1].confidence);
    }
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  // A single short word is a weak guess.
  EXPECT_LT(identifier.identify("Mai").confidence, 0.9);
}

TEST(LanguageIdentifier, TextsWithoutLettersAndOddInput) {
  const auto& identifier = LanguageIdentifier::builtin();
  EXPECT_EQ(identifier.identify("").lang, "");
  EXPECT_EQ(identifier.identify("12 345 !!! 😀").confidence, 0.0);
  EXPECT_TRUE(identifier.rank("---").empty());
  // A long text is read in windows: bounded work, and the body's language wins over a menu.
  std::string page = "Home News Sport Weather Contact Login Subscribe Share\n";
  while (page.size() < 200'000) {
    page += "Die Arbeiten beginnen im Mai, sagte der Bürgermeister am Dienstag in Köln.\n";
  }
  EXPECT_EQ(identifier.identify(page).lang, "de");
  std::string letters(5'000'000, 'a');
  EXPECT_FALSE(identifier.identify(letters).lang.empty());
}

TEST(LanguageIdentifier, RejectsCorruptModels) {
  EXPECT_THROW(LanguageIdentifier(""), LanguagePackError);
  EXPECT_THROW(LanguageIdentifier("not a model at all"), LanguagePackError);
}

TEST(LanguageIdentifier, TrainsDeterministically) {
  const std::vector<WordFrequencies> languages = {
      {"aa", {{"the", 0.05}, {"and", 0.03}, {"harbour", 0.001}}},
      {"bb", {{"der", 0.05}, {"und", 0.03}, {"hafen", 0.001}}},
  };
  const std::string model = train_language_identifier(languages);
  EXPECT_EQ(model, train_language_identifier(languages));
  const LanguageIdentifier identifier(model);
  EXPECT_EQ(identifier.identify("the harbour and the").lang, "aa");
  EXPECT_EQ(identifier.identify("der hafen und").lang, "bb");
  EXPECT_THROW(train_language_identifier({}), InvalidArgument);
  EXPECT_THROW(train_language_identifier(languages, 0.0), InvalidArgument);
}

TEST(AutoLanguage, EachTextReadWithItsLanguage) {
  Options options;
  options.lang = std::string(kAutoLanguage);
  const Analyzer analyzer(options);
  const Document german = analyzer.analyze(
      "Die Hafenmauer wird im Sommer neu gebaut. „Wir können nicht warten“, sagte die "
      "Bürgermeisterin am Dienstag.");
  EXPECT_EQ(german.lang(), "de");
  ASSERT_TRUE(german.lang_confidence());
  EXPECT_GT(*german.lang_confidence(), 0.9);
  EXPECT_FALSE(german.quotes().empty());
  EXPECT_TRUE(german.has_syntax());
  EXPECT_FALSE(analyzer.keyphrases(german, 3).empty());
  EXPECT_EQ(testing::first_violation(german), "");

  const Document italian = analyzer.analyze(
      "Il consiglio comunale ha detto martedì che il muro del porto sarà "
      "ricostruito durante l'estate.");
  EXPECT_EQ(italian.lang(), "it");
  EXPECT_FALSE(italian.has_syntax());
  EXPECT_EQ(italian.sentences().size(), 1u);

  const Document nothing = analyzer.analyze("12345");
  EXPECT_EQ(nothing.lang(), "und");
  EXPECT_EQ(*nothing.lang_confidence(), 0.0);
  EXPECT_EQ(Analyzer().analyze("Hello there.").lang_confidence(), std::nullopt);

  // The page's text is identified, not its markup.
  const Document page = analyzer.analyze(
      "<!DOCTYPE html><html lang=en><body><nav>Home</nav><p>Le conseil municipal a annoncé "
      "mardi que la digue serait reconstruite cet été.</p></body></html>");
  EXPECT_EQ(page.lang(), "fr");
  EXPECT_NE(page.html(), nullptr);
}

TEST(AutoLanguage, ThreadsShareTheAnalyzersOfEachLanguage) {
  Options options;
  options.lang = std::string(kAutoLanguage);
  const Analyzer analyzer(options);
  const std::vector<std::string_view> texts = {
      "The council said the wall would be rebuilt over the summer.",
      "Der Gemeinderat sagte, die Mauer werde im Sommer wieder aufgebaut.",
      "El ayuntamiento dijo que el muro será reconstruido durante el verano.",
      "Le conseil a dit que le mur serait reconstruit pendant l'été."};
  std::vector<std::string_view> many;
  for (int i = 0; i < 50; ++i) many.insert(many.end(), texts.begin(), texts.end());
  const std::vector<Document> documents = analyzer.analyze_batch(many, 2);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    EXPECT_EQ(documents[i].lang(), std::vector<std::string>({"en", "de", "es", "fr"})[i % 4]);
  }
  EXPECT_EQ(&analyzer.for_language("de"), &analyzer.for_language("de"));
  const Analyzer english;  // an analyzer of one language reads every text itself
  EXPECT_EQ(&english.for_language("de"), &english);
  options.pack_dir = "/nonexistent";
  EXPECT_THROW(static_cast<void>(Analyzer(options)), InvalidArgument);
}

}  // namespace
}  // namespace presslens
