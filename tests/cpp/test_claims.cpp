#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "presslens/analyzer.hpp"
#include "presslens/claims.hpp"
#include "presslens/error.hpp"

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

// Times of day are no statistics, and titles rank nothing ("Premier ministre" is no comparison);
// a duration and a ranking still are.
TEST(ClaimScorer, ClockTimesAndTitlesMakeNoKind) {
  const auto kinds = [](const std::string& text, const char* lang) {
    return analyse(text, lang).claims().at(0).kinds.size();
  };
  EXPECT_EQ(kinds("The council meets at 9 p.m. or at 10:30.", "en"), 0u);
  EXPECT_EQ(kinds("La séance reprend à 14 h 30.", "fr"), 0u);
  EXPECT_EQ(kinds("Die Sitzung beginnt um 14 Uhr.", "de"), 0u);
  EXPECT_EQ(kinds("会议下午3点钟开始。", "zh"), 0u);
  EXPECT_EQ(kinds("会議は午後3時に始まる。", "ja"), 0u);
  EXPECT_EQ(kinds("Le Premier ministre reçoit les maires.", "fr"), 0u);
  // A tally is no time; minutes come after a colon or "h", not after "pm".
  EXPECT_TRUE(has_kind(analyse("Der Antrag wurde mit 52:48 Stimmen angenommen.", "de").claims()[0],
                       ClaimKind::kStatistical));
  EXPECT_TRUE(
      has_kind(analyse("At 9 pm 15 officers were arrested.").claims()[0], ClaimKind::kStatistical));
  EXPECT_EQ(kinds("El primer ministro recibe a los alcaldes.", "es"), 0u);
  EXPECT_EQ(kinds("The First Lady visits the school.", "en"), 0u);
  EXPECT_TRUE(has_kind(analyse("会議は3時間続く。", "ja").claims()[0], ClaimKind::kStatistical));
  EXPECT_TRUE(
      has_kind(analyse("She was the first to arrive.").claims()[0], ClaimKind::kComparative));
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

// The rules say why a sentence is neither kind of claim, and both decisions follow them.
TEST(ClaimScorer, RulesSayWhyASentenceClaimsNothing) {
  const Document doc = analyse(
      "Will taxes rise by 10% next year? Let's build 500 homes by 2030. Rome wasn't built in a "
      "day. Taxes rose by 10% last year.");
  const auto& claims = doc.claims();
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].rule, "question");
  EXPECT_EQ(claims[1].rule, "exhortation, wish or address");
  EXPECT_EQ(claims[2].rule, "proverb");
  EXPECT_EQ(claims[3].rule, "");
  for (const Claim& claim : claims) {
    EXPECT_EQ(claim.is_claim,
              claim.rule.empty() && claim.claim_score >= Analyzer().claims().claim_threshold());
    if (!claim.rule.empty()) {
      EXPECT_FALSE(claim.check_worthy || claim.is_claim);
    }
  }
  EXPECT_TRUE(claims[3].is_claim);
}

// Two decisions: an op-ed's judgement is a claim an analyst marks, though no fact-checker would
// check it; a statistic is both.
TEST(ClaimScorer, ClaimsAndCheckWorthyClaimsAreTwoDecisions) {
  const Document doc = analyse(
      "The merger was a bad deal for workers and a disgrace for the city. Unemployment fell to "
      "3.9% in May, the lowest rate since 2001.");
  const auto& claims = doc.claims();
  ASSERT_EQ(claims.size(), 2u);
  for (const Claim& claim : claims) {
    EXPECT_TRUE(claim.claim_score >= 0.0 && claim.claim_score <= 1.0);
    EXPECT_TRUE(claim.is_claim);
  }
  EXPECT_FALSE(claims[0].check_worthy);
  EXPECT_TRUE(claims[1].check_worthy);
  EXPECT_GT(claims[1].score, claims[0].score);
  const Analyzer analyzer;
  const ClaimScorer& scorer = analyzer.claims();
  EXPECT_TRUE(scorer.threshold() > 0 && scorer.threshold() < 1);
  EXPECT_TRUE(scorer.claim_threshold() > 0 && scorer.claim_threshold() < 1);
}

TEST(ClaimTraining, IsDeterministicAndCalibrated) {
  std::vector<ClaimExample> examples;
  const char* claims[] = {"Prices rose 4% because energy costs doubled.",
                          "The council should explain the cost.", "Growth will slow next year.",
                          "The plan was a disaster for the town."};
  const char* others[] = {"Is this the right way?", "Let's give the mayor a chance.",
                          "Good evening and welcome.", "Why should we pay?"};
  for (std::uint32_t i = 0; i < 4; ++i) {
    examples.push_back({claims[i], "en", true, i % 2});
    examples.push_back({others[i], "en", false, i % 2});
  }
  const ClaimTraining first = train_claim_model(examples);
  const ClaimTraining second = train_claim_model(examples);
  EXPECT_EQ(first.model, second.model);
  EXPECT_EQ(first.examples, 8u);
  EXPECT_EQ(first.positives, 4u);
  EXPECT_EQ(first.cv_probabilities.size(), 8u);
  EXPECT_TRUE(first.threshold > 0 && first.threshold < 1);
  EXPECT_TRUE(first.cv_calibration_error >= 0 && first.cv_calibration_error <= 1);
  ClaimTrainingOptions shape_only;
  shape_only.families = kClaimShape;
  EXPECT_NE(train_claim_model(examples, shape_only).model, first.model);
  // A pack folder's claims.model replaces the shipped one; a cut or padded file is refused.
  const auto dir = std::filesystem::temp_directory_path() /
                   ("presslens_claim_model_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "claims.model", std::ios::binary) << first.model;
  Options with_pack;
  with_pack.pack_dir = dir;
  with_pack.detect_structure = false;
  const Analyzer own(with_pack);
  EXPECT_EQ(own.claims().claim_threshold(), first.threshold);
  EXPECT_NE(own.claims().claim_threshold(), Analyzer().claims().claim_threshold());
  const auto file = dir / "claims.model";
  std::vector<std::string> damaged = {first.model + "x"};  // every cut, and bytes after the end
  for (std::size_t size = 0; size < first.model.size(); size += 1 + first.model.size() / 32) {
    damaged.push_back(first.model.substr(0, size));
  }
  for (const std::string& bytes : damaged) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    LanguagePack pack = LanguagePack::builtin("en");
    pack.load_model("claims", file);
    EXPECT_THROW((ClaimScorer{pack, Tokenizer(pack)}), LanguagePackError) << bytes.size();
  }
  std::filesystem::remove_all(dir);
  // One fold cannot calibrate; one class cannot be learned.
  for (auto& example : examples) example.fold = 0;
  EXPECT_THROW(train_claim_model(examples), InvalidArgument);
  examples.resize(1);
  EXPECT_THROW(train_claim_model(examples), InvalidArgument);
}

}  // namespace
}  // namespace presslens
