#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "presslens/analyzer.hpp"
#include "presslens/keywords.hpp"

namespace presslens {
namespace {

const Keyword* find(const std::vector<Keyword>& keywords, const std::string& key) {
  const auto found = std::find_if(keywords.begin(), keywords.end(),
                                  [&](const Keyword& k) { return k.key == key; });
  return found == keywords.end() ? nullptr : &*found;
}

Analyzer analyzer(const char* lang = "en") {
  Options options;
  options.lang = lang;
  return Analyzer(options);
}

TEST(KeywordExtractor, CountsNormalisedStemmedTermsWithoutStopwords) {
  const auto a = analyzer();
  const Document doc = a.analyze(
      "Japan-China relations improved. The relation between Japan and China's leaders matters. "
      "RELATIONS matter.");
  const auto keywords = a.keywords(doc);
  ASSERT_NE(find(keywords, "relat"), nullptr);
  EXPECT_EQ(find(keywords, "relat")->count, 3u);  // relations, relation, RELATIONS
  EXPECT_EQ(find(keywords, "japan")->count, 2u);  // as a part of "Japan-China" and alone
  EXPECT_EQ(find(keywords, "china")->count, 2u);  // "China's" counts as china
  EXPECT_EQ(find(keywords, "japan-china")->count, 1u);
  EXPECT_EQ(find(keywords, "the"), nullptr);
  EXPECT_NE(find(keywords, "japan-china relat"), nullptr);
  EXPECT_NE(find(keywords, "japan and china"), nullptr);   // "and" may join a phrase
  EXPECT_EQ(find(keywords, "relat improv the"), nullptr);  // never ends with a stopword
  EXPECT_EQ(keywords.front().key, "relat");                // most frequent first
  EXPECT_EQ(doc.text(find(keywords, "relat")->first), "relations");
}

TEST(KeywordExtractor, NgramsDoNotCrossPunctuationOrSentences) {
  const auto a = analyzer();
  const Document doc = a.analyze("Trade talks, climate policy. Energy prices rose.");
  const auto keywords = a.keywords(doc);
  EXPECT_EQ(find(keywords, "talk climat"), nullptr);
  EXPECT_EQ(find(keywords, "polici energi"), nullptr);
  EXPECT_NE(find(keywords, "trade talk"), nullptr);
}

TEST(KeywordExtractor, OptionsAndLongNames) {
  const auto a = analyzer();
  const Document doc =
      a.analyze("He joined the East Asian Community Institute in Tokyo last year.");
  KeywordOptions unstemmed;
  unstemmed.stem = false;
  unstemmed.max_words = 1;
  const auto keywords = a.keywords(doc, unstemmed);
  EXPECT_NE(find(keywords, "joined"), nullptr);
  EXPECT_NE(find(keywords, "east asian community institute"), nullptr);  // a name counts whole
  EXPECT_EQ(find(keywords, "east asian"), nullptr);
}

TEST(KeywordExtractor, StopwordsPerLanguage) {
  const auto french = analyzer("fr");
  const auto keywords =
      french.keywords(french.analyze("Le ministre de l'Économie parle de la dette."));
  EXPECT_EQ(find(keywords, "le"), nullptr);
  EXPECT_NE(find(keywords, "ministr"), nullptr);
  EXPECT_NE(find(keywords, "économ"), nullptr);  // l'Économie: elision gone, case folded, stemmed
  const auto german = analyzer("de");
  const auto german_keywords =
      german.keywords(german.analyze("Die Regierung und die Opposition streiten."));
  EXPECT_EQ(find(german_keywords, "die"), nullptr);
  EXPECT_NE(find(german_keywords, "regier"), nullptr);
}

// Without a pack (no stopword list), short words and recurring three-letter words of scripts
// written with spaces are left out; words of scripts without spaces are kept whatever their length.
TEST(KeywordExtractor, LanguagesWithoutAPackFindTheirFunctionWords) {
  const auto russian = analyzer("ru");
  const auto keywords = russian.keywords(russian.analyze(
      "Бюджет утвердили в среду. Что дальше? Министр сказал, что бюджет примут. Депутаты знают, "
      "что спор не окончен. Что скажут регионы?"));
  EXPECT_EQ(find(keywords, "в"), nullptr);
  EXPECT_EQ(find(keywords, "не"), nullptr);
  EXPECT_EQ(find(keywords, "что"), nullptr);  // three letters, in all five sentences
  EXPECT_NE(find(keywords, "бюджет"), nullptr);
  const auto korean = analyzer("ko");
  const auto korean_keywords = korean.keywords(korean.analyze("정부 예산. 정부 발표."));
  EXPECT_NE(find(korean_keywords, "정부"), nullptr);
}

TEST(KeywordExtractor, QuotedMatterIncludedExcludedOrAlone) {
  const auto a = analyzer();
  const Document doc =
      a.analyze("The council debated housing. \"Rents are crushing families,\" the mayor said.");
  KeywordOptions writer;
  writer.quoted = QuotedMatter::kExclude;
  KeywordOptions quoted;
  quoted.quoted = QuotedMatter::kOnly;
  EXPECT_EQ(find(a.keywords(doc, writer), "rent"), nullptr);
  EXPECT_NE(find(a.keywords(doc, writer), "council"), nullptr);
  EXPECT_NE(find(a.keywords(doc, quoted), "rent"), nullptr);
  EXPECT_EQ(find(a.keywords(doc, quoted), "council"), nullptr);
  EXPECT_NE(find(a.keywords(doc), "rent"), nullptr);
}

TEST(KeywordExtractor, ChineseTermsComeFromDictionaryWords) {
  const auto chinese = analyzer("zh");
  const auto keywords =
      chinese.keywords(chinese.analyze("两国外长同意恢复对话。对话将在北京举行。"));
  ASSERT_NE(find(keywords, "对话"), nullptr);
  EXPECT_EQ(find(keywords, "对话")->count, 2u);
}

TEST(KeywordExtractor, KeyphrasesPreferTitleRareAndRecurringTerms) {
  const auto a = analyzer();
  const Document doc = a.analyze(
      "Glacier melt speeds up in the Alps\n\n"
      "Glacier melt in the Alps doubled this decade, scientists said. The glacier melt "
      "threatens water supplies. Scientists measured the melt at forty glaciers. It is a "
      "worrying trend, they said.");
  const auto phrases = a.keyphrases(doc, 10);
  ASSERT_EQ(phrases.size(), 10u);
  const auto top3 = std::vector<Keyword>(phrases.begin(), phrases.begin() + 3);
  EXPECT_NE(find(top3, "glacier"), nullptr);
  EXPECT_NE(find(top3, "alp"), nullptr);
  ASSERT_NE(find(phrases, "glacier melt"), nullptr);  // the recurring title phrase ranks
  for (std::size_t i = 1; i < phrases.size(); ++i)
    EXPECT_GE(phrases[i - 1].score, phrases[i].score);
  EXPECT_EQ(find(phrases, "said"), nullptr);  // common words rank low
}

// keyphrases(n) is the first n of keyphrases(m): a phrase ranked below the n-th may not take the
// place of a word above it in one call and not in the other.
// With the syntax layer on, keyphrases are noun phrases and names: the recurring verb "approve"
// and the adverb "quietly" rank high by frequency and rarity alone, and never once tagged.
TEST(KeywordExtractor, KeyphrasesAreNounPhrasesWhenTagged) {
  const std::string text =
      "Harbour council quietly approves flood wall\n\n"
      "The harbour council quietly approved the flood wall on Tuesday. Councillors approved the "
      "budget quickly, and the mayor approved the tender.\n\n"
      "Residents had repeatedly asked for the flood wall after the winter storms. Engineers "
      "quietly surveyed the seafront twice.\n\n"
      "The wall will cost 4 million euros, and the council approved a loan for it.";
  const auto tagged = analyzer();
  const auto phrases = tagged.keyphrases(tagged.analyze(text), 10);
  ASSERT_EQ(phrases.size(), 10u);
  for (const char* key : {"approv", "quiet", "quiet approv", "approv flood"}) {
    EXPECT_EQ(find(phrases, key), nullptr) << key;
  }
  EXPECT_NE(find(phrases, "flood wall"), nullptr);
  EXPECT_NE(find(phrases, "seafront"), nullptr);
  const auto five = tagged.keyphrases(tagged.analyze(text), 5);
  for (std::size_t i = 0; i < five.size(); ++i) EXPECT_EQ(five[i].key, phrases[i].key);

  Options options;  // without the layer, the word-list ranking of before
  options.syntax = false;
  const Analyzer untagged(options);
  const auto before = untagged.keyphrases(untagged.analyze(text), 10);
  EXPECT_NE(find(before, "approv"), nullptr);
}

TEST(KeywordExtractor, FewerKeyphrasesAreTheFirstOfMore) {
  for (const char* lang : {"en", "fr"}) {
    const auto a = analyzer(lang);
    const Document doc = a.analyze(
        "Hailee Steinfeld joins western film\n\n"
        "Hailee Steinfeld has been cast in a western, the studio said. Steinfeld, 14, beat "
        "thousands of hopefuls. Steinfeld will play a farm girl who hires a marshal. Producers "
        "praised Steinfeld. Steinfeld starts filming in Texas. The western opens at Christmas. "
        "Alan Turing and Grande-Bretagne, Turing and Bretagne: names stand for their words.");
    const auto all = a.keyphrases(doc, 30);
    for (std::size_t n = 1; n <= all.size(); ++n) {
      const auto fewer = a.keyphrases(doc, n);
      ASSERT_EQ(fewer.size(), n);
      for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(fewer[i].key, all[i].key) << lang << n;
    }
  }
}

// A name or a hyphenated compound stands for its words: "Alan Turing" takes the place of
// "Turing" and "Alan", "Grande-Bretagne" of "Bretagne"; dates are no keyphrases.
TEST(KeywordExtractor, NamesAndCompoundsStandForTheirWords) {
  const auto a = analyzer("fr");
  const Document doc = a.analyze(
      "Alan Turing honoré en Grande-Bretagne\n\n"
      "Le mathématicien Alan Turing est né en juin 1912. Turing a travaillé à Manchester, en "
      "Grande-Bretagne. Les codes de Turing ont changé la guerre. L'aéroport de Manchester "
      "accueille une exposition sur Alan Turing et l'aéroport affiche ses codes.");
  const auto phrases = a.keyphrases(doc, 10);
  ASSERT_NE(find(phrases, "alan turing"), nullptr);
  EXPECT_EQ(find(phrases, "turing"), nullptr);
  EXPECT_EQ(find(phrases, "alan"), nullptr);
  ASSERT_NE(find(phrases, "grande-bretagn"), nullptr);
  EXPECT_EQ(find(phrases, "bretagn"), nullptr);
  EXPECT_EQ(find(phrases, "juin"), nullptr);
  for (std::size_t i = 1; i < phrases.size(); ++i)
    EXPECT_GE(phrases[i - 1].score, phrases[i].score);
  const auto keywords = a.keywords(doc);
  const Keyword* airport = find(keywords, "aéroport");
  ASSERT_NE(airport, nullptr);
  EXPECT_EQ(doc.text(airport->first), "aéroport");  // shown without "L'"
}

// A compound's parts are matched by their terms, not their text: "Bosnie" stems to "bosn", which
// is no word of the stemmed compound "bosnie-herzégovin".
TEST(KeywordExtractor, CompoundsStandForPartsThatStemApart) {
  const auto a = analyzer("fr");
  const Document doc = a.analyze(
      "Élections en Bosnie-Herzégovine\n\n"
      "La Bosnie-Herzégovine vote dimanche. En Bosnie, les électeurs choisissent leurs députés. "
      "Les bureaux de vote de Bosnie-Herzégovine ferment le soir.");
  const auto phrases = a.keyphrases(doc, 10);
  ASSERT_NE(find(phrases, "bosnie-herzégovin"), nullptr);
  EXPECT_EQ(find(phrases, "bosn"), nullptr);
}

// A phrase stands for a word of it that never occurs outside it: "mondial" is said only in
// "Forum mondial", so the phrase is shown and the word is not.
TEST(KeywordExtractor, PhrasesStandForWordsSaidOnlyInThem) {
  const auto a = analyzer("fr");
  const Document doc = a.analyze(
      "Ouverture du Forum mondial de la langue française\n\n"
      "Le Forum mondial de la langue française s'ouvre à Québec. Le Forum mondial réunit des "
      "participants venus de cent pays. La langue française compte des locuteurs sur tous les "
      "continents, et le forum discute de son avenir.");
  const auto phrases = a.keyphrases(doc, 10);
  ASSERT_NE(find(phrases, "forum mondial"), nullptr);
  EXPECT_EQ(find(phrases, "mondial"), nullptr);
  for (std::size_t i = 1; i < phrases.size(); ++i)
    EXPECT_GE(phrases[i - 1].score, phrases[i].score);
}

}  // namespace
}  // namespace presslens
