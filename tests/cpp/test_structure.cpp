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
      "Opponents said the money should have gone to road repairs instead, and that the bridge "
      "would mostly serve visitors to the new arts quarter rather than people who live there.\n"
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

// The dateline's date is no byline. (A story of three paragraphs: on two, the block model is
// unsure of either, about 0.5, and retrainings fall on either side; docs/structure.md, Limits.)
TEST(StructureParser, WireStoryKeepsItsDatelineInTheBody) {
  const auto r = read(
      "World News\n"
      "Ministers agree to resume fisheries talks\n"
      "24 May 2024\n"
      "BEIJING, May 24 (Reuters) - Fisheries ministers from three countries agreed on Friday to "
      "resume talks that stalled last year, officials said.\n"
      "The talks will start in July in Seoul, according to a joint statement.\n"
      "The three countries share fishing grounds in the Yellow Sea, where catches have fallen "
      "for a decade and patrol boats have clashed twice this year.\n"
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
  // One paragraph is a text, not a page: a chrome word in it ("home", "share") is just a word.
  const auto one = read("The story follows J. R. Hallorann home. Readers share his fear.");
  EXPECT_EQ(one.roles(), (Roles{"body"}));
  EXPECT_EQ(one.doc.sentences().size(), 2u);
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
      {"en", "December 29th, 2019", "2019-12-29"},  // ordinal endings against the day
      {"en", "Posted on 1st March 2020", "2020-03-01"},
      {"en", "29th of December 2019", "2019-12-29"},
      {"fr", "Publié le 1er mai 2024", "2024-05-01"},
      {"zh", "2024年5月24日", "2024-05-24"},
      {"de", "Mi., 12.04.2023", "2023-04-12"},
      // Slashes: day first in French, German and Spanish; in English only when one order alone
      // gives a date (British and American pages differ); no order in Japanese, so no date.
      {"fr", "Publié le 08/07/2026 à 07h15", "2026-07-08T07:15"},
      {"de", "03/02/2025, 18:05 Uhr", "2025-02-03T18:05"},
      {"es", "Actualizado 9/11/2024 - 10:45", "2024-11-09T10:45"},
      {"en", "Posted 07/08/2026 10:30", ""},
      {"en", "Posted 23/06/2026", "2026-06-23"},
      {"en", "Posted 06/23/2026", "2026-06-23"},
      {"ja", "更新 08/07/2026", ""},
      {"ja", "2026年8月5日 19時30分", "2026-08-05T19:30"},
      {"zh", "2025年3月1日 9时05分", "2025-03-01T09:05"},
      // Full-width digits: lines of ASCII without four digits in a row are passed over unread,
      // these must not be.
      {"ja", "２０２５年３月１２日", "2025-03-12"},
      {"en", "Published 12345 days ago", ""},
  };
  for (const auto& c : cases) {
    const auto r =
        read("Some headline for the test\n" + c.line +
                 "\nThe body of the article is a full sentence with enough words in it.\n",
             c.lang);
    EXPECT_EQ(r.doc.structure().date, c.iso) << c.line;
  }
}

TEST(StructureParser, BylineRolesAreNotAuthors) {
  struct Case {
    const char* lang;
    std::string byline;
    std::vector<std::string> authors;
  };
  const std::vector<Case> cases = {
      {"en", "By Maya Lindqvist, Health Correspondent", {"Maya Lindqvist"}},
      {"en", "By Tom Hale and Rosa Vidal, Staff Writers", {"Tom Hale", "Rosa Vidal"}},
      {"en", "By Omar Keane, Chief Political Correspondent | May 2, 2025", {"Omar Keane"}},
      {"de", "Von Lena Vogt, Wirtschaftsredakteurin", {"Lena Vogt"}},
      {"fr", "Par Hugo Marin, Correspondant à Bruxelles", {"Hugo Marin"}},
      {"es", "Por Inés Robles, Corresponsal en Lima", {"Inés Robles"}},
  };
  for (const auto& c : cases) {
    const auto r =
        read("City news\nCouncil votes to close the old harbour bridge for repairs\n" + c.byline +
                 "\nThe council voted on Tuesday to close the bridge for six months.\n"
                 "Engineers found cracks in two of its supports last winter.\n",
             c.lang);
    EXPECT_EQ(r.authors(), c.authors) << c.byline;
  }
  // A role on a line of its own is a byline line, but no author.
  const auto r = read(
      "Harbour news\n"
      "Ferry fares to rise in March\n"
      "Transport Correspondent\n"
      "Alba Reyes\n"
      "Ferry fares will rise by four percent in March, the operator said on Monday.\n"
      "Season tickets are not affected, and fares for children stay the same.\n");
  EXPECT_EQ(r.authors(), (std::vector<std::string>{"Alba Reyes"}));
  EXPECT_EQ(r.roles()[2], "byline");
}

TEST(StructureParser, LongBylineWithADateIsNeverTheTitle) {
  const auto r = read(
      "La Gazette du Port\n"
      "Accueil / Société / Transports\n"
      "Grève : les ferries restent à quai pour la troisième journée\n"
      "Par Hélène Garnier | Publié le 14/03/2025 à 06h40 | Mis à jour le 14/03/2025 à 09h15\n"
      "Partager : Facebook - X - E-mail\n"
      "Les ferries de la compagnie régionale sont restés à quai jeudi, au troisième jour de la "
      "grève.\n"
      "Les syndicats réclament des embauches et une hausse des salaires de cinq pour cent.\n",
      "fr");
  EXPECT_EQ(r.title(), "Grève : les ferries restent à quai pour la troisième journée");
  EXPECT_EQ(r.roles()[3], "byline");
  EXPECT_EQ(r.authors(), (std::vector<std::string>{"Hélène Garnier"}));
  EXPECT_EQ(r.doc.structure().date, "2025-03-14T06:40");
}

TEST(StructureParser, CjkReporterBylines) {
  const auto ja = read(
      "港町新聞\n"
      "港の再開発計画、市議会で可決\n"
      "記者 山田太郎 | 2025年3月1日 9時05分\n"
      "市議会は28日、港の再開発計画を賛成多数で可決した。工事は来年春に始まる予定だ。\n"
      "市長は記者会見で「市民の理解を得られた」と述べた。反対派は住民投票を求めている。\n",
      "ja");
  EXPECT_EQ(ja.authors(), (std::vector<std::string>{"山田太郎"}));
  EXPECT_EQ(ja.doc.structure().date, "2025-03-01T09:05");
  const auto zh = read(
      "港城日报\n"
      "港口改造计划获市议会通过\n"
      "记者 王小明 | 2025年3月1日 09:05\n"
      "市议会28日以多数票通过了港口改造计划。工程预计明年春天开工。\n"
      "市长在记者会上表示，计划得到了市民的理解。反对者要求举行公投。\n",
      "zh");
  EXPECT_EQ(zh.authors(), (std::vector<std::string>{"王小明"}));
  EXPECT_EQ(zh.doc.structure().date, "2025-03-01T09:05");
}

TEST(StructureParser, BioOpensWithTheAuthorsName) {
  const auto r = read(
      "Opinion\n"
      "Our parks need more shade, not more lawns\n"
      "By Ines Okoro | Updated: 2025-07-02 08:00\n"
      "Every summer the city's parks turn brown, and every summer we water them a little more.\n"
      "Trees would cool the paths, shelter the benches and cost less to keep in the long run.\n"
      "The council should plant a thousand of them before the next heatwave arrives.\n"
      "Dr. Ines Okoro teaches urban ecology at the city's university. She lives in Eastfield.\n"
      "More from Opinion\n");
  EXPECT_EQ(r.roles()[6], "bio");
  EXPECT_EQ(r.doc.structure().body, (std::vector<std::uint32_t>{3, 4, 5}));
}

TEST(StructureParser, ReaderCommentsAreNotBody) {
  const auto r = read(
      "The Valley Post\n"
      "Library to open on Sundays from next month\n"
      "The council says the longer hours will cost less than expected, and residents are pleased.\n"
      "12 comments\n"
      "The central library will open on Sundays from June, the council said on Monday.\n"
      "It will employ four more librarians and keep the reading rooms open until six.\n"
      "The change follows a petition signed by more than two thousand residents last year.\n"
      "Comments (12)\n"
      "By Dana Fox, May 5, 2025\n"
      "Great news for families who cannot visit during the week. My children will finally be able "
      "to borrow books on the one day we are all at home together.\n"
      "Load more comments\n");
  // The comment count inside the article does not end it; the heading after it does, and the
  // commenter is no author.
  EXPECT_EQ(r.doc.structure().body, (std::vector<std::uint32_t>{2, 4, 5, 6}));
  EXPECT_TRUE(r.authors().empty());
}

TEST(StructureParser, ByInAHeadlineIsNoByline) {
  const auto r = read(
      "Home / Business / Markets\n"
      "Car giant hit by Mercedes slump\n"
      "Share on Facebook | Share on X\n"
      "Shares in the carmaker fell by a fifth on Tuesday after its premium brand reported its "
      "weakest quarter in a decade.\n"
      "Analysts said the slump in Mercedes sales had spread to the group's other brands.\n"
      "Copyright 2025 The Harbour Gazette.\n");
  EXPECT_EQ(r.title(), "Car giant hit by Mercedes slump");
  EXPECT_TRUE(r.authors().empty());
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
