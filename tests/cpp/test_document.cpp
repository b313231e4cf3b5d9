#include <gtest/gtest.h>

#include "presslens/document.hpp"

namespace presslens {
namespace {

TEST(Document, OwnsItsTextAndConvertsOffsets) {
  std::string source = "Zoë said 你好 😀.";
  const Document doc(source, "en");
  source.assign(source.size(), 'x');  // the document keeps its own copy
  EXPECT_EQ(doc.text(), "Zoë said 你好 😀.");
  EXPECT_EQ(doc.lang(), "en");
  EXPECT_EQ(doc.replacements(), 0u);
  EXPECT_EQ(doc.text(Span{0, 4}), "Zoë");
  EXPECT_EQ(doc.to_code_points(4), 3u);
  EXPECT_EQ(doc.to_bytes(3), 4u);
  EXPECT_EQ(doc.code_point_count(), 14u);
}

TEST(Document, StartsWithEmptyLayers) {
  const Document doc("Some text.", "en");
  EXPECT_TRUE(doc.paragraphs().empty());
  EXPECT_TRUE(doc.sentences().empty());
  const Document empty;
  EXPECT_TRUE(empty.text().empty());
  EXPECT_EQ(empty.code_point_count(), 0u);
}

TEST(Document, SurvivesMovesWithShortText) {
  // Short strings live inside std::string itself; offsets must not depend on the buffer address.
  Document original("é.", "fr");
  Document moved = std::move(original);
  EXPECT_EQ(moved.text(), "é.");
  EXPECT_EQ(moved.to_code_points(2), 1u);
}

}  // namespace
}  // namespace presslens
