#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/analyzer.hpp"
#include "presslens/structure.hpp"

namespace presslens {
namespace {

struct Reading {
  Document doc;
  std::string text(Span span) const { return std::string(doc.text(span)); }
  std::vector<std::string> roles() const {
    std::vector<std::string> roles;
    for (const auto role : doc.structure().roles) roles.emplace_back(to_string(role));
    return roles;
  }
  std::string title() const {
    return doc.structure().title ? text(*doc.structure().title) : std::string("-");
  }
  std::vector<std::string> authors() const {
    std::vector<std::string> names;
    for (const auto& author : doc.structure().authors) names.push_back(text(author));
    return names;
  }
};

Reading read(const std::string& page, const char* lang = "en") {
  Options options;
  options.lang = lang;
  return {Analyzer(options).analyze(page)};
}

using Roles = std::vector<std::string>;

TEST(StructureParser, NewsSiteWithMenusBylineAndFooter) {
  const auto r = read(
      "The Riverside Courier\n"
      "Home / News / Politics / Opinion\n"
      "Council approves new bridge after two years of debate\n"
      "By Helen Marsh and Omar Diaz | Published May 24, 2024\n"
      "Share - Facebook - X\n"
      "The city council voted 9 to 2 on Tuesday to fund a new pedestrian bridge over the river.\n"
      "Construction is expected to start next spring and last about eighteen months.\n"
      "Opponents said the money should have gone to road repairs instead.\n"
      "Most Read\n"
      "Copyright 2024 The Riverside Courier. All rights reserved.\n");
  EXPECT_EQ(r.roles(), (Roles{"boilerplate", "boilerplate", "title", "byline", "boilerplate",
                              "body", "body", "body", "boilerplate", "boilerplate"}));
  EXPECT_EQ(r.title(), "Council approves new bridge after two years of debate");
  EXPECT_EQ(r.authors(), (std::vector<std::string>{"Helen Marsh", "Omar Diaz"}));
  EXPECT_EQ(r.doc.structure().date, "2024-05-24");
  ASSERT_EQ(r.doc.sentences().size(), 3u);  // only the body is split into sentences
  const auto& boilerplate = r.doc.structure().boilerplate;
  ASSERT_EQ(boilerplate.size(), 5u);
  EXPECT_EQ(boilerplate[1].reason, ChromeReason::kLinkList);
  EXPECT_EQ(boilerplate[2].reason, ChromeReason::kChromePhrase);
  EXPECT_EQ(r.text(boilerplate[2].cue), "Share");
  EXPECT_EQ(boilerplate[4].reason, ChromeReason::kLegal);
}

TEST(StructureParser, OpinionColumnWithBio) {
  const auto r = read(
      "Opinion\n"
      "Why libraries matter more than ever\n"
      "By Lena Fischer | Updated: 2023-11-02 09:45\n"
      "Libraries are among the last public spaces where nobody has to buy anything.\n"
      "In many towns they are also the only place with free internet and a warm room in winter.\n"
      "Cutting their budgets saves little and costs a great deal.\n"
      "Lena Fischer is a professor of urban studies. The views expressed are her own.\n"
      "Related stories\n");
  EXPECT_EQ(r.roles(), (Roles{"boilerplate", "title", "byline", "body", "body", "body", "bio",
                              "boilerplate"}));
  EXPECT_EQ(r.doc.structure().date, "2023-11-02T09:45");
  EXPECT_EQ(r.doc.structure().bio, (std::vector<std::uint32_t>{6}));
}

TEST(StructureParser, BlogWithCommentsTeaser) {
  const auto r = read(
      "Notes from the Allotment\n"
      "Growing beans in a dry summer\n"
      "Posted by Konstantin 21.10.2019\n"
      "This year the beans went in late, and the soil was dry by the end of May.\n"
      "Watering in the evening helped more than I expected, and mulch helped even more.\n"
      "Next year I will try a drought-tolerant variety from the seed library.\n"
      "Tags: beans, drought, mulch\n"
      "3 comments\n"
      "Leave a reply\n");
  EXPECT_EQ(r.title(), "Growing beans in a dry summer");
  EXPECT_EQ(r.authors(), (std::vector<std::string>{"Konstantin"}));
  EXPECT_EQ(r.doc.structure().date, "2019-10-21");
  EXPECT_EQ(r.doc.structure().body, (std::vector<std::uint32_t>{3, 4, 5}));
}

TEST(StructureParser, WireStoryKeepsItsDatelineInTheBody) {
  const auto r = read(
      "World News\n"
      "Ministers agree to resume fisheries talks\n"
      "24 May 2024\n"
      "BEIJING, May 24 (Reuters) - Fisheries ministers from three countries agreed on Friday to "
      "resume talks that stalled last year, officials said.\n"
      "The talks will start in July in Seoul, according to a joint statement.\n"
      "Reporting by Jane Doe; Editing by John Roe\n");
  EXPECT_EQ(r.title(), "Ministers agree to resume fisheries talks");
  EXPECT_EQ(r.doc.structure().date, "2024-05-24");
  ASSERT_FALSE(r.doc.structure().body.empty());
  EXPECT_EQ(r.doc.structure().body.front(), 3u);
  EXPECT_EQ(r.roles()[3], "body");
}

TEST(StructureParser, CleanTextIsAllBodyButItsHeadline) {
  const auto r = read(
      "A quiet revolution in rural schools\n\n"
      "Across the region, small schools are sharing teachers over video links.\n\n"
      "Parents were sceptical at first. Now most say the lessons work.\n");
  EXPECT_EQ(r.roles(), (Roles{"title", "body", "body"}));
  const auto no_headline = read("One paragraph of clean text. And a second sentence.");
  EXPECT_EQ(no_headline.roles(), (Roles{"body"}));
  EXPECT_EQ(no_headline.doc.sentences().size(), 2u);
}

TEST(StructureParser, DatesInManyForms) {
  struct Case {
    const char* lang;
    std::string line;
    std::string iso;
  };
  const std::vector<Case> cases = {
      {"en", "Updated: 2024-05-24 11:10", "2024-05-24T11:10"},
      {"en", "May 24, 2024", "2024-05-24"},
      {"en", "24 May 2024", "2024-05-24"},
      {"de", "Veröffentlicht am 6. November 2023", "2023-11-06"},
      {"fr", "Publié le 5 juin 2022 à 14:30", "2022-06-05T14:30"},
      {"es", "12 de marzo de 2024", "2024-03-12"},
      {"zh", "2024年5月24日", "2024-05-24"},
      {"de", "Mi., 12.04.2023", "2023-04-12"},
  };
  for (const auto& c : cases) {
    const auto r =
        read("Some headline for the test\n" + c.line +
                 "\nThe body of the article is a full sentence with enough words in it.\n",
             c.lang);
    EXPECT_EQ(r.doc.structure().date, c.iso) << c.line;
  }
}

TEST(StructureParser, SwitchedOffEverythingIsBody) {
  Options options;
  options.detect_structure = false;
  const auto doc = Analyzer(options).analyze("Home / News\nHeadline\nBody text here.\n");
  EXPECT_EQ(doc.structure().body, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(doc.sentences().size(), 3u);
}

TEST(StructureParser, EmptyAndUnbrokenText) {
  EXPECT_TRUE(read("").doc.structure().roles.empty());
  const std::string line(200000, 'x');
  EXPECT_EQ(read(line).roles(), (Roles{"body"}));
}

}  // namespace
}  // namespace presslens
