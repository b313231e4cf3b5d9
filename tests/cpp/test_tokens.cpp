#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "presslens/tokens.hpp"

namespace presslens {
namespace {

using Pieces = std::vector<std::pair<std::string, std::string>>;  // (text, kind)

Pieces tokenize(const std::string& text, const char* lang = "en") {
  const Tokenizer tokenizer(LanguagePack::builtin(lang));
  std::vector<Token> tokens;
  tokenizer.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, 0, tokens);
  Pieces pieces;
  for (const auto& t : tokens) {
    pieces.emplace_back(text.substr(t.span.begin, t.span.size()), to_string(t.kind));
  }
  return pieces;
}

TEST(Tokenizer, WordsNumbersAndPunctuation) {
  EXPECT_EQ(tokenize("China's GDP rose 1.8% to $40,000."), (Pieces{{"China's", "word"},
                                                                   {"GDP", "word"},
                                                                   {"rose", "word"},
                                                                   {"1.8", "number"},
                                                                   {"%", "punctuation"},
                                                                   {"to", "word"},
                                                                   {"$", "symbol"},
                                                                   {"40,000", "number"},
                                                                   {".", "punctuation"}}));
}

TEST(Tokenizer, HyphensApostrophesAndAcronymsStayInside) {
  EXPECT_EQ(tokenize("Japan-China people-to-people ties, the U.S. and don’t students' '90s"),
            (Pieces{{"Japan-China", "word"},
                    {"people-to-people", "word"},
                    {"ties", "word"},
                    {",", "punctuation"},
                    {"the", "word"},
                    {"U.S", "word"},
                    {".", "punctuation"},
                    {"and", "word"},
                    {"don’t", "word"},
                    {"students", "word"},
                    {"'", "punctuation"},
                    {"'", "punctuation"},
                    {"90s", "word"}}));
}

TEST(Tokenizer, UrlsEmailsHashtagsMentionsAndEmoji) {
  EXPECT_EQ(
      tokenize(
          "See https://example.org/a?b=1. Mail jane.doe@example.com #climate @Reuters 🇫🇷 👩‍👩‍👧"),
      (Pieces{{"See", "word"},
              {"https://example.org/a?b=1", "url"},
              {".", "punctuation"},
              {"Mail", "word"},
              {"jane.doe@example.com", "email"},
              {"#climate", "hashtag"},
              {"@Reuters", "mention"},
              {"🇫🇷", "symbol"},
              {"👩‍👩‍👧", "symbol"}}));
}

TEST(Tokenizer, ChineseAndJapaneseUseDictionaries) {
  const auto chinese = tokenize("两国外长同意恢复对话。", "zh");
  ASSERT_GE(chinese.size(), 5u);
  EXPECT_EQ(chinese.front().first, "两国");
  EXPECT_EQ(chinese.back(), (std::pair<std::string, std::string>{"。", "punctuation"}));
  const auto japanese = tokenize("東京都は晴れです。", "ja");
  ASSERT_GE(japanese.size(), 4u);
  EXPECT_EQ(japanese.front().first, "東京");
}

TEST(Tokenizer, KeysFoldCaseNormaliseAndStripPossessives) {
  const Tokenizer english(LanguagePack::builtin("en"));
  EXPECT_EQ(english.key("China's"), "china");
  EXPECT_EQ(english.key("China’s"), "china");
  EXPECT_EQ(english.key("ﬁnance"), "finance");
  EXPECT_EQ(english.key("ＧＤＰ２０２４"), "gdp2024");
  EXPECT_EQ(english.key("don’t"), "don't");
  EXPECT_EQ(Tokenizer(LanguagePack::builtin("de")).key("Straße"), "strasse");
  EXPECT_EQ(Tokenizer(LanguagePack::builtin("fr")).key("l’Europe"), "europe");
  EXPECT_EQ(Tokenizer::compound_parts("japan-china"),
            (std::vector<std::string_view>{"japan", "china"}));
  EXPECT_TRUE(Tokenizer::compound_parts("china").empty());
}

// What key() leaves out, in bytes of the text as written: a phrase is shown without it.
TEST(Tokenizer, ElidedArticlesAndPossessivesAsWritten) {
  const Tokenizer french(LanguagePack::builtin("fr"));
  EXPECT_EQ(french.elided_prefix("l'aéroport"), 2u);
  EXPECT_EQ(french.elided_prefix("L’Europe"), 4u);  // ’ is three bytes
  EXPECT_EQ(french.elided_prefix("jusqu'ici"), 6u);
  EXPECT_EQ(french.elided_prefix("l'"), 0u);  // nothing after it
  EXPECT_EQ(french.elided_prefix("lac"), 0u);
  const Tokenizer english(LanguagePack::builtin("en"));
  EXPECT_EQ(english.possessive_suffix("City's"), 2u);
  EXPECT_EQ(english.possessive_suffix("City’s"), 4u);
  EXPECT_EQ(english.possessive_suffix("'s"), 0u);
  EXPECT_EQ(english.possessive_suffix("cities"), 0u);
}

TEST(Tokenizer, PathologicalInputs) {
  const Tokenizer tokenizer(LanguagePack::builtin("en"));
  for (const std::string& text :
       {std::string(200000, '-'), std::string(200000, 'a'), std::string(100000, '\''),
        std::string("a-") + std::string(100000, 'b')}) {
    std::vector<Token> tokens;
    tokenizer.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, 0, tokens);
    std::uint32_t covered = 0;
    for (const auto& t : tokens) {
      ASSERT_EQ(t.span.begin, covered);  // no white space in these: tokens tile the text
      covered = t.span.end;
    }
    EXPECT_EQ(covered, text.size());
  }
}

}  // namespace
}  // namespace presslens
