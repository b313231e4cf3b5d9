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

TEST(SentenceSplitter, SplitsSentencesWithinParagraphs) {
  EXPECT_EQ(sentence_texts("The minister spoke. Nobody listened!\nWas it late? Yes."),
            (Texts{"The minister spoke.", "Nobody listened!", "Was it late?", "Yes."}));
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

TEST(SentenceSplitter, SplitsChineseAndJapanese) {
  EXPECT_EQ(sentence_texts("两国关系正在改善。双方同意继续对话！", "zh"),
            (Texts{"两国关系正在改善。", "双方同意继续对话！"}));
  EXPECT_EQ(sentence_texts("東京は晴れです。明日は雨でしょう。", "ja"),
            (Texts{"東京は晴れです。", "明日は雨でしょう。"}));
}

TEST(SentenceSplitter, KeepsCommonTitlesInsideTheSentence) {
  EXPECT_EQ(sentence_texts("Mr. Smith arrived. He sat down."),
            (Texts{"Mr. Smith arrived.", "He sat down."}));
}

}  // namespace
}  // namespace presslens
