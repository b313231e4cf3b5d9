#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/paragraphs.hpp"

namespace presslens {
namespace {

std::vector<std::string> paragraph_texts(const std::string& text) {
  std::vector<std::string> texts;
  for (const auto& paragraph : ParagraphSplitter().split(text)) {
    texts.emplace_back(text.substr(paragraph.span.begin, paragraph.span.size()));
  }
  return texts;
}

using Texts = std::vector<std::string>;

TEST(ParagraphSplitter, EachLineOfScrapedTextIsAParagraph) {
  EXPECT_EQ(paragraph_texts("Home / Opinion\nHeadline here\n\nBody starts. It goes on.\n"),
            (Texts{"Home / Opinion", "Headline here", "Body starts. It goes on."}));
}

TEST(ParagraphSplitter, HandlesEveryLineBreakConvention) {
  EXPECT_EQ(paragraph_texts("One.\r\nTwo.\rThree.\nFour.\xC2\x85"
                            "Five.\u2028Six.\u2029Seven."),
            (Texts{"One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven."}));
}

TEST(ParagraphSplitter, TrimsUnicodeSpaceAndSkipsBlankLines) {
  EXPECT_EQ(paragraph_texts("\xEF\xBB\xBF  Title\u00A0\n \t\n\u3000本文です。\u3000\n\n\n"),
            (Texts{"Title", "本文です。"}));
}

TEST(ParagraphSplitter, JoinsHardWrappedLines) {
  EXPECT_EQ(paragraph_texts("The council met on Monday and\ndecided to act.\nA new line."),
            (Texts{"The council met on Monday and\ndecided to act.", "A new line."}));
  // Closing punctuation ends the paragraph even before a lower-case line.
  EXPECT_EQ(paragraph_texts("He left.\nthen she came."), (Texts{"He left.", "then she came."}));
}

TEST(ParagraphSplitter, EmptyAndBlankInputsHaveNoParagraphs) {
  EXPECT_TRUE(ParagraphSplitter().split("").empty());
  EXPECT_TRUE(ParagraphSplitter().split(" \n\r\n\t ").empty());
}

TEST(ParagraphSplitter, TextWithoutBreaksIsOneParagraph) {
  const std::string text(100000, 'a');
  const auto paragraphs = ParagraphSplitter().split(text);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0].span, (Span{0, 100000}));
}

}  // namespace
}  // namespace presslens
