#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/analyzer.hpp"

namespace presslens {
namespace {

const char* const kMultilingual[] = {
    "The minister spoke. Nobody listened.",
    "Le ministre a parlé. Personne n'a écouté. Déjà vu, n'est-ce pas ?",
    "Die Ministerin sprach. Niemand hörte zu. Straße für Straße.",
    "两国关系正在改善。双方同意继续对话！",
    "東京は晴れです。明日は雨でしょう。",
    "Emoji 👩‍👩‍👧 and flags 🇫🇷 count as several code points. Fine 😀.",
    "Combining marks: e\xCC\x81t\xCC\x81"
    "e\xCC\x81. Next sentence.",
    "",
};

// Every span lies in the text, on code-point boundaries, and converts to code points and back.
void expect_valid_spans(const Document& doc) {
  const auto size = static_cast<std::uint32_t>(doc.text().size());
  const auto on_boundary = [&](std::uint32_t byte) {
    return byte == size || (static_cast<unsigned char>(doc.text()[byte]) & 0xC0) != 0x80;
  };
  for (const auto& sentence : doc.sentences()) {
    const Span span = sentence.span;
    ASSERT_LT(span.begin, span.end);
    ASSERT_LE(span.end, size);
    ASSERT_TRUE(on_boundary(span.begin) && on_boundary(span.end));
    EXPECT_EQ(doc.to_bytes(doc.to_code_points(span.begin)), span.begin);
    EXPECT_EQ(doc.to_bytes(doc.to_code_points(span.end)), span.end);
    ASSERT_LT(sentence.paragraph, doc.paragraphs().size());
    const Span paragraph = doc.paragraphs()[sentence.paragraph].span;
    EXPECT_TRUE(paragraph.begin <= span.begin && span.end <= paragraph.end);
  }
}

TEST(Analyzer, SpansAreValidInEveryScript) {
  const Analyzer analyzer;
  for (const char* text : kMultilingual) {
    const Document doc = analyzer.analyze(text);
    EXPECT_EQ(doc.text(), text);
    expect_valid_spans(doc);
  }
}

TEST(Analyzer, EmptyTextGivesAnEmptyDocument) {
  const Document doc = Analyzer().analyze("");
  EXPECT_TRUE(doc.text().empty());
  EXPECT_TRUE(doc.paragraphs().empty());
  EXPECT_TRUE(doc.sentences().empty());
}

TEST(Analyzer, StrictPolicyThrowsAtTheFirstBadByte) {
  try {
    Analyzer().analyze("Fine text. Then \xC3( broken.");
    FAIL() << "expected InvalidUtf8";
  } catch (const InvalidUtf8& error) {
    EXPECT_EQ(error.byte_offset(), 16u);
    EXPECT_EQ(error.fault(), Utf8Fault::kTruncated);
  }
}

TEST(Analyzer, ReplacePolicySubstitutesAndCounts) {
  Options options;
  options.utf8_policy = Utf8Policy::kReplace;
  const Document doc = Analyzer(options).analyze("Caf\xE9 closed. \xFF\xFEGone.");
  EXPECT_EQ(doc.text(), "Caf\uFFFD closed. \uFFFD\uFFFDGone.");
  EXPECT_EQ(doc.replacements(), 3u);
  expect_valid_spans(doc);
  ASSERT_EQ(doc.sentences().size(), 2u);
}

TEST(Analyzer, RejectsOversizedTextBeforeReadingIt) {
  static const char byte = 'a';
  const std::string_view huge(&byte, kMaxTextBytes + 1);  // never dereferenced past the check
  EXPECT_THROW(Analyzer().analyze(huge), InvalidArgument);
}

TEST(Analyzer, LaterStagesCanBeSwitchedOff) {
  Options options;
  options.tokens = false;
  const Document doc = Analyzer(options).analyze("He said \"yes.\" Prices rose 4%.");
  EXPECT_EQ(doc.sentences().size(), 2u);
  EXPECT_TRUE(doc.tokens().empty() && doc.quotes().empty() && doc.claims().empty());
  options.tokens = true;
  options.claims = false;
  const Document without_claims = Analyzer(options).analyze("He said \"yes.\" Prices rose 4%.");
  EXPECT_FALSE(without_claims.tokens().empty());
  EXPECT_FALSE(without_claims.quotes().empty());
  EXPECT_TRUE(without_claims.claims().empty());
}

TEST(Analyzer, RejectsMalformedLanguageCodes) {
  Options options;
  options.lang = "../../etc/passwd";
  EXPECT_THROW(Analyzer{options}, InvalidArgument);
}

bool same_layers(const Document& a, const Document& b) {
  if (a.text() != b.text() || a.paragraphs().size() != b.paragraphs().size() ||
      a.sentences().size() != b.sentences().size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.sentences().size(); ++i) {
    if (a.sentences()[i].span != b.sentences()[i].span ||
        a.sentences()[i].paragraph != b.sentences()[i].paragraph) {
      return false;
    }
  }
  return true;
}

TEST(Analyzer, BatchEqualsSequentialOnAnyThreadCount) {
  const Analyzer analyzer;
  std::vector<std::string> owned;
  for (int copy = 0; copy < 25; ++copy) {
    for (const char* text : kMultilingual)
      owned.push_back(std::string(text) + " #" + std::to_string(copy));
  }
  const std::vector<std::string_view> texts(owned.begin(), owned.end());
  for (unsigned threads : {1u, 2u, 4u, 0u}) {
    const auto batch = analyzer.analyze_batch(texts, threads);
    ASSERT_EQ(batch.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      ASSERT_TRUE(same_layers(batch[i], analyzer.analyze(texts[i]))) << "text " << i;
    }
  }
  EXPECT_TRUE(analyzer.analyze_batch({}, 2).empty());
}

TEST(Analyzer, BatchRethrowsTheFirstFailureInInputOrder) {
  const std::vector<std::string_view> texts = {"ok.", "bad \xFF here", "fine.", "\x80 worse"};
  try {
    Analyzer().analyze_batch(texts, 3);
    FAIL() << "expected InvalidUtf8";
  } catch (const InvalidUtf8& error) {
    EXPECT_EQ(error.byte_offset(), 4u);  // from text 1, not text 3
  }
}

}  // namespace
}  // namespace presslens
