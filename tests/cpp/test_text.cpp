#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/text.hpp"

namespace presslens {
namespace {

struct FaultCase {
  std::string bytes;
  std::size_t offset;
  Utf8Fault fault;
};

TEST(FindInvalidUtf8, AcceptsWellFormedText) {
  EXPECT_FALSE(find_invalid_utf8(""));
  EXPECT_FALSE(find_invalid_utf8("plain ASCII, long enough to take the eight-byte path"));
  EXPECT_FALSE(find_invalid_utf8("café 中文 日本語 😀 e\xCC\x81 \xF4\x8F\xBF\xBF"));
  EXPECT_FALSE(find_invalid_utf8(std::string("nul\0byte", 8)));
}

TEST(FindInvalidUtf8, ReportsEachFaultAtItsByteOffset) {
  const std::vector<FaultCase> cases = {
      {"abc\x80xyz", 3, Utf8Fault::kUnexpectedContinuation},
      {"ab\xC0\xAF", 2, Utf8Fault::kOverlong},
      {"\xE0\x80\xAF", 0, Utf8Fault::kOverlong},
      {"0123456789\xF0\x80\x80\xAF", 10, Utf8Fault::kOverlong},
      {"x\xED\xA0\x80", 1, Utf8Fault::kSurrogate},
      {"\xF4\x90\x80\x80", 0, Utf8Fault::kTooLarge},
      {"\xF5\x80\x80\x80", 0, Utf8Fault::kTooLarge},
      {"\xFF", 0, Utf8Fault::kInvalidByte},
      {"caf\xC3", 3, Utf8Fault::kTruncated},
      {"\xE4\xB8x", 0, Utf8Fault::kTruncated},
      {"ok 😀 then \xF0\x9F\x98", 13, Utf8Fault::kTruncated},
  };
  for (const auto& c : cases) {
    const auto error = find_invalid_utf8(c.bytes);
    ASSERT_TRUE(error) << c.bytes;
    EXPECT_EQ(error->byte_offset, c.offset) << c.bytes;
    EXPECT_EQ(error->fault, c.fault) << c.bytes;
  }
}

TEST(InvalidUtf8, CarriesCodeOffsetAndFault) {
  const InvalidUtf8 error(Utf8Error{7, Utf8Fault::kSurrogate});
  EXPECT_EQ(error.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(error.byte_offset(), 7u);
  EXPECT_EQ(error.fault(), Utf8Fault::kSurrogate);
  EXPECT_NE(std::string(error.what()).find("byte 7"), std::string::npos);
}

TEST(ReplaceInvalidUtf8, ReplacesEachMaximalSubpartOnce) {
  // Expected results follow the Unicode "maximal subpart" practice, as Python's decoder does.
  EXPECT_EQ(replace_invalid_utf8("a\x80"
                                 "b")
                .text,
            "a\uFFFDb");
  const auto truncated = replace_invalid_utf8("\xE4\xB8x");
  EXPECT_EQ(truncated.text, "\uFFFDx");
  EXPECT_EQ(truncated.replacements, 1u);
  const auto overlong = replace_invalid_utf8("\xE0\x80\xAF");
  EXPECT_EQ(overlong.text, "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(overlong.replacements, 3u);
  const auto clean = replace_invalid_utf8("déjà vu");
  EXPECT_EQ(clean.text, "déjà vu");
  EXPECT_EQ(clean.replacements, 0u);
  EXPECT_FALSE(find_invalid_utf8(replace_invalid_utf8("\xFF\xFE text \xC3").text));
}

// Code-point offsets computed the slow way, one per byte boundary.
std::vector<std::uint32_t> code_point_starts(const std::string& text) {
  std::vector<std::uint32_t> starts;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  return starts;
}

TEST(OffsetMap, RoundTripsEveryCodePointInMultilingualText) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "Le café est fermé. 中国和日本的关系。東京都は晴れ。";
    text += "👩‍👩‍👧 e\xCC\x81 ok. ";
  }
  const OffsetMap map(text);
  const auto starts = code_point_starts(text);
  ASSERT_EQ(map.code_point_count(), starts.size());
  for (std::uint32_t cp = 0; cp < starts.size(); ++cp) {
    ASSERT_EQ(map.to_bytes(text, cp), starts[cp]) << cp;
    ASSERT_EQ(map.to_code_points(text, starts[cp]), cp) << starts[cp];
  }
  const auto size = static_cast<std::uint32_t>(text.size());
  EXPECT_EQ(map.to_code_points(text, size), starts.size());
  EXPECT_EQ(map.to_bytes(text, static_cast<std::uint32_t>(starts.size())), size);
}

TEST(OffsetMap, AsciiAndEmptyTextsAreIdentity) {
  const std::string ascii = "The minister spoke. Nobody listened.";
  const OffsetMap map(ascii);
  EXPECT_EQ(map.code_point_count(), ascii.size());
  EXPECT_EQ(map.to_code_points(ascii, 20), 20u);
  EXPECT_EQ(map.to_bytes(ascii, 20), 20u);
  const OffsetMap empty{std::string_view()};
  EXPECT_EQ(empty.code_point_count(), 0u);
  EXPECT_EQ(empty.to_code_points("", 0), 0u);
  EXPECT_EQ(empty.to_bytes("", 0), 0u);
}

}  // namespace
}  // namespace presslens
