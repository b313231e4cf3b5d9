#include "presslens/tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/parallel.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"

namespace presslens {
namespace {

constexpr std::array<TableLayer, 7> kLayers{
    TableLayer::kSentences, TableLayer::kParagraphs, TableLayer::kTokens,  TableLayer::kQuotes,
    TableLayer::kSpeakers,  TableLayer::kClaims,     TableLayer::kKeywords};

enum class Kind : std::uint8_t { kInteger, kReal, kBoolean, kString, kStringList };

struct ColumnSpec {
  const char* name;
  Kind kind;
};

// Every table's columns after "document" (docs/tables.md describes them).
constexpr ColumnSpec kDocumentColumns[] = {
    {"lang", Kind::kString},          {"lang_confidence", Kind::kReal},
    {"source_format", Kind::kString}, {"site", Kind::kString},
    {"url", Kind::kString},           {"title", Kind::kString},
    {"title_source", Kind::kString},  {"date", Kind::kString},
    {"date_source", Kind::kString},   {"utc_offset", Kind::kString},
    {"authors", Kind::kString},       {"author_source", Kind::kString},
    {"sentences", Kind::kInteger},    {"quotes", Kind::kInteger},
    {"claims", Kind::kInteger}};
constexpr ColumnSpec kSentenceColumns[] = {
    {"index", Kind::kInteger},    {"paragraph", Kind::kInteger}, {"start", Kind::kInteger},
    {"end", Kind::kInteger},      {"text", Kind::kString},       {"claim_score", Kind::kReal},
    {"quoted_share", Kind::kReal}};
constexpr ColumnSpec kParagraphColumns[] = {
    {"index", Kind::kInteger},  {"role", Kind::kString}, {"start", Kind::kInteger},
    {"end", Kind::kInteger},    {"text", Kind::kString}, {"chrome_reason", Kind::kString},
    {"body_score", Kind::kReal}};
constexpr ColumnSpec kTokenColumns[] = {{"start", Kind::kInteger},    {"end", Kind::kInteger},
                                        {"text", Kind::kString},      {"kind", Kind::kString},
                                        {"sentence", Kind::kInteger}, {"pos", Kind::kString},
                                        {"lemma", Kind::kString},     {"morph", Kind::kString},
                                        {"head", Kind::kInteger},     {"dep", Kind::kString}};
constexpr ColumnSpec kQuoteColumns[] = {
    {"start", Kind::kInteger},       {"end", Kind::kInteger},       {"text", Kind::kString},
    {"kind", Kind::kString},         {"speaker", Kind::kString},    {"speaker_name", Kind::kString},
    {"speaker_type", Kind::kString}, {"resolution", Kind::kString}, {"speaker_key", Kind::kString},
    {"cue", Kind::kString},          {"sentence", Kind::kInteger},  {"parts", Kind::kInteger},
    {"source", Kind::kString},       {"confidence", Kind::kReal}};
constexpr ColumnSpec kSpeakerColumns[] = {{"key", Kind::kString},
                                          {"name", Kind::kString},
                                          {"type", Kind::kString},
                                          {"quotes", Kind::kInteger}};
constexpr ColumnSpec kClaimColumns[] = {
    {"sentence", Kind::kInteger},  {"start", Kind::kInteger},     {"end", Kind::kInteger},
    {"text", Kind::kString},       {"score", Kind::kReal},        {"check_worthy", Kind::kBoolean},
    {"claim_score", Kind::kReal},  {"is_claim", Kind::kBoolean},  {"rule", Kind::kString},
    {"kinds", Kind::kStringList},  {"certainty", Kind::kInteger}, {"speaker", Kind::kString},
    {"speaker_key", Kind::kString}};
constexpr ColumnSpec kKeywordColumns[] = {{"key", Kind::kString},    {"text", Kind::kString},
                                          {"count", Kind::kInteger}, {"words", Kind::kInteger},
                                          {"start", Kind::kInteger}, {"end", Kind::kInteger}};

std::span<const ColumnSpec> columns_of(TableLayer layer) {
  switch (layer) {
    case TableLayer::kSentences:
      return kSentenceColumns;
    case TableLayer::kParagraphs:
      return kParagraphColumns;
    case TableLayer::kTokens:
      return kTokenColumns;
    case TableLayer::kQuotes:
      return kQuoteColumns;
    case TableLayer::kSpeakers:
      return kSpeakerColumns;
    case TableLayer::kClaims:
      return kClaimColumns;
    case TableLayer::kKeywords:
      return kKeywordColumns;
  }
  return {};
}

Column empty_column(Kind kind) {
  switch (kind) {
    case Kind::kInteger:
      return Values<std::int64_t>{};
    case Kind::kReal:
      return Values<double>{};
    case Kind::kBoolean:
      return Values<std::uint8_t>{};
    case Kind::kString:
      return Strings{};
    case Kind::kStringList:
      return StringLists{};
  }
  return {};
}

Table empty_table(std::string name, std::span<const ColumnSpec> specs) {
  Table table;
  table.name = std::move(name);
  table.column_names.push_back("document");
  table.columns.push_back(Values<std::int64_t>{});
  for (const ColumnSpec& spec : specs) {
    table.column_names.push_back(spec.name);
    table.columns.push_back(empty_column(spec.kind));
  }
  return table;
}

// A non-empty string, or missing.
std::optional<std::string_view> present(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// Reads one document into rows; offsets in bytes or code points.
class DocumentRows {
 public:
  DocumentRows(const Analyzer& analyzer, const Document& document, std::int64_t id,
               const TableOptions& options)
      : analyzer_(analyzer), document_(document), id_(id), options_(options) {}

  void add(TableLayer layer, Table& table) const {
    switch (layer) {
      case TableLayer::kSentences:
        return add_sentences(table);
      case TableLayer::kParagraphs:
        return add_paragraphs(table);
      case TableLayer::kTokens:
        return add_tokens(table);
      case TableLayer::kQuotes:
        return add_quotes(table);
      case TableLayer::kSpeakers:
        return add_speakers(table);
      case TableLayer::kClaims:
        return add_claims(table);
      case TableLayer::kKeywords:
        return add_keywords(table);
    }
  }

  void add_document(Table& table) const {
    const Structure& structure = document_.structure();
    const HtmlSource* html = document_.html();
    std::string authors;
    for (const Span author : structure.authors) {
      if (!authors.empty()) authors += ", ";
      authors += document_.text(author);
    }
    const auto [date, utc_offset] = split_zone(structure.date);
    const auto claims = std::count_if(document_.claims().begin(), document_.claims().end(),
                                      [](const Claim& c) { return c.is_claim; });
    table.add_row(id_, document_.lang(), document_.lang_confidence(),
                  html != nullptr ? "html" : "text",
                  html != nullptr ? present(html->metadata.site_name) : kMissing,
                  html != nullptr ? present(html->metadata.url) : kMissing,
                  structure.title ? std::optional(document_.text(*structure.title)) : kMissing,
                  present(to_string(structure.title_source)), present(date),
                  present(to_string(structure.date_source)), present(utc_offset), authors,
                  present(to_string(structure.author_source)), document_.sentences().size(),
                  document_.quotes().size(), claims);
  }

 private:
  std::int64_t offset(std::uint32_t byte) const {
    return options_.code_points ? document_.to_code_points(byte) : byte;
  }
  // The text of a span, missing for an empty one (a quote without a speaker).
  std::optional<std::string_view> span_text(Span span) const {
    if (span.empty()) return std::nullopt;
    return document_.text(span);
  }

  // "2024-05-24T11:10+02:00" -> ("2024-05-24T11:10", "+02:00"); "Z" is "+00:00"; a date
  // without a zone keeps none.
  static std::pair<std::string_view, std::string> split_zone(std::string_view date) {
    const std::size_t time = date.find('T');
    if (time == std::string_view::npos) return {date, {}};
    if (date.ends_with('Z')) return {date.substr(0, date.size() - 1), "+00:00"};
    const std::size_t sign = date.find_first_of("+-", time);
    if (sign == std::string_view::npos) return {date, {}};
    std::string zone(date.substr(sign));
    if (zone.size() == 5) zone.insert(3, ":");  // +0200
    if (zone.size() == 3) zone += ":00";        // +02
    return {date.substr(0, sign), zone};
  }

  // Four decimals, ties to even, as Python's round() gives Sentence.quoted_share.
  static double rounded(float share) { return std::nearbyint(double{share} * 1e4) / 1e4; }

  void add_sentences(Table& table) const {
    const std::vector<SentenceQuotes> held = sentence_quotes(document_);
    const std::vector<Claim>& claims = document_.claims();
    std::vector<std::optional<double>> scores(document_.sentences().size());
    for (const Claim& claim : claims) scores.at(claim.sentence) = claim.claim_score;
    for (std::size_t s = 0; s < document_.sentences().size(); ++s) {
      const Sentence& sentence = document_.sentences()[s];
      table.add_row(id_, s, sentence.paragraph, offset(sentence.span.begin),
                    offset(sentence.span.end), document_.text(sentence.span), scores[s],
                    rounded(held[s].quoted_share));
    }
  }

  void add_paragraphs(Table& table) const {
    const Structure& structure = document_.structure();
    std::vector<const char*> reasons(document_.paragraphs().size(), nullptr);
    for (const Boilerplate& b : structure.boilerplate)
      reasons.at(b.paragraph) = to_string(b.reason);
    for (std::size_t p = 0; p < document_.paragraphs().size(); ++p) {
      const Span span = document_.paragraphs()[p].span;
      table.add_row(
          id_, p, to_string(structure.roles.at(p)), offset(span.begin), offset(span.end),
          document_.text(span),
          reasons[p] != nullptr ? std::optional<std::string_view>(reasons[p]) : kMissing,
          structure.body_scores.empty() ? std::optional<double>() : structure.body_scores.at(p));
    }
  }

  // A token takes the analysis of its main word (Syntax::main_words).
  void add_tokens(Table& table) const {
    const std::vector<Token>& tokens = document_.tokens();
    static const Syntax kNoSyntax;
    const Syntax& syntax = document_.has_syntax() ? document_.syntax() : kNoSyntax;
    const std::vector<std::uint32_t> main_words = syntax.main_words(tokens.size());
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      const Token& token = tokens[t];
      const std::optional<std::uint32_t> sentence =
          token.sentence == kNoSentence ? std::nullopt : std::optional(token.sentence);
      const std::string_view kind = to_string(token.kind);
      if (main_words[t] == kNoHead) {
        table.add_row(id_, offset(token.span.begin), offset(token.span.end),
                      document_.text(token.span), kind, sentence, kMissing, kMissing, kMissing,
                      kMissing, kMissing);
        continue;
      }
      const Word& word = syntax.words[main_words[t]];
      const std::uint32_t head = syntax.head_token(word);
      table.add_row(id_, offset(token.span.begin), offset(token.span.end),
                    document_.text(token.span), kind, sentence, to_string(word.pos),
                    syntax.lemma(word), syntax.feats(word),
                    head == kNoHead ? std::nullopt : std::optional(head), syntax.relation(word));
    }
  }

  void add_quotes(Table& table) const {
    for (const Quote& q : document_.quotes()) {
      const std::optional<std::uint32_t> sentence =
          q.sentence == kNoSentence ? std::nullopt : std::optional(q.sentence);
      const std::optional<std::string_view> resolution =
          q.resolution == SpeakerResolution::kNone
              ? std::nullopt
              : std::optional<std::string_view>(to_string(q.resolution));
      table.add_row(id_, offset(q.span.begin), offset(q.span.end), document_.text(q.span),
                    to_string(q.kind), span_text(q.speaker), span_text(q.speaker_name),
                    to_string(q.speaker_type), resolution, present(q.speaker_key), span_text(q.cue),
                    sentence, std::max<std::size_t>(1, q.parts.size()), to_string(q.source),
                    q.confidence);
    }
  }

  // One row per speaker whose speech resolved to a name, in the order of their first quote.
  void add_speakers(Table& table) const {
    struct Speaker {
      const Quote* first;
      std::int64_t quotes = 0;
    };
    std::vector<Speaker> speakers;
    std::unordered_map<std::string_view, std::size_t> by_key;
    for (const Quote& q : document_.quotes()) {
      if (!is_speech(q) || q.speaker_name.empty() || q.speaker_key.empty()) continue;
      const auto [at, added] = by_key.try_emplace(q.speaker_key, speakers.size());
      if (added) speakers.push_back({&q});
      ++speakers[at->second].quotes;
    }
    for (const Speaker& s : speakers) {
      table.add_row(id_, s.first->speaker_key, document_.text(s.first->speaker_name),
                    to_string(s.first->speaker_type), s.quotes);
    }
  }

  void add_claims(Table& table) const {
    std::vector<std::string_view> kinds;
    for (const Claim& c : document_.claims()) {
      const Span span = document_.sentences().at(c.sentence).span;
      kinds.clear();
      for (const KindCue& k : c.kinds) kinds.push_back(to_string(k.kind));
      std::sort(kinds.begin(), kinds.end());
      const auto certainty =
          static_cast<std::int64_t>(c.boosters.size()) - static_cast<std::int64_t>(c.hedges.size());
      table.add_row(id_, c.sentence, offset(span.begin), offset(span.end), document_.text(span),
                    c.score, c.check_worthy, c.claim_score, c.is_claim, present(c.rule), kinds,
                    certainty, span_text(c.speaker), present(c.speaker_key));
    }
  }

  void add_keywords(Table& table) const {
    std::vector<Keyword> keywords = analyzer_.keywords(document_);
    if (options_.keywords_top && keywords.size() > *options_.keywords_top) {
      keywords.resize(*options_.keywords_top);
    }
    for (const Keyword& k : keywords) {
      table.add_row(id_, k.key, document_.text(k.first), k.count, k.words, offset(k.first.begin),
                    offset(k.first.end));
    }
  }

  const Analyzer& analyzer_;
  const Document& document_;
  std::int64_t id_;
  const TableOptions& options_;
};

// Appends the missing flags of `added` rows to those of `rows` rows (either may be empty: none
// missing).
void append_missing(std::vector<std::uint8_t>& to, std::size_t rows,
                    const std::vector<std::uint8_t>& from, std::size_t added) {
  if (to.empty() && from.empty()) return;
  to.resize(rows, 0);
  if (from.empty()) {
    to.resize(rows + added, 0);
  } else {
    to.insert(to.end(), from.begin(), from.end());
  }
}

template <typename T>
void append_values(Values<T>& to, const Values<T>& from) {
  append_missing(to.missing, to.size(), from.missing, from.size());
  to.values.insert(to.values.end(), from.values.begin(), from.values.end());
}

void append_strings(Strings& to, const Strings& from) {
  append_missing(to.missing, to.size(), from.missing, from.size());
  const auto base = static_cast<std::int64_t>(to.data.size());
  to.data += from.data;
  for (std::size_t i = 1; i < from.offsets.size(); ++i)
    to.offsets.push_back(base + from.offsets[i]);
}

void append_column(Column& to, const Column& from) {
  std::visit(
      [&](auto& column) {
        using Type = std::decay_t<decltype(column)>;
        const Type& other = std::get<Type>(from);
        if constexpr (std::is_same_v<Type, Strings>) {
          append_strings(column, other);
        } else if constexpr (std::is_same_v<Type, StringLists>) {
          const std::int64_t base = column.offsets.back();
          append_strings(column.items, other.items);
          for (std::size_t i = 1; i < other.offsets.size(); ++i) {
            column.offsets.push_back(base + other.offsets[i]);
          }
        } else {
          append_values(column, other);
        }
      },
      to);
}

// The rows of `strings` in `order`.
Strings permuted(const Strings& strings, std::span<const std::size_t> order) {
  Strings result;
  result.data.reserve(strings.data.size());
  result.offsets.reserve(strings.offsets.size());
  for (const std::size_t row : order) {
    if (!strings.missing.empty() && strings.missing[row]) {
      result.push_missing();
    } else {
      result.push(strings.at(row));
    }
  }
  return result;
}

template <typename T>
std::vector<T> permuted(const std::vector<T>& values, std::span<const std::size_t> order) {
  std::vector<T> result;
  if (values.empty()) return result;
  result.reserve(order.size());
  for (const std::size_t row : order) result.push_back(values[row]);
  return result;
}

}  // namespace

const char* to_string(TableLayer layer) noexcept {
  switch (layer) {
    case TableLayer::kSentences:
      return "sentences";
    case TableLayer::kParagraphs:
      return "paragraphs";
    case TableLayer::kTokens:
      return "tokens";
    case TableLayer::kQuotes:
      return "quotes";
    case TableLayer::kSpeakers:
      return "speakers";
    case TableLayer::kClaims:
      return "claims";
    case TableLayer::kKeywords:
      return "keywords";
  }
  return "";
}

TableLayer table_layer(std::string_view name) {
  for (const TableLayer layer : kLayers) {
    if (name == to_string(layer)) return layer;
  }
  std::string known;
  for (const TableLayer layer : kLayers)
    known += std::string(known.empty() ? "" : ", ") + to_string(layer);
  throw InvalidArgument("unknown layer '" + std::string(name) + "'; layers: " + known);
}

void Table::push_cell(Column& column, std::nullopt_t) {
  std::visit(
      [](auto& values) {
        using Type = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<Type, StringLists>) {
          throw std::bad_variant_access();  // a list is empty, never missing
        } else {
          values.push_missing();
        }
      },
      column);
}

void Table::push_cell(Column& column, bool value) {
  std::get<Values<std::uint8_t>>(column).push(value ? 1 : 0);
}

void Table::push_cell(Column& column, double value) {
  std::get<Values<double>>(column).push(value);
}

void Table::push_cell(Column& column, std::string_view value) {
  std::get<Strings>(column).push(value);
}

void Table::push_cell(Column& column, const std::vector<std::string_view>& value) {
  StringLists& lists = std::get<StringLists>(column);
  for (const std::string_view item : value) lists.items.push(item);
  lists.offsets.push_back(static_cast<std::int64_t>(lists.items.size()));
}

void Table::append(const Table& other) {
  if (other.column_names != column_names) {
    throw InvalidArgument("cannot append table '" + other.name + "' to '" + name +
                          "': their columns differ");
  }
  for (std::size_t c = 0; c < columns.size(); ++c) append_column(columns[c], other.columns[c]);
  rows += other.rows;
}

void Table::permute(std::span<const std::size_t> order) {
  for (Column& column : columns) {
    std::visit(
        [&](auto& values) {
          using Type = std::decay_t<decltype(values)>;
          if constexpr (std::is_same_v<Type, Strings>) {
            values = permuted(values, order);
          } else if constexpr (std::is_same_v<Type, StringLists>) {
            StringLists result;
            for (const std::size_t row : order) {
              for (auto i = values.offsets[row]; i < values.offsets[row + 1]; ++i) {
                result.items.push(values.items.at(static_cast<std::size_t>(i)));
              }
              result.offsets.push_back(static_cast<std::int64_t>(result.items.size()));
            }
            values = std::move(result);
          } else {
            values.values = permuted(values.values, order);
            values.missing = permuted(values.missing, order);
          }
        },
        column);
  }
}

const Column& Table::column(std::string_view column_name) const {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (column_names[c] == column_name) return columns[c];
  }
  throw InvalidArgument("table '" + name + "' has no column '" + std::string(column_name) + "'");
}

TableBuilder::TableBuilder(TableOptions options) : options_(std::move(options)) {
  tables_.push_back(empty_table("documents", kDocumentColumns));
  for (const TableLayer layer : options_.layers) {
    for (std::size_t t = 1; t < tables_.size(); ++t) {
      if (tables_[t].name == to_string(layer)) {
        throw InvalidArgument(std::string("layer '") + to_string(layer) + "' asked for twice");
      }
    }
    tables_.push_back(empty_table(to_string(layer), columns_of(layer)));
  }
}

void TableBuilder::add(const Analyzer& analyzer, const Document& document, std::int64_t id) {
  const DocumentRows rows(analyzer, document, id, options_);
  rows.add_document(tables_[0]);
  for (std::size_t l = 0; l < options_.layers.size(); ++l)
    rows.add(options_.layers[l], tables_[l + 1]);
}

void TableBuilder::add(const Analyzer& analyzer, std::span<const std::string_view> texts,
                       std::span<const std::int64_t> ids, unsigned threads) {
  if (ids.size() != texts.size()) {
    throw InvalidArgument("TableBuilder::add needs one id per text (" +
                          std::to_string(texts.size()) + " texts, " + std::to_string(ids.size()) +
                          " ids)");
  }
  // Each text's rows in tables of their own, made in parallel, then appended in order.
  std::vector<std::vector<Table>> parts(texts.size());
  detail::parallel_for(texts.size(), threads, [&](std::size_t i) {
    TableBuilder part(options_);
    part.add(analyzer, analyzer.analyze(texts[i]), ids[i]);
    parts[i] = std::move(part.tables_);
  });
  for (const std::vector<Table>& part : parts) {
    for (std::size_t t = 0; t < tables_.size(); ++t) tables_[t].append(part[t]);
  }
}

std::vector<Table> TableBuilder::take() {
  std::vector<Table> result = std::move(tables_);
  tables_.clear();
  for (Table& table : result) {
    const auto& ids = std::get<Values<std::int64_t>>(table.columns[0]).values;
    if (std::is_sorted(ids.begin(), ids.end())) continue;
    std::vector<std::size_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
    table.permute(order);
  }
  tables_ = TableBuilder(options_).tables_;  // empty again, the same columns
  return result;
}

}  // namespace presslens
