// Tidy tables of analysed documents, built as typed columns (docs/tables.md): what a data frame is
// made from without one object per row. The Python package hands the columns to pandas without
// copying them (analyze_frame); C++ callers can write them to any columnar store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace presslens {

class Analyzer;
class Document;

// The layers a batch can be tabulated into. The "documents" table (one row per text) always comes
// first; docs/tables.md lists every table's columns.
enum class TableLayer : std::uint8_t {
  kSentences,
  kParagraphs,
  kTokens,
  kQuotes,
  kSpeakers,
  kClaims,
  kKeywords,
};

const char* to_string(TableLayer layer) noexcept;
// The layer called `name` ("sentences", ...); throws InvalidArgument for another name.
TableLayer table_layer(std::string_view name);

// Values of one type, any of which may be missing.
template <typename T>
struct Values {
  std::vector<T> values;              // a default value where one is missing
  std::vector<std::uint8_t> missing;  // 1 for a missing value; empty while none is missing

  void push(T value) {
    values.push_back(value);
    if (!missing.empty()) missing.push_back(0);
  }
  void push_missing() {
    if (missing.empty()) missing.assign(values.size(), 0);
    values.push_back(T{});
    missing.push_back(1);
  }
  std::size_t size() const noexcept { return values.size(); }
};

// UTF-8 strings in Apache Arrow's large_string layout: row i is data[offsets[i], offsets[i + 1]).
struct Strings {
  std::string data;
  std::vector<std::int64_t> offsets{0};
  std::vector<std::uint8_t> missing;  // as in Values

  void push(std::string_view value) {
    data.append(value);
    offsets.push_back(static_cast<std::int64_t>(data.size()));
    if (!missing.empty()) missing.push_back(0);
  }
  void push_missing() {
    if (missing.empty()) missing.assign(offsets.size() - 1, 0);
    offsets.push_back(offsets.back());
    missing.push_back(1);
  }
  std::size_t size() const noexcept { return offsets.size() - 1; }
  std::string_view at(std::size_t row) const {
    return std::string_view(data).substr(offsets[row], offsets[row + 1] - offsets[row]);
  }
};

// A list of strings per row (a claim's kinds): row i holds items offsets[i] to offsets[i + 1].
struct StringLists {
  Strings items;
  std::vector<std::int64_t> offsets{0};

  std::size_t size() const noexcept { return offsets.size() - 1; }
};

// A column: integers, reals, booleans (0 or 1), strings, or lists of strings.
using Column =
    std::variant<Values<std::int64_t>, Values<double>, Values<std::uint8_t>, Strings, StringLists>;

// A missing value for Table::add_row.
inline constexpr std::nullopt_t kMissing = std::nullopt;

struct Table {
  std::string name;  // "documents", "sentences", ...
  std::vector<std::string> column_names;
  std::vector<Column> columns;
  std::size_t rows = 0;

  // Appends one row: a value per column, in order. Each value is an integer, a double, a bool, a
  // string, a vector of strings (for a list column), an std::optional of one of these, or
  // kMissing. Throws std::invalid_argument for a wrong number of values, std::bad_variant_access
  // when a value does not fit its column.
  template <typename... Cells>
  void add_row(const Cells&... cells) {
    if (sizeof...(Cells) != columns.size()) {
      throw std::invalid_argument("table '" + name + "' has " + std::to_string(columns.size()) +
                                  " columns, not " + std::to_string(sizeof...(Cells)));
    }
    std::size_t column = 0;
    (push_cell(columns.at(column++), cells), ...);
    ++rows;
  }
  // Appends the rows of a table of the same columns.
  void append(const Table& other);
  // Reorders the rows: row i becomes the old row order[i].
  void permute(std::span<const std::size_t> order);
  const Column& column(std::string_view name) const;  // throws InvalidArgument if there is none

 private:
  static void push_cell(Column& column, std::nullopt_t);
  static void push_cell(Column& column, bool value);
  static void push_cell(Column& column, double value);
  static void push_cell(Column& column, std::string_view value);
  static void push_cell(Column& column, const std::vector<std::string_view>& value);
  template <typename Integer>
  requires std::is_integral_v<Integer>
  static void push_cell(Column& column, Integer value) {
    std::get<Values<std::int64_t>>(column).push(static_cast<std::int64_t>(value));
  }
  static void push_cell(Column& column, float value) { push_cell(column, double{value}); }
  static void push_cell(Column& column, const std::string& value) {
    push_cell(column, std::string_view(value));
  }
  static void push_cell(Column& column, const char* value) {
    push_cell(column, std::string_view(value));
  }
  template <typename T>
  static void push_cell(Column& column, const std::optional<T>& value) {
    if (value) {
      push_cell(column, *value);
    } else {
      push_cell(column, kMissing);
    }
  }
};

struct TableOptions {
  std::vector<TableLayer> layers{TableLayer::kSentences, TableLayer::kQuotes, TableLayer::kClaims,
                                 TableLayer::kKeywords};
  // The keywords table holds each document's this many most frequent terms; nothing: all.
  std::optional<std::size_t> keywords_top = 50;
  // Offsets in code points (what Python indexes a str by) instead of UTF-8 bytes.
  bool code_points = false;
};

// Collects the tables of many documents. Every row starts with its document's id (the column
// "document"), which the caller chooses: a position in its own collection, say.
class TableBuilder {
 public:
  // Throws InvalidArgument when a layer is asked for twice.
  explicit TableBuilder(TableOptions options = {});

  const TableOptions& options() const noexcept { return options_; }
  // Appends the rows of a document `analyzer` made (keywords are counted with it).
  void add(const Analyzer& analyzer, const Document& document, std::int64_t id);
  // Analyses texts[i] (Analyzer::analyze) and appends its rows under ids[i], for every i, on
  // `threads` threads (0: one per core); each document is freed once its rows are made. Throws
  // what analyze() throws for the first failing text, adding none of the batch.
  void add(const Analyzer& analyzer, std::span<const std::string_view> texts,
           std::span<const std::int64_t> ids, unsigned threads = 0);
  // The tables, "documents" first, then one per layer in the order asked for; rows in the order
  // of their document ids (a stable sort: a document's rows keep their order). Leaves the
  // builder empty.
  std::vector<Table> take();

 private:
  TableOptions options_;
  std::vector<Table> tables_;
};

}  // namespace presslens
