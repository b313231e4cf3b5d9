// The structure stage's learned block model: what it scores, what it may not override, how it is
// trained and replaced. The pages are our own.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"
#include "presslens/structure.hpp"

namespace presslens {
namespace {

const std::string kPage =
    "The Harbour Gazette\n"
    "Home / News / Business / Sport / Weather\n"
    "Ferry operator orders two electric vessels for the island route\n"
    "By Maren Tollefsen | 12 March 2025\n"
    "Share on Facebook | Share on X | Email\n"
    "The island ferry operator has ordered two battery-powered vessels, which it says will halve "
    "the route's fuel bill and cut its emissions by nine tenths.\n"
    "The ships are due in service in 2027 and will charge at both ends of the crossing during "
    "the twelve-minute turnaround.\n"
    "Home owners on the island said they hoped the quieter ships would mean fewer complaints "
    "about noise at the pier, where the old diesel ferries idle for up to half an hour.\n"
    "Most Read\n"
    "Council tax to rise by four per cent\n"
    "Lifeboat crew rescues two kayakers\n"
    "Copyright 2025 The Harbour Gazette. All rights reserved.\n";

constexpr std::uint32_t kFirstBody = 5;  // the three body paragraphs: 5, 6, 7

Document analyze(const std::string& text, Options options = {}) {
  return Analyzer(std::move(options)).analyze(text);
}

TEST(StructureModel, ScoresEveryParagraphOfAPageWithChrome) {
  const Document doc = analyze(kPage);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.body_scores.size(), doc.paragraphs().size());
  for (std::size_t i = 0; i < s.roles.size(); ++i) {
    EXPECT_GE(s.body_scores[i], 0.0f);
    EXPECT_LE(s.body_scores[i], 1.0f);
    if (s.roles[i] == ParagraphRole::kBody) {
      EXPECT_GE(s.body_scores[i], 0.5f) << i;
    } else if (s.roles[i] == ParagraphRole::kBoilerplate) {
      EXPECT_LT(s.body_scores[i], 0.5f) << i;
    }
  }
  EXPECT_EQ(s.body, (std::vector<std::uint32_t>{kFirstBody, kFirstBody + 1, kFirstBody + 2}));
}

// Every title says who chose it: the title model on a plain-text page with chrome, the rules on
// clean text; no title, no source.
TEST(StructureModel, TitlesSayWhoChoseThem) {
  const Structure page = analyze(kPage).structure();
  ASSERT_TRUE(page.title);
  EXPECT_EQ(analyze(kPage).text(*page.title),
            "Ferry operator orders two electric vessels for the island route");
  EXPECT_EQ(page.title_source, TitleSource::kModel);
  EXPECT_STREQ(to_string(page.title_source), "model");
  const Structure clean = analyze(
                              "Ferry operator orders electric vessels\n\n"
                              "The island ferry operator has ordered two battery-powered vessels. "
                              "They are due in service in 2027.\n\n"
                              "The ships will charge at both ends of the crossing.")
                              .structure();
  ASSERT_TRUE(clean.title);
  EXPECT_EQ(clean.title_source, TitleSource::kRules);
  const Structure none = analyze("Just one line of prose, and no title.").structure();
  EXPECT_FALSE(none.title);
  EXPECT_EQ(none.title_source, TitleSource::kNone);
}

// The date chooser reads every dated line of a page with chrome: a newsletter's date above the
// headline (which the rules, looking near the title first, would take) and a reader's comment
// after the article lose to the article's own "Published" line below its text.
TEST(StructureModel, DatesSayWhoChoseThem) {
  std::string page = kPage;
  page.replace(page.find("By Maren"), std::string_view("By Maren Tollefsen | 12 March 2025").size(),
               "By Maren Tollefsen");
  page.insert(page.find("Ferry operator"), "Newsletter, 2 January 2024\n");
  page.insert(page.find("Most Read"),
              "Published 12 March 2025\nComments (1)\nJonas Berg, 14 March 2025\n"
              "Finally some good news for the island.\n");
  const Document doc = analyze(page);
  const Structure& s = doc.structure();
  EXPECT_EQ(s.date, "2025-03-12");
  EXPECT_EQ(s.date_source, ChoiceSource::kModel);
  ASSERT_TRUE(s.date_span);
  EXPECT_EQ(doc.text(*s.date_span), "12 March 2025");
  EXPECT_EQ(s.date_span->begin, page.find("Published") + std::string_view("Published ").size());
  const Structure clean = analyze(
                              "Ferry operator orders electric vessels\n\n"
                              "HARBOUR, 12 March 2025 - The island ferry operator has ordered two "
                              "battery-powered vessels. They are due in service in 2027.\n\n"
                              "The ships will charge at both ends of the crossing.")
                              .structure();
  EXPECT_EQ(clean.date, "2025-03-12");
  EXPECT_EQ(clean.date_source, ChoiceSource::kRules);
  const Structure none = analyze("Just one line of prose, and no date.").structure();
  EXPECT_EQ(none.date_source, ChoiceSource::kNone);
}

// The author chooser reads every short line that may name the authors: the writer's name alone on
// a line under the article (which the rules, reading bylines near the title, miss) is taken, the
// commenter's is not; where the chooser is unsure, the rules' byline stands.
TEST(StructureModel, AuthorsSayWhoChoseThem) {
  const auto page = [](std::string_view author_line) {
    std::string text = kPage;
    text.replace(text.find("By Maren"),
                 std::string_view("By Maren Tollefsen | 12 March 2025").size(), "12 March 2025");
    text.insert(text.find("Most Read"), std::string(author_line) +
                                            "\nComments (1)\nJonas Berg, 14 March 2025\n"
                                            "Finally some good news for the island.\n");
    return text;
  };
  const std::string below = page("Helen Marsh");
  const Document doc = analyze(below);
  ASSERT_EQ(doc.structure().authors.size(), 1u);
  EXPECT_EQ(doc.text(doc.structure().authors[0]), "Helen Marsh");
  EXPECT_EQ(doc.structure().author_source, ChoiceSource::kModel);
  const Document byline = analyze(page("Published 12 March 2025 by Helen Marsh"));
  ASSERT_EQ(byline.structure().authors.size(), 1u);
  EXPECT_EQ(byline.text(byline.structure().authors[0]), "Helen Marsh");
  EXPECT_EQ(byline.structure().author_source, ChoiceSource::kRules);
  const Document none = analyze(page("Share this story"));
  EXPECT_TRUE(none.structure().authors.empty());
  EXPECT_EQ(none.structure().author_source, ChoiceSource::kNone);
}

// A byline of a thousand names is read up to its eighth, in one pass over the line.
TEST(StructureModel, ABylineOfAThousandNamesIsReadUpToItsEighth) {
  std::string names = "By Ana Ruiz";
  for (int i = 0; i < 1000; ++i) names += ", Ana Ruiz";
  std::string page = kPage;
  page.replace(page.find("By Maren"), std::string_view("By Maren Tollefsen | 12 March 2025").size(),
               names);
  const Document doc = analyze(page);
  EXPECT_LE(doc.structure().authors.size(), 8u);
  for (const Span author : doc.structure().authors) EXPECT_EQ(doc.text(author), "Ana Ruiz");
}

TEST(StructureModel, AChromeWordInProseIsNoVeto) {
  // "Home owners ..." opens with a chrome word ("Home"): the body keeps it.
  const Document doc = analyze(kPage);
  EXPECT_EQ(doc.structure().roles[kFirstBody + 2], ParagraphRole::kBody);
}

TEST(StructureModel, CleanTextIsNotScored) {
  const Document doc = analyze(
      "The island ferry operator has ordered two battery-powered vessels for its route.\n"
      "The ships are due in service in 2027 and will charge at both ends of the crossing.\n");
  EXPECT_TRUE(doc.structure().body_scores.empty());
  EXPECT_EQ(doc.structure().body.size(), 2u);
}

TEST(StructureModel, ABriefKeepsItsOneParagraph) {
  // One paragraph between its byline and the copyright line: whatever the model says of it, a
  // page keeps a body.
  const Document doc = analyze(
      "Home / News / World\n"
      "Ministers agree to resume talks\n"
      "By Lin Qiao | 24 May 2024\n"
      "The two foreign ministers met in Beijing on Friday and agreed to resume the dialogue that "
      "was suspended a year ago. Both sides said they would strengthen cooperation.\n"
      "Copyright 2024 The Harbour Gazette.\n");
  EXPECT_EQ(doc.structure().body, (std::vector<std::uint32_t>{3}));
}

// Labels for kPage: its body paragraphs, and chrome around them.
StructureExample labelled_page() {
  StructureExample page;
  page.text = kPage;
  page.labels = {{0, false}, {1, false}, {4, false},  {5, true},  {6, true},
                 {7, true},  {9, false}, {10, false}, {11, false}};
  page.title_paragraphs = {2};
  page.date = "2025-03-12";
  page.authors = {"Maren Tollefsen"};
  return page;
}

TEST(StructureTraining, LearnsDeterministicallyAndReplacesTheModelThroughPackDir) {
  const std::vector<StructureExample> pages(6, labelled_page());
  StructureTrainingOptions options;
  options.folds = 3;
  const StructureTraining trained = train_structure_model(pages, options);
  EXPECT_EQ(trained.lines, 6u * 9u);
  EXPECT_EQ(trained.title_pages, 6u);  // the headline is among each page's candidates
  EXPECT_DOUBLE_EQ(trained.cv_title_accuracy, 1.0);
  EXPECT_EQ(trained.date_pages, 6u);  // the byline's date is among each page's dated lines
  EXPECT_DOUBLE_EQ(trained.cv_date_accuracy, 1.0);
  EXPECT_EQ(trained.author_pages, 6u);
  EXPECT_DOUBLE_EQ(trained.cv_author_accuracy, 1.0);
  EXPECT_DOUBLE_EQ(trained.cv_rule_author_accuracy, 1.0);
  EXPECT_GE(trained.cv_accuracy, 0.0);
  EXPECT_LE(trained.cv_accuracy, 1.0);
  EXPECT_EQ(trained.model, train_structure_model(pages, options).model);
  // Pages of one group share a fold (a page given as text and as HTML is never scored or
  // calibrated by a model that read its twin): the folds, and so the calibration, change.
  std::vector<StructureExample> twins = pages;
  for (std::size_t i = 0; i < twins.size(); ++i) twins[i].group = "page " + std::to_string(i / 2);
  EXPECT_NE(train_structure_model(twins, options).model, trained.model);
  EXPECT_EQ(train_structure_model(twins, options).model,
            train_structure_model(twins, options).model);

  const auto dir = std::filesystem::temp_directory_path() / "presslens_structure_model_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "structure.model", std::ios::binary) << trained.model;
  Options with_pack;
  with_pack.pack_dir = dir;
  const Document own = analyze(kPage, with_pack);
  const Document builtin = analyze(kPage);
  EXPECT_EQ(own.structure().body_scores.size(), own.paragraphs().size());
  EXPECT_NE(own.structure().body_scores, builtin.structure().body_scores);
  std::filesystem::remove_all(dir);
}

TEST(StructureTraining, RefusesBadInput) {
  StructureExample beyond = labelled_page();
  beyond.labels.push_back({99, true});
  EXPECT_THROW(train_structure_model(std::vector{beyond, labelled_page()}), InvalidArgument);
  StructureExample broken = labelled_page();
  broken.text += "\xff";
  EXPECT_THROW(train_structure_model(std::vector{broken}), InvalidUtf8);
  StructureExample unlabelled = labelled_page();
  unlabelled.labels.clear();
  EXPECT_THROW(train_structure_model(std::vector{unlabelled}), InvalidArgument);
  StructureExample title_beyond = labelled_page();
  title_beyond.title_paragraphs = {42};
  EXPECT_THROW(train_structure_model(std::vector{title_beyond}), InvalidArgument);
  StructureTrainingOptions one_fold;
  one_fold.folds = 1;
  EXPECT_THROW(train_structure_model(std::vector{labelled_page()}, one_fold), InvalidArgument);
}

// Model files of versions 1 (before the date chooser) and 2 (before the author chooser) still
// load: their pages' dates and authors are the rules'. Such files are a version 3 file without its
// last fields, the choosers' rows (48 bytes each when empty: width, scale and five empty arrays).
TEST(StructureModel, OlderModelFilesLoadWithoutTheirChoosers) {
  StructureExample bare = labelled_page();
  bare.date.clear();
  bare.authors.clear();
  StructureTrainingOptions options;
  options.folds = 2;
  const StructureTraining trained =
      train_structure_model(std::vector<StructureExample>(2, bare), options);
  EXPECT_EQ(trained.date_pages, 0u);
  EXPECT_EQ(trained.author_pages, 0u);
  const std::size_t version_at = 4 + std::string_view("presslens block model").size();
  ASSERT_EQ(trained.model[version_at], 3);
  const auto dir = std::filesystem::temp_directory_path() / "presslens_structure_model_older";
  std::filesystem::create_directories(dir);
  Options with_pack;
  with_pack.pack_dir = dir;
  for (const int version : {3, 2, 1}) {
    std::string model = trained.model.substr(0, trained.model.size() - 48 * (3 - version));
    model[version_at] = static_cast<char>(version);
    std::ofstream(dir / "structure.model", std::ios::binary | std::ios::trunc) << model;
    const Document doc = analyze(kPage, with_pack);
    EXPECT_EQ(doc.structure().date, "2025-03-12") << version;
    EXPECT_EQ(doc.structure().date_source, ChoiceSource::kRules) << version;
    ASSERT_EQ(doc.structure().authors.size(), 1u) << version;
    EXPECT_EQ(doc.structure().author_source, ChoiceSource::kRules) << version;
  }
  std::filesystem::remove_all(dir);
}

TEST(StructureModel, CorruptModelFilesAreRefused) {
  StructureTrainingOptions options;
  options.folds = 2;
  const std::string model =
      train_structure_model(std::vector<StructureExample>(2, labelled_page()), options).model;
  const auto dir = std::filesystem::temp_directory_path() / "presslens_structure_model_corrupt";
  std::filesystem::create_directories(dir);
  const auto file = dir / "structure.model";
  // Every cut of the file, and bytes after its end, give an error, never a read past its end.
  for (std::size_t size = 0; size <= model.size(); size += 1 + model.size() / 64) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << model.substr(0, size);
    LanguagePack pack = LanguagePack::builtin("en");
    pack.load_model("structure", file);
    if (size < model.size()) {
      EXPECT_THROW(StructureParser{pack}, LanguagePackError) << size;
    }
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << model << "x";
  LanguagePack pack = LanguagePack::builtin("en");
  pack.load_model("structure", file);
  EXPECT_THROW(StructureParser{pack}, LanguagePackError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace presslens
