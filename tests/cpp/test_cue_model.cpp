// The attribution cue model: how it is trained, what it decides, what each quote says of it, and
// how a broken model file is refused. The stories are our own.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"
#include "presslens/quotes.hpp"

namespace presslens {
namespace {

// Every occurrence of each of `words` in `text`, as a cue span.
std::vector<Span> spans_of(const std::string& text, std::initializer_list<std::string> words) {
  std::vector<Span> spans;
  for (const std::string& word : words) {
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      spans.push_back(
          {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())});
    }
  }
  return spans;
}

// A story whose attributions are annotated: the cues, and the words each reports.
CueExample example(std::string text, std::initializer_list<std::string> cues,
                   std::initializer_list<std::string> reports, std::uint32_t fold) {
  CueExample result{std::move(text), "en", {}, {}, fold};
  result.cues = spans_of(result.text, cues);
  result.reports = spans_of(result.text, reports);
  return result;
}

std::vector<CueExample> examples() {
  return {
      example("Senator Maria Vance endorsed the plan to rebuild the harbour wall before winter. "
              "The council said the work would start in May and last two years.",
              {"endorsed", "said"},
              {"the plan to rebuild the harbour wall before winter",
               "the work would start in May and last two years"},
              0),
      example("The fishermen's union endorsed the strike over the new quotas on Monday. Its "
              "leader said the boats would stay in port until the ministry listened.",
              {"endorsed", "said"},
              {"the strike over the new quotas on Monday",
               "the boats would stay in port until the ministry listened"},
              1),
      example("Mayor Tomas Reyes endorsed a tax on holiday flats in the old town last week. "
              "Officials said the tax would raise two million euros for housing.",
              {"endorsed", "said"},
              {"a tax on holiday flats in the old town last week",
               "the tax would raise two million euros for housing"},
              2),
      example("The teachers endorsed the proposal to shorten the school day in summer. The "
              "ministry said it would study the proposal and answer in June.",
              {"endorsed", "said"},
              {"the proposal to shorten the school day in summer",
               "it would study the proposal and answer in June"},
              0),
      example("Residents endorsed the idea of a night bus to the airport at a meeting on Tuesday. "
              "The operator said it could run the route from the spring.",
              {"endorsed", "said"},
              {"the idea of a night bus to the airport at a meeting on Tuesday",
               "it could run the route from the spring"},
              1),
      example("The harbour board endorsed the dredging of the channel after a long debate. Its "
              "chair said ships of every size would reach the quay by autumn.",
              {"endorsed", "said"},
              {"the dredging of the channel after a long debate",
               "ships of every size would reach the quay by autumn"},
              2),
      // Reports nobody made: the rules read them, the annotators did not mark them.
      example("The figures show the harbour was busier than ever this summer. The endorsed "
              "candidate lost the vote in the end, and the old pier will close in May.",
              {}, {}, 0),
      example("Pictures show the ferry leaving the quay in heavy seas on Sunday. An endorsed "
              "plan for the marina was shelved for lack of money last year.",
              {}, {}, 1),
  };
}

CueTrainingOptions options() {
  CueTrainingOptions result;
  result.min_cues = 2;
  result.accept = 0.3f;
  result.veto = 0.01f;
  return result;
}

// An English analyzer whose pack carries `model` as its cue model.
Analyzer with_model(const std::string& model) {
  const auto dir = std::filesystem::temp_directory_path() / "presslens_cue_model_pack";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "cues.model", std::ios::binary | std::ios::trunc) << model;
  Options analysis;
  analysis.pack_dir = dir;
  try {
    Analyzer analyzer(analysis);
    std::filesystem::remove_all(dir);
    return analyzer;
  } catch (...) {
    std::filesystem::remove_all(dir);
    throw;
  }
}

TEST(CueModel, TrainingLearnsALexiconAndIsDeterministic) {
  const CueTraining first = train_cue_model(examples(), options());
  EXPECT_EQ(first.documents, 8u);
  // "endorsed": "said" is a listed verb already
  EXPECT_EQ(first.lexicon, std::vector<std::string>{"endorsed"});
  EXPECT_GE(first.positives, 12u);
  EXPECT_GE(first.candidates, first.positives);
  EXPECT_GT(first.cv_recall, 0.0);
  EXPECT_EQ(train_cue_model(examples(), options()).model, first.model);
  CueTrainingOptions fewer = options();
  fewer.leave_out = 1;
  const CueTraining without_a_fold = train_cue_model(examples(), fewer);
  EXPECT_EQ(without_a_fold.documents, 5u);
  EXPECT_NE(without_a_fold.model, first.model);
}

TEST(CueModel, AcceptsALearnedCueAndSaysSo) {
  const Analyzer analyzer = with_model(train_cue_model(examples(), options()).model);
  const std::string text =
      "The fire brigade endorsed the plan to move its station to the ring road. The city said "
      "the move would cut response times in the north.";
  const Document doc = analyzer.analyze(text);
  const auto& quotes = doc.quotes();
  const auto learned = std::find_if(quotes.begin(), quotes.end(),
                                    [&](const Quote& q) { return doc.text(q.cue) == "endorsed"; });
  ASSERT_NE(learned, quotes.end());
  EXPECT_EQ(learned->source, QuoteSource::kModel);
  EXPECT_EQ(learned->kind, QuoteKind::kStance);  // a cue the speech lists lack
  ASSERT_TRUE(learned->confidence.has_value());
  EXPECT_GE(*learned->confidence, 0.3f);
  EXPECT_EQ(doc.text(learned->speaker), "The fire brigade");
  EXPECT_EQ(doc.text(learned->span), "the plan to move its station to the ring road");
  const auto listed = std::find_if(quotes.begin(), quotes.end(),
                                   [&](const Quote& q) { return doc.text(q.cue) == "said"; });
  ASSERT_NE(listed, quotes.end());
  EXPECT_EQ(listed->source, QuoteSource::kRules);
  EXPECT_EQ(listed->kind, QuoteKind::kIndirect);
  EXPECT_TRUE(listed->confidence.has_value());
  EXPECT_STREQ(to_string(QuoteSource::kModel), "model");
}

TEST(CueModel, WithoutAModelTheRulesDecideAlone) {
  // French has no cue model: reported speech comes from the lists, with no confidence.
  Options french;
  french.lang = "fr";
  const Document doc = Analyzer(french).analyze(
      "Le maire a déclaré que le pont serait fermé pendant deux semaines en juillet.");
  ASSERT_EQ(doc.quotes().size(), 1u);
  EXPECT_EQ(doc.quotes()[0].source, QuoteSource::kRules);
  EXPECT_FALSE(doc.quotes()[0].confidence.has_value());
  // Quotation marks decide their quotes themselves.
  const Document marked =
      Analyzer().analyze("\"We will reopen the pool in June,\" the mayor said.");
  ASSERT_FALSE(marked.quotes().empty());
  EXPECT_EQ(marked.quotes()[0].source, QuoteSource::kMarks);
  EXPECT_FALSE(marked.quotes()[0].confidence.has_value());
}

TEST(CueModel, BadTrainingInputIsRefused) {
  std::vector<CueExample> one_fold = examples();
  for (CueExample& e : one_fold) e.fold = 0;
  EXPECT_THROW(train_cue_model(one_fold, options()), InvalidArgument);
  std::vector<CueExample> mixed = examples();
  mixed[1].lang = "fr";
  EXPECT_THROW(train_cue_model(mixed, options()), InvalidArgument);
  std::vector<CueExample> outside = examples();
  outside[0].cues.push_back({5, 100000});
  EXPECT_THROW(train_cue_model(outside, options()), InvalidArgument);
  std::vector<CueExample> broken = examples();
  broken[0].text += "\xff";
  EXPECT_THROW(train_cue_model(broken, options()), InvalidUtf8);
  std::vector<CueExample> no_reports = examples();
  for (CueExample& e : no_reports) e.reports.clear();
  EXPECT_THROW(train_cue_model(no_reports, options()), InvalidArgument);
  EXPECT_THROW(train_cue_model({}, options()), InvalidArgument);
}

TEST(CueModel, CorruptModelFilesAreRefused) {
  const std::string model = train_cue_model(examples(), options()).model;
  // Every cut of the file, and bytes after its end, give an error, never a read past its end.
  for (std::size_t size = 0; size < model.size(); size += 1 + model.size() / 64) {
    EXPECT_THROW(with_model(model.substr(0, size)), LanguagePackError) << size;
  }
  EXPECT_THROW(with_model(model + "x"), LanguagePackError);
}

}  // namespace
}  // namespace presslens
