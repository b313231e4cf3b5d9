#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"
#include "presslens/tables.hpp"

namespace presslens {
namespace {

const std::string kArticle =
    "Mayor Hannah Ruiz said the café would reopen.\n\n"
    "\"We will rebuild the bridge by 2026,\" Ruiz told reporters on Monday. "
    "Critics said the plan was too expensive.\n";

const Table& table_named(const std::vector<Table>& tables, std::string_view name) {
  for (const Table& table : tables) {
    if (table.name == name) return table;
  }
  throw std::runtime_error("no table " + std::string(name));
}

const Strings& strings(const Table& table, std::string_view column) {
  return std::get<Strings>(table.column(column));
}

const Values<std::int64_t>& integers(const Table& table, std::string_view column) {
  return std::get<Values<std::int64_t>>(table.column(column));
}

TEST(Tables, RowsMatchTheDocumentsLayers) {
  const Analyzer analyzer;
  const Document document = analyzer.analyze(kArticle);
  TableBuilder builder({{TableLayer::kSentences, TableLayer::kQuotes, TableLayer::kClaims,
                         TableLayer::kTokens, TableLayer::kKeywords},
                        5,
                        false});
  builder.add(analyzer, document, 7);
  const std::vector<Table> tables = builder.take();
  ASSERT_EQ(tables.size(), 6u);
  EXPECT_EQ(tables[0].name, "documents");
  EXPECT_EQ(tables[0].rows, 1u);
  EXPECT_EQ(integers(tables[0], "document").values[0], 7);
  EXPECT_EQ(strings(tables[0], "lang").at(0), "en");
  EXPECT_EQ(integers(tables[0], "sentences").values[0],
            static_cast<std::int64_t>(document.sentences().size()));

  const Table& sentences = table_named(tables, "sentences");
  ASSERT_EQ(sentences.rows, document.sentences().size());
  for (std::size_t s = 0; s < sentences.rows; ++s) {
    const Span span = document.sentences()[s].span;
    EXPECT_EQ(integers(sentences, "start").values[s], span.begin);
    EXPECT_EQ(integers(sentences, "end").values[s], span.end);
    EXPECT_EQ(strings(sentences, "text").at(s), document.text(span));
  }

  const Table& quotes = table_named(tables, "quotes");
  ASSERT_EQ(quotes.rows, document.quotes().size());
  ASSERT_GE(quotes.rows, 1u);
  EXPECT_EQ(strings(quotes, "text").at(0), document.text(document.quotes()[0].span));
  EXPECT_EQ(strings(quotes, "speaker_key").at(0), "ruiz");

  const Table& tokens = table_named(tables, "tokens");
  EXPECT_EQ(tokens.rows, document.tokens().size());
  const Table& keywords = table_named(tables, "keywords");
  EXPECT_EQ(keywords.rows, 5u);  // keywords_top
  const auto& kinds = std::get<StringLists>(table_named(tables, "claims").column("kinds"));
  EXPECT_EQ(kinds.size(), document.claims().size());
}

TEST(Tables, OffsetsInCodePointsCountCharacters) {
  const Analyzer analyzer;
  const Document document = analyzer.analyze(kArticle);
  TableBuilder bytes({{TableLayer::kTokens}, 0, false});
  TableBuilder code_points({{TableLayer::kTokens}, 0, true});
  bytes.add(analyzer, document, 0);
  code_points.add(analyzer, document, 0);
  const Table in_bytes = bytes.take()[1];
  const Table in_code_points = code_points.take()[1];
  ASSERT_EQ(in_bytes.rows, in_code_points.rows);
  for (std::size_t t = 0; t < in_bytes.rows; ++t) {
    const auto byte = static_cast<std::uint32_t>(integers(in_bytes, "start").values[t]);
    EXPECT_EQ(integers(in_code_points, "start").values[t], document.to_code_points(byte));
  }
  // "café" has one two-byte letter: offsets after it differ by one.
  EXPECT_EQ(integers(in_bytes, "end").values.back() - integers(in_code_points, "end").values.back(),
            1);
}

TEST(Tables, MissingValuesAreMarked) {
  const Analyzer analyzer;
  TableBuilder builder({{TableLayer::kQuotes, TableLayer::kTokens}, 50, false});
  builder.add(analyzer, analyzer.analyze("\"A strong bridge,\" the engineer said.\n"), 0);
  const std::vector<Table> tables = builder.take();
  const Table& documents = tables[0];
  EXPECT_EQ(strings(documents, "url").missing, std::vector<std::uint8_t>{1});  // plain text
  EXPECT_EQ(strings(documents, "date").missing, std::vector<std::uint8_t>{1});
  const Table& tokens = table_named(tables, "tokens");
  // Syntax gives every word a part of speech and every non-root a head.
  EXPECT_TRUE(strings(tokens, "pos").missing.empty());
  EXPECT_FALSE(integers(tokens, "head").missing.empty());

  // Flags survive appending one document's rows to another's.
  Options options;
  options.claims = false;
  const Analyzer without_claims(options);
  TableBuilder batch({{TableLayer::kSentences}, 50, false});
  const std::vector<std::string_view> texts = {"One. Two.", "Three."};
  const std::vector<std::int64_t> ids = {0, 1};
  batch.add(without_claims, texts, ids, 2);
  const std::vector<Table> batch_tables = batch.take();
  const auto& scores = std::get<Values<double>>(batch_tables[1].column("claim_score"));
  EXPECT_EQ(scores.missing, std::vector<std::uint8_t>(3, 1));
}

TEST(Tables, BatchesAreInIdOrderWhateverTheThreads) {
  const Analyzer analyzer;
  const std::vector<std::string_view> texts = {"The council met on Monday. It approved the budget.",
                                               kArticle,
                                               "Prices rose. \"It hurts,\" one shopper said.", ""};
  const std::vector<std::int64_t> ids = {3, 1, 2, 0};
  TableBuilder one({{TableLayer::kSentences, TableLayer::kClaims}, 50, true});
  one.add(analyzer, texts, ids, 1);
  const std::vector<Table> sequential = one.take();
  TableBuilder two({{TableLayer::kSentences, TableLayer::kClaims}, 50, true});
  // Two calls, the second with the smaller ids: take() sorts rows by id.
  two.add(analyzer, std::span(texts).subspan(0, 2), std::span(ids).subspan(0, 2), 2);
  two.add(analyzer, std::span(texts).subspan(2), std::span(ids).subspan(2), 2);
  const std::vector<Table> parallel = two.take();
  for (std::size_t t = 0; t < sequential.size(); ++t) {
    const auto& order = integers(sequential[t], "document").values;
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
    EXPECT_EQ(order, integers(parallel[t], "document").values);
    EXPECT_EQ(strings(sequential[t], sequential[t].name == "documents" ? "lang" : "text").data,
              strings(parallel[t], parallel[t].name == "documents" ? "lang" : "text").data);
  }
  // The builder is empty again, its columns kept.
  EXPECT_EQ(two.take()[1].rows, 0u);
}

TEST(Tables, BadRequestsAreRefused) {
  EXPECT_THROW(table_layer("paragraph"), InvalidArgument);
  EXPECT_THROW(TableBuilder({{TableLayer::kQuotes, TableLayer::kQuotes}, 50, false}),
               InvalidArgument);
  const Analyzer analyzer;
  TableBuilder builder;
  const std::vector<std::string_view> texts = {"One.", "Two."};
  const std::vector<std::int64_t> ids = {0};
  EXPECT_THROW(builder.add(analyzer, texts, ids), InvalidArgument);
  const std::vector<std::string_view> invalid = {"Fine.", "\xff broken"};
  const std::vector<std::int64_t> two_ids = {0, 1};
  EXPECT_THROW(builder.add(analyzer, invalid, two_ids), InvalidUtf8);
  EXPECT_EQ(builder.take()[0].rows, 0u);  // none of a failing batch is added
  Table table = builder.take()[1];
  EXPECT_THROW(table.add_row(std::int64_t{0}, "not an index", 1, 2, 3, "text", 0.5, 0.0),
               std::bad_variant_access);
  EXPECT_THROW(table.add_row(std::int64_t{0}, 1), std::invalid_argument);
}

}  // namespace
}  // namespace presslens
