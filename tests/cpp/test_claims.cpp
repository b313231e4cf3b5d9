#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "presslens/analyzer.hpp"
#include "presslens/claims.hpp"

namespace presslens {
namespace {

Document analyse(const std::string& text, const char* lang = "en") {
  Options options;
  options.lang = lang;
  options.detect_structure = false;
  return Analyzer(options).analyze(text);
}

bool has_kind(const Claim& claim, ClaimKind kind) {
  return std::any_of(claim.kinds.begin(), claim.kinds.end(),
                     [&](const KindCue& k) { return k.kind == kind; });
}

TEST(ClaimScorer, ScoresEverySentenceAndRanksFactsAboveChatter) {
  const Document doc = analyse(
      "Unemployment fell to 3.9% in May, the lowest rate since 2001. Thank you all for coming "
      "tonight. Is this the right way?");
  ASSERT_EQ(doc.claims().size(), 3u);
  for (const Claim& claim : doc.claims()) EXPECT_TRUE(claim.score >= 0.0 && claim.score <= 1.0);
  EXPECT_GT(doc.claims()[0].score, doc.claims()[1].score);
  EXPECT_TRUE(doc.claims()[0].is_claim);
  EXPECT_FALSE(doc.claims()[2].is_claim);  // a question claims nothing
  EXPECT_FALSE(doc.claims()[0].cues.empty());
}

TEST(ClaimScorer, KindsWithTheirCues) {
  const Document doc = analyse(
      "Prices rose 4% because energy costs doubled. The council should act now. Growth will slow "
      "next year. Exports are higher than ever. The plan was a disaster.");
  const auto& claims = doc.claims();
  ASSERT_EQ(claims.size(), 5u);
  EXPECT_TRUE(has_kind(claims[0], ClaimKind::kStatistical));
  EXPECT_TRUE(has_kind(claims[0], ClaimKind::kCausal));
  EXPECT_TRUE(has_kind(claims[1], ClaimKind::kNormative));
  EXPECT_TRUE(has_kind(claims[2], ClaimKind::kPredictive));
  EXPECT_TRUE(has_kind(claims[3], ClaimKind::kComparative));
  EXPECT_TRUE(has_kind(claims[4], ClaimKind::kEvaluative));
  const auto causal = std::find_if(claims[0].kinds.begin(), claims[0].kinds.end(),
                                   [](const KindCue& k) { return k.kind == ClaimKind::kCausal; });
  EXPECT_EQ(doc.text(causal->cue), "because");
}

TEST(ClaimScorer, HedgesBoostersAndWhoseClaim) {
  const Document doc = analyse(
      "This may partly explain the fall. It will clearly change the market. \"Taxes will rise by "
      "10% next year,\" the minister said.");
  EXPECT_EQ(doc.claims()[0].hedges.size(), 2u);
  EXPECT_EQ(doc.claims()[1].boosters.size(), 1u);
  EXPECT_TRUE(doc.claims()[0].speaker.empty());  // the author's own
  EXPECT_EQ(doc.text(doc.claims()[2].speaker), "the minister");
}

TEST(ClaimScorer, OtherLanguagesUseTheGenericModel) {
  Options options;
  options.lang = "fr";
  const Analyzer french(options);
  EXPECT_FALSE(french.claims().has_language_model());
  EXPECT_TRUE(Analyzer().claims().has_language_model());
  const Document doc =
      analyse("Le chômage a baissé de 3 % en 2023 parce que l'économie a repris.", "fr");
  ASSERT_EQ(doc.claims().size(), 1u);
  EXPECT_TRUE(has_kind(doc.claims()[0], ClaimKind::kCausal));
  EXPECT_TRUE(has_kind(doc.claims()[0], ClaimKind::kStatistical));
}

// The longest phrase wins and its words are no other cues; "<num>" stands for any number.
TEST(ClaimScorer, LongestCuePhraseWins) {
  const Document doc = analyse(
      "Exports fell last year. More than 300 trains were cancelled. At least 2 percent should go "
      "to libraries. The levy is higher than last year.");
  const auto& claims = doc.claims();
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_FALSE(has_kind(claims[0], ClaimKind::kComparative));  // "last year" is no ranking
  EXPECT_TRUE(has_kind(claims[1], ClaimKind::kStatistical));   // a bound on a quantity
  EXPECT_FALSE(has_kind(claims[1], ClaimKind::kComparative));
  EXPECT_FALSE(has_kind(claims[2], ClaimKind::kComparative));
  EXPECT_TRUE(has_kind(claims[3], ClaimKind::kComparative));  // "higher than" still compares
}

// Dates and labels count nothing; a German noun before a number does not make it a label.
TEST(ClaimScorer, DatesAndLabelsAreNoStatistics) {
  EXPECT_FALSE(
      has_kind(analyse("Am 12. Oktober 2020 trat Minister Felix Grantz zurück.", "de").claims()[0],
               ClaimKind::kStatistical));
  EXPECT_FALSE(has_kind(analyse("2021年3月，市长周文澜签署了新的城市交通规划。", "zh").claims()[0],
                        ClaimKind::kStatistical));
  EXPECT_FALSE(
      has_kind(analyse("Route 9 was closed on Monday.").claims()[0], ClaimKind::kStatistical));
  EXPECT_TRUE(has_kind(analyse("Das Freibad zählte im Sommer 62.000 Besucher.", "de").claims()[0],
                       ClaimKind::kStatistical));
}

// A dated past event with a named participant, in every language: past forms by list, by ending
// ("-ó") or found in unspaced text (了); nothing predictive.
TEST(ClaimScorer, FactualEventsInSeveralLanguages) {
  const struct {
    const char* lang;
    const char* text;
    bool event;
  } cases[] = {
      {"en", "In July 2018, Judge Miriam Okafor struck down the curfew.", true},
      {"en", "The Lindmark central bank is expected to raise rates in June.", false},
      {"fr", "En juin 2019, le conseil de la Sarvoise a voté la fermeture du lycée.", true},
      {"de", "Im März 2022 unterzeichnete Bürgermeisterin Anke Dorsch den Haushalt.", true},
      {"es", "En octubre de 2021, la empresa Hidroastur despidió a 150 trabajadores.", true},
      {"zh", "2021年3月，市长周文澜签署了新的城市交通规划。", true},
      {"ja", "2022年10月、みなと野市議会は図書館の統合案を可決した。", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(has_kind(analyse(c.text, c.lang).claims()[0], ClaimKind::kFactualEvent), c.event)
        << c.text;
  }
}

// Unspaced scripts match cues in the text, whatever the segmenter made of them; a longer `none`
// word keeps a cue inside it silent (最低工资 is no superlative).
TEST(ClaimScorer, UnspacedCuesAreFoundInTheText) {
  const Claim necessary = analyse("有必要在雨季前加固北渚水库的堤坝。", "zh").claims()[0];
  EXPECT_TRUE(has_kind(necessary, ClaimKind::kNormative));
  const Claim wage = analyse("因为物价一直在上涨，政府应当提高最低工资。", "zh").claims()[0];
  EXPECT_FALSE(has_kind(wage, ClaimKind::kComparative));
  EXPECT_TRUE(has_kind(wage, ClaimKind::kCausal));
  const Claim hedged =
      analyse("新しい規制によって、家賃はおそらく上昇するだろう。", "ja").claims()[0];
  EXPECT_TRUE(has_kind(hedged, ClaimKind::kCausal));
  EXPECT_FALSE(hedged.hedges.empty());
}

// Word endings mark the French and Spanish futures; a `none` word ("opéra") is read as itself.
TEST(ClaimScorer, SuffixCuesAndTheirExceptions) {
  EXPECT_TRUE(has_kind(analyse("Le centre ouvrira ses portes en janvier.", "fr").claims()[0],
                       ClaimKind::kPredictive));
  EXPECT_FALSE(has_kind(analyse("L'opéra de Castelvire est complet.", "fr").claims()[0],
                        ClaimKind::kPredictive));
  EXPECT_TRUE(
      has_kind(analyse("La obra durará dos años más.", "es").claims()[0], ClaimKind::kPredictive));
}

// Exhortations and wishes are no claims in any language (`nonclaim` phrases), nor full-width
// questions, nor proverbs (`proverb` phrases).
TEST(ClaimScorer, ExhortationsWishesAndQuestionsInSeveralLanguages) {
  EXPECT_FALSE(analyse("Let's build 500 homes by 2030.").claims()[0].is_claim);
  EXPECT_FALSE(
      analyse("J'espère que le chômage baissera de 10 % en 2027.", "fr").claims()[0].is_claim);
  EXPECT_FALSE(analyse("Ojalá el paro baje un 10 por ciento en 2027.", "es").claims()[0].is_claim);
  EXPECT_FALSE(analyse("失业率会下降百分之十吗？", "zh").claims()[0].is_claim);
  // Proverbs, anywhere in the sentence, punctuation included.
  EXPECT_FALSE(analyse("After all, a journey of a thousand miles begins with a single step.")
                   .claims()[0]
                   .is_claim);
  EXPECT_FALSE(analyse("Petit à petit, l'oiseau fait son nid, et 20 % des maires le savent.", "fr")
                   .claims()[0]
                   .is_claim);
}

}  // namespace
}  // namespace presslens
