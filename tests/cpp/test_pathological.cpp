// Inputs built to break a text analyser. Each must finish (linear time is shown by the scaling
// benchmarks, not asserted here), keep every offset valid and lose no text.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document_invariants.hpp"
#include "presslens/analyzer.hpp"

namespace presslens {
namespace {

using testing::first_violation;

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// One code point of every general category UTF-8 can hold (all but surrogates), between words.
std::string one_per_general_category() {
  std::set<std::int8_t> seen;
  std::string out;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    const std::int8_t type = u_charType(c);
    if (U_IS_SURROGATE(c) || !seen.insert(type).second) continue;
    char bytes[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    out += "word" + std::string(bytes, static_cast<std::size_t>(length)) + "x. ";
  }
  EXPECT_EQ(seen.size(), 29u);  // every category but the surrogates
  return out;
}

struct Case {
  const char* name;
  std::string text;
};

// Keyphrases (tagged, counted, ranked) lie inside the text on character boundaries, best first.
void expect_sound_keyphrases(const Analyzer& analyzer, const Document& doc,
                             const std::string& name) {
  const auto phrases = analyzer.keyphrases(doc, 10);
  const std::string_view text = doc.text();
  const auto on_boundary = [&](std::uint32_t byte) {
    return byte == text.size() ||
           (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80);
  };
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    const Span span = phrases[i].first;
    EXPECT_LT(span.begin, span.end) << name;
    EXPECT_LE(span.end, text.size()) << name;
    EXPECT_TRUE(on_boundary(span.begin) && on_boundary(span.end)) << name;
    if (i > 0) {
      EXPECT_LE(phrases[i].score, phrases[i - 1].score) << name;
    }
  }
}

TEST(Pathological, EveryInputKeepsItsOffsetsAndLosesNoText) {
  const std::vector<Case> cases = {
      {"1,000,000 periods", std::string(1'000'000, '.')},
      {"1,000,000 straight quotes", std::string(1'000'000, '"')},
      {"1,000,000 curly quotes", repeat("“", 500'000) + repeat("”", 500'000)},
      {"alternating opening quotes", repeat("«“„‘‹「『", 100'000)},
      // 1 MB: the 10 MB and 100 MB texts without punctuation have tests of their own.
      {"one 1 MB sentence", repeat("word ", 200'000) + "end."},
      {"deeply nested brackets", repeat("(", 200'000) + "x" + repeat(")", 200'000)},
      {"deeply nested quotes", repeat("“‘", 50'000) + "said" + repeat("’”", 50'000)},
      {"20,000 attributed quotes in one sentence", repeat("\"we win\" said Bo and ", 20'000)},
      {"every general category", one_per_general_category()},
      {"mixed scripts",
       repeat("Tokyo東京とうきょうトウキョウ서울Москваمصرभारत🇯🇵 said “はい”. Next one.", 2'000)},
      {"NUL bytes", repeat(std::string("The minister\0 spoke.\0\0 Nobody \0listened.", 41), 1'000)},
      {"CRLF and lone CR",
       repeat("One line.\r\nTwo lines.\rThree.\r\n\r\nNew paragraph.\r", 2'000)},
      {"BOM",
       "\xEF\xBB\xBFHeadline\n\n\xEF\xBB\xBFThe minister spoke. \xEF\xBB\xBFNobody listened."},
      {"zero-width joiners", repeat("👩\u200d👩\u200d👧 family. A\u200db\u200cc\u200b. ", 5'000)},
      {"unbalanced marks in prose",
       repeat("He said \"yes. She said «no. They said „maybe. ", 20'000)},
      {"only white space", repeat(" \t\n\u3000\u00a0\u2028", 100'000)},
  };
  const Analyzer analyzer;
  for (const Case& c : cases) {
    const Document doc = analyzer.analyze(c.text);
    EXPECT_EQ(doc.text(), c.text) << c.name;
    EXPECT_EQ(first_violation(doc), "") << c.name;
    expect_sound_keyphrases(analyzer, doc, c.name);
  }
}

TEST(Pathological, HundredMegabytesWithoutPunctuation) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr std::size_t kWords = 2'000'000;  // 10 MB: the sanitizers are ten times slower
#else
  constexpr std::size_t kWords = 20'000'000;  // 100 MB
#endif
  const std::string text = repeat("word ", kWords);
  Options options;
  options.detect_structure = false;
  const Document doc = Analyzer(options).analyze(text);
  ASSERT_EQ(doc.sentences().size(), 1u);
  EXPECT_EQ(doc.sentences()[0].span, (Span{0, static_cast<std::uint32_t>(text.size() - 1)}));
  EXPECT_EQ(doc.tokens().size(), kWords);
  EXPECT_EQ(doc.keys().size(), 1u);  // one distinct word, keyed once
  // Parsing runs at a few MB/s (docs/syntax.md): a minute for 100 MB. The next test parses 10.
  EXPECT_EQ(first_violation(doc, /*parse=*/false), "");
}

TEST(Pathological, SyntaxAndKeyphrasesOfTenMegabytesWithoutPunctuation) {
  // The parser and the keyphrases (which tag in windows) stay linear and bounded, shown on a
  // tenth of the analyser's test size: they run at a few MB/s, and 100 MB would add a minute to
  // every test run.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr std::size_t kWords = 200'000;  // 1 MB
#else
  constexpr std::size_t kWords = 2'000'000;   // 10 MB
#endif
  Options options;
  options.detect_structure = false;
  const Analyzer analyzer(options);
  const Document doc = analyzer.analyze(repeat("word ", kWords));
  EXPECT_EQ(first_violation(doc), "");
  const auto phrases = analyzer.keyphrases(doc, 10);
  ASSERT_FALSE(phrases.empty());
  for (const Keyword& k : phrases) {
    EXPECT_TRUE(k.key == "word" || k.key.starts_with("word word")) << k.key;
    EXPECT_EQ(k.count, k.key == "word" ? kWords : kWords - k.words + 1) << k.key;
  }
}

}  // namespace
}  // namespace presslens
