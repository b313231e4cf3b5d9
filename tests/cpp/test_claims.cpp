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

}  // namespace
}  // namespace presslens
