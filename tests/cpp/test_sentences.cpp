#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/paragraphs.hpp"
#include "presslens/sentences.hpp"

namespace presslens {
namespace {

using Texts = std::vector<std::string>;

Texts sentence_texts(const std::string& text, const char* lang = "en") {
  const SentenceSplitter splitter(LanguagePack::builtin(lang));
  const auto paragraphs = ParagraphSplitter().split(text);
  Texts texts;
  for (const auto& sentence : splitter.split(text, paragraphs)) {
    texts.emplace_back(text.substr(sentence.span.begin, sentence.span.size()));
  }
  return texts;
}

TEST(SentenceSplitter, SplitsAtTerminatorsFollowedBySpace) {
  EXPECT_EQ(sentence_texts("The minister spoke. Nobody listened!\nWas it late? Yes?! Fine!!"),
            (Texts{"The minister spoke.", "Nobody listened!", "Was it late?", "Yes?!", "Fine!!"}));
}

TEST(SentenceSplitter, RecordsTheParagraphOfEachSentence) {
  const std::string text = "First. Second.\n\nThird.";
  const SentenceSplitter splitter(LanguagePack::builtin("en"));
  const auto sentences = splitter.split(text, ParagraphSplitter().split(text));
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].paragraph, 0u);
  EXPECT_EQ(sentences[1].paragraph, 0u);
  EXPECT_EQ(sentences[2].paragraph, 1u);
}

TEST(SentenceSplitter, TitlesNeverEndASentence) {
  EXPECT_EQ(
      sentence_texts("Mr. Smith met Dr. Amara Lindqvist at St. Brigid's Hospital. It rained."),
      (Texts{"Mr. Smith met Dr. Amara Lindqvist at St. Brigid's Hospital.", "It rained."}));
}

TEST(SentenceSplitter, AbbreviationsEndASentenceOnlyBeforeAStarter) {
  EXPECT_EQ(sentence_texts("I live in the U.S. How about you?"),
            (Texts{"I live in the U.S.", "How about you?"}));
  EXPECT_EQ(sentence_texts("I work for the U.S. Government in Virginia."),
            (Texts{"I work for the U.S. Government in Virginia."}));
  EXPECT_EQ(sentence_texts("At 5 a.m. Mr. Smith left. He came back at 6 P.M. Mr. Smith slept."),
            (Texts{"At 5 a.m. Mr. Smith left.", "He came back at 6 P.M.", "Mr. Smith slept."}));
  EXPECT_EQ(sentence_texts("They bought shares in Acme Corp. It rose."),
            (Texts{"They bought shares in Acme Corp.", "It rose."}));
}

TEST(SentenceSplitter, TheSyntaxLexiconReadsCommonWordsAfterAnAbbreviation) {
  // "applications" is a common noun to the English model, "Senate" and "United" are names, and a
  // first word is not followed by a comma or a bracket.
  EXPECT_EQ(sentence_texts("Parents pay school fees, etc. Applications open in March."),
            (Texts{"Parents pay school fees, etc.", "Applications open in March."}));
  EXPECT_EQ(sentence_texts("The vote in the U.S. Senate was close."),
            (Texts{"The vote in the U.S. Senate was close."}));
  EXPECT_EQ(sentence_texts("The derby, Rovers vs. United, sold out within an hour."),
            (Texts{"The derby, Rovers vs. United, sold out within an hour."}));
}

TEST(SentenceSplitter, NamesWrittenInLowerCaseOpenSentences) {
  EXPECT_EQ(sentence_texts("Sales fell sharply. iPhone revenue dropped. eBay rose."),
            (Texts{"Sales fell sharply.", "iPhone revenue dropped.", "eBay rose."}));
  EXPECT_EQ(sentence_texts("Les régions (p. ex. l'Occitanie) ont demandé de l'aide.", "fr"),
            (Texts{"Les régions (p. ex. l'Occitanie) ont demandé de l'aide."}));
}

TEST(SentenceSplitter, NumberPrefixesAndNumbers) {
  EXPECT_EQ(sentence_texts("See p. 55 and No. 7 in Vol. 2. It costs $4.5 billion. Then 3.14."),
            (Texts{"See p. 55 and No. 7 in Vol. 2.", "It costs $4.5 billion.", "Then 3.14."}));
  EXPECT_EQ(sentence_texts("The fund opened in 2021. The fund closed."),
            (Texts{"The fund opened in 2021.", "The fund closed."}));
}

TEST(SentenceSplitter, Initials) {
  EXPECT_EQ(sentence_texts("J. R. R. Tolkien wrote it. We make a good team, you and I. Did you?"),
            (Texts{"J. R. R. Tolkien wrote it.", "We make a good team, you and I.", "Did you?"}));
  EXPECT_EQ(sentence_texts("The novel follows J. R. Hallorann through the winter."),
            (Texts{"The novel follows J. R. Hallorann through the winter."}));
}

TEST(SentenceSplitter, QuotesAndBracketsStayWithTheirSentence) {
  EXPECT_EQ(sentence_texts("She said, \"This is great.\" she smiled. \"Go.\" He went."),
            (Texts{"She said, \"This is great.\" she smiled.", "\"Go.\"", "He went."}));
  EXPECT_EQ(sentence_texts("He taught (he was an engineer.) at the school. “Really?” She left."),
            (Texts{"He taught (he was an engineer.) at the school.", "“Really?”", "She left."}));
  EXPECT_EQ(sentence_texts("That is JFK Jr.'s book."), (Texts{"That is JFK Jr.'s book."}));
}

TEST(SentenceSplitter, UrlsEmailsAndDecimalsHaveNoSpace) {
  EXPECT_EQ(
      sentence_texts("Write to jane.doe@example.com. Or see https://example.org/a.html. Done."),
      (Texts{"Write to jane.doe@example.com.", "Or see https://example.org/a.html.", "Done."}));
}

TEST(SentenceSplitter, Ellipses) {
  EXPECT_EQ(sentence_texts("I never meant that.... She left. Well... maybe. Wait… No."),
            (Texts{"I never meant that....", "She left.", "Well... maybe.", "Wait…", "No."}));
  EXPECT_EQ(sentence_texts("He was . . . tired. She read [...] and slept."),
            (Texts{"He was . . . tired.", "She read [...] and slept."}));
  EXPECT_EQ(sentence_texts("It ended. . . . The rest was silence."),
            (Texts{"It ended.", ". . . The rest was silence."}));
}

TEST(SentenceSplitter, ListsAndBullets) {
  EXPECT_EQ(sentence_texts("1. The first item 2. The second item"),
            (Texts{"1. The first item", "2. The second item"}));
  EXPECT_EQ(sentence_texts("a) Apples b) Pears c) Plums"),
            (Texts{"a) Apples", "b) Pears", "c) Plums"}));
  EXPECT_EQ(sentence_texts("• 9. The first item • 10. The second item"),
            (Texts{"• 9. The first item", "• 10. The second item"}));
  EXPECT_EQ(sentence_texts("He scored 3. The team won."), (Texts{"He scored 3.", "The team won."}));
}

TEST(SentenceSplitter, EmoticonsAndEmoji) {
  EXPECT_EQ(sentence_texts("We won! 🎉 See you. Love it :) Bye now"),
            (Texts{"We won! 🎉", "See you.", "Love it :)", "Bye now"}));
}

TEST(SentenceSplitter, HardWrappedLinesAndShortLines) {
  EXPECT_EQ(sentence_texts("This is a sentence\ncut off in the middle because pdf."),
            (Texts{"This is a sentence\ncut off in the middle because pdf."}));
  EXPECT_EQ(sentence_texts("features\ncontact manager\nevents, activities\n"),
            (Texts{"features", "contact manager", "events, activities"}));
}

TEST(SentenceSplitter, ChineseAndJapanese) {
  EXPECT_EQ(sentence_texts("两国关系正在改善。双方同意继续对话！“我们会努力。”他说。", "zh"),
            (Texts{"两国关系正在改善。", "双方同意继续对话！", "“我们会努力。”他说。"}));
  EXPECT_EQ(sentence_texts("東京は晴れです。「行きます。」と彼は言った。本当？", "ja"),
            (Texts{"東京は晴れです。", "「行きます。」と彼は言った。", "本当？"}));
  // A quoted exclamation before a short clause ending in a speech verb stays in its sentence; a
  // longer clause is a sentence of its own.
  EXPECT_EQ(sentence_texts("“太不公平了！”一名球迷大喊。比赛结束了。", "zh"),
            (Texts{"“太不公平了！”一名球迷大喊。", "比赛结束了。"}));
  EXPECT_EQ(sentence_texts("“增速将保持在合理区间。”国家统计局周一公布了最新数据。", "zh"),
            (Texts{"“增速将保持在合理区间。”", "国家统计局周一公布了最新数据。"}));
  // Terminators inside title marks belong to the title; a stray 《 does not silence the paragraph.
  EXPECT_EQ(sentence_texts("《别怕，明天会更好！》上市首周销量突破十万册。", "zh"),
            (Texts{"《别怕，明天会更好！》上市首周销量突破十万册。"}));
  EXPECT_EQ(sentence_texts("他读了《三体。然后睡了。后来醒了。", "zh"),
            (Texts{"他读了《三体。", "然后睡了。", "后来醒了。"}));
}

TEST(SentenceSplitter, FrenchGermanSpanish) {
  EXPECT_EQ(sentence_texts("M. Dupont est parti. « C'est fini. » Il pleut. Vraiment ?", "fr"),
            (Texts{"M. Dupont est parti.", "« C'est fini. »", "Il pleut.", "Vraiment ?"}));
  EXPECT_EQ(
      sentence_texts("Er kam am 1. Januar z.B. mit Dr. Weber. Die Wahl war 1990. Sie lief.", "de"),
      (Texts{"Er kam am 1. Januar z.B. mit Dr. Weber.", "Die Wahl war 1990.", "Sie lief."}));
  EXPECT_EQ(sentence_texts("Llegó el Sr. Pérez. ¿Quién abre? ¡Nadie!", "es"),
            (Texts{"Llegó el Sr. Pérez.", "¿Quién abre?", "¡Nadie!"}));
}

TEST(SentenceSplitter, LanguagesWithoutAPackStillSplit) {
  EXPECT_EQ(sentence_texts("Il ministro ha parlato. Nessuno ha ascoltato.", "it"),
            (Texts{"Il ministro ha parlato.", "Nessuno ha ascoltato."}));
}

// Every byte of the text is covered: sentences are ordered, disjoint, and what lies between them
// is white space.
TEST(SentenceSplitter, PathologicalInputsStayLinearAndLoseNothing) {
  const std::vector<std::string> inputs = {std::string(1'000'000, '.'),
                                           std::string(1'000'000, 'a'),
                                           std::string(300'000, '"'),
                                           std::string(200'000, ')') + std::string(200'000, '('),
                                           [] {
                                             std::string s;
                                             for (int i = 0; i < 100'000; ++i) s += "1. a. ";
                                             return s;
                                           }(),
                                           [] {
                                             std::string s;
                                             for (int i = 0; i < 100'000; ++i) s += "Mr. ";
                                             return s;
                                           }()};
  const SentenceSplitter splitter(LanguagePack::builtin("en"));
  for (const auto& text : inputs) {
    const auto paragraphs = ParagraphSplitter().split(text);
    const auto sentences = splitter.split(text, paragraphs);
    std::uint32_t previous = 0;
    for (const auto& sentence : sentences) {
      ASSERT_LE(previous, sentence.span.begin);
      for (std::uint32_t i = previous; i < sentence.span.begin; ++i) ASSERT_EQ(text[i], ' ');
      previous = sentence.span.end;
    }
    for (std::uint32_t i = previous; i < text.size(); ++i) ASSERT_EQ(text[i], ' ');
  }
}

}  // namespace
}  // namespace presslens
