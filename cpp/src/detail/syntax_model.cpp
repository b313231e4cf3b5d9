#include "detail/syntax_model.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "detail/binary_io.hpp"
#include "detail/word_features.hpp"

namespace presslens::detail {
namespace {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto size = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < size;) {
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

std::string utf8(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text) {
    char buffer[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    out.append(buffer, static_cast<std::size_t>(length));
  }
  return out;
}

// The byte offset after `count` code points of `text`, or npos when it has fewer.
std::size_t skip_code_points(std::string_view text, std::size_t count) {
  std::size_t at = 0;
  for (; count > 0; --count) {
    if (at >= text.size()) return std::string_view::npos;
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

std::size_t drop_code_points_from_end(std::string_view text, std::size_t count) {
  std::size_t at = text.size();
  for (; count > 0; --count) {
    if (at == 0) return std::string_view::npos;
    --at;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  }
  return at;
}

LemmaRule rule_between(std::u32string_view form, std::u32string_view lemma, bool fold) {
  // The longest common substring anchors the rule; what surrounds it is stripped and added.
  std::size_t best = 0, form_at = 0, lemma_at = 0;
  std::vector<std::size_t> previous(lemma.size() + 1, 0), current(lemma.size() + 1, 0);
  for (std::size_t i = 1; i <= form.size(); ++i) {
    for (std::size_t j = 1; j <= lemma.size(); ++j) {
      current[j] = form[i - 1] == lemma[j - 1] ? previous[j - 1] + 1 : 0;
      if (current[j] > best) {
        best = current[j];
        form_at = i - best;
        lemma_at = j - best;
      }
    }
    std::swap(previous, current);
  }
  LemmaRule rule;
  rule.fold = fold;
  if (best == 0) {  // nothing shared: replace the whole word
    rule.strip_prefix = static_cast<std::uint8_t>(std::min<std::size_t>(form.size(), 255));
    rule.add_prefix = utf8(lemma);
    return rule;
  }
  rule.strip_prefix = static_cast<std::uint8_t>(std::min<std::size_t>(form_at, 255));
  rule.add_prefix = utf8(lemma.substr(0, lemma_at));
  rule.strip_suffix =
      static_cast<std::uint8_t>(std::min<std::size_t>(form.size() - form_at - best, 255));
  rule.add_suffix = utf8(lemma.substr(lemma_at + best));
  return rule;
}

std::size_t rule_cost(const LemmaRule& rule) {
  return rule.strip_prefix + rule.strip_suffix + rule.add_prefix.size() + rule.add_suffix.size();
}

constexpr std::string_view kSource = "syntax model";

void write_map(ByteWriter& out, const StringMap<std::string>& map) {
  std::vector<std::string> keys, values;
  for (const auto& [key, value] : map) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys) values.push_back(map.at(key));
  out.put_strings(keys);
  out.put_strings(values);
}

StringMap<std::string> read_map(ByteReader& in) {
  const auto keys = in.get_strings();
  const auto values = in.get_strings();
  if (keys.size() != values.size()) in.fail("a table with more keys than values");
  StringMap<std::string> map;
  for (std::size_t i = 0; i < keys.size(); ++i) map.emplace(keys[i], values[i]);
  return map;
}

}  // namespace

LemmaRule LemmaRule::between(std::string_view form, std::string_view lemma) {
  std::string folded;
  fold_case(form, folded);
  const LemmaRule plain = rule_between(code_points(form), code_points(lemma), false);
  if (folded == form) return plain;
  const LemmaRule lowered = rule_between(code_points(folded), code_points(lemma), true);
  return rule_cost(lowered) < rule_cost(plain) ? lowered : plain;
}

bool LemmaRule::apply(std::string_view form, std::string_view folded, std::string& lemma) const {
  const std::string_view source = fold ? folded : form;
  const std::size_t begin = skip_code_points(source, strip_prefix);
  const std::size_t end = drop_code_points_from_end(source, strip_suffix);
  if (begin == std::string_view::npos || end == std::string_view::npos || begin > end) return false;
  lemma.assign(add_prefix);
  lemma.append(source.substr(begin, end - begin));
  lemma.append(add_suffix);
  return !lemma.empty();
}

std::string LemmaRule::name() const {
  return std::string(fold ? "fold" : "keep") + "|" + std::to_string(strip_prefix) + "|" +
         add_prefix + "|" + std::to_string(strip_suffix) + "|" + add_suffix;
}

// Known words as four lists: keys, lemmas, and the number of each one's analysis among the
// distinct analyses (feats strings), 0xFFFF for one that varied.
void SyntaxModel::write_known_words(ByteWriter& out) const {
  std::vector<std::string> keys, lemmas, analyses;
  std::vector<std::uint16_t> numbers;
  // Rows as strings of bytes: GCC 12 warns wrongly about comparing vectors of bytes in a map.
  std::map<std::string, std::uint16_t> numbered;
  for (const auto& [key, known] : known_words) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys) {
    const KnownWord& known = known_words.at(key);
    lemmas.push_back(known.lemma);
    if (known.morph.empty()) {
      numbers.push_back(kVaries);
      continue;
    }
    const auto [found, added] =
        numbered.try_emplace(std::string(known.morph.begin(), known.morph.end()),
                             static_cast<std::uint16_t>(numbered.size()));
    numbers.push_back(found->second);
  }
  analyses.resize(numbered.size());
  for (const auto& [values, number] : numbered) {
    std::string& text = analyses[number];
    for (std::size_t a = 0; a < values.size(); ++a) {
      const auto value = static_cast<std::uint8_t>(values[a]);
      if (value == 0) continue;
      text +=
          (text.empty() ? "" : "|") + attributes[a].name + "=" + attributes[a].values[value - 1u];
    }
  }
  out.put_strings(keys);
  out.put_strings(lemmas);
  out.put_array(numbers);
  out.put_strings(analyses);
}

void SyntaxModel::read_known_words(ByteReader& in) {
  const auto keys = in.get_strings();
  const auto lemmas = in.get_strings();
  const auto numbers = in.get_array<std::uint16_t>();
  const auto analyses = in.get_strings();
  if (lemmas.size() != keys.size() || numbers.size() != keys.size()) {
    in.fail("a known-word table with lists of different lengths");
  }
  std::vector<std::vector<std::uint8_t>> values;
  for (const auto& text : analyses) {
    std::vector<std::uint8_t>& row = values.emplace_back(attributes.size(), 0);
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find('|', start);
      if (end == std::string::npos) end = text.size();
      const std::string pair = text.substr(start, end - start);
      const std::size_t equals = pair.find('=');
      bool found = false;
      for (std::size_t a = 0; a < attributes.size() && !found; ++a) {
        if (pair.compare(0, equals, attributes[a].name) != 0 ||
            equals != attributes[a].name.size()) {
          continue;
        }
        const auto& names = attributes[a].values;
        const auto v = std::find(names.begin(), names.end(), pair.substr(equals + 1));
        if (v == names.end()) break;
        row[a] = static_cast<std::uint8_t>(v - names.begin() + 1);
        found = true;
      }
      if (!found) in.fail("an analysis with an unknown feature");
      start = end + 1;
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    KnownWord known{lemmas[i], {}};
    if (numbers[i] != kVaries) {
      if (numbers[i] >= values.size()) in.fail("a known word with an unknown analysis");
      known.morph = values[numbers[i]];
    }
    known_words.emplace(keys[i], std::move(known));
  }
}

std::string SyntaxModel::write(const std::vector<SparseRows>& trained) const {
  ByteWriter out;
  out.put_string(kMagic);
  out.put<std::uint32_t>(kVersion);
  out.put_strings(tags);
  out.put_strings(relations);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(attributes.size()));
  for (const auto& attribute : attributes) {
    out.put_string(attribute.name);
    out.put_strings(attribute.values);
  }
  out.put_array(allowed);
  StringMap<std::string> dictionary;
  for (const auto& [form, tag] : tag_dictionary) dictionary.emplace(form, tags[tag]);
  write_map(out, dictionary);
  write_known_words(out);
  StringMap<std::string> joined;
  for (const auto& [form, words] : expansions) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
    joined.emplace(form, text);
  }
  write_map(out, joined);
  out.put_strings(split_prefixes);
  out.put_strings(split_suffixes);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(lemma_rules.size()));
  for (const auto& rule : lemma_rules) {
    out.put<std::uint8_t>(rule.fold);
    out.put<std::uint8_t>(rule.strip_prefix);
    out.put<std::uint8_t>(rule.strip_suffix);
    out.put_string(rule.add_prefix);
    out.put_string(rule.add_suffix);
  }
  out.put<std::uint32_t>(static_cast<std::uint32_t>(trained.size()));
  for (const auto& model : trained) model.write(out);
  return out.take();
}

std::shared_ptr<const SyntaxModel> SyntaxModel::read(std::string_view bytes,
                                                     std::string_view source) {
  ByteReader in(bytes, source.empty() ? kSource : source);
  if (in.get_string() != kMagic) in.fail("not a presslens syntax model");
  if (in.get<std::uint32_t>() != kVersion) in.fail("a model version this presslens cannot read");
  auto model = std::make_shared<SyntaxModel>();
  model->tags = in.get_strings();
  model->relations = in.get_strings();
  if (model->tags.empty() || model->tags.size() > 64 || model->relations.size() > 512) {
    in.fail("too many tags or relations");
  }
  const auto attributes = in.get<std::uint32_t>();
  if (attributes > 256) in.fail("too many morphological attributes");
  std::uint32_t offset = 0;
  for (std::uint32_t a = 0; a < attributes; ++a) {
    MorphAttribute attribute;
    attribute.name = in.get_string();
    attribute.values = in.get_strings();
    attribute.offset = offset;
    offset += 1 + static_cast<std::uint32_t>(attribute.values.size());
    model->attributes.push_back(std::move(attribute));
  }
  model->allowed = in.get_array<std::uint8_t>();
  if (model->allowed.size() != model->tags.size() * model->attributes.size()) {
    in.fail("an attribute table of the wrong size");
  }
  for (auto& [form, tag] : read_map(in)) {
    const auto found = std::find(model->tags.begin(), model->tags.end(), tag);
    if (found == model->tags.end()) in.fail("a dictionary tag that is not a tag");
    model->tag_dictionary.emplace(form, static_cast<std::uint8_t>(found - model->tags.begin()));
  }
  model->read_known_words(in);
  for (auto& [form, joined] : read_map(in)) {
    std::vector<std::string> words;
    for (std::size_t start = 0; start <= joined.size();) {
      std::size_t end = joined.find(' ', start);
      if (end == std::string::npos) end = joined.size();
      words.push_back(joined.substr(start, end - start));
      start = end + 1;
    }
    model->expansions.emplace(form, std::move(words));
  }
  model->split_prefixes = in.get_strings();
  model->split_suffixes = in.get_strings();
  const auto rules = in.get<std::uint32_t>();
  if (rules == 0 || rules > 4096) in.fail("a lemmatiser without rules");
  for (std::uint32_t r = 0; r < rules; ++r) {
    LemmaRule rule;
    rule.fold = in.get<std::uint8_t>() != 0;
    rule.strip_prefix = in.get<std::uint8_t>();
    rule.strip_suffix = in.get<std::uint8_t>();
    rule.add_prefix = in.get_string();
    rule.add_suffix = in.get_string();
    model->lemma_rules.push_back(std::move(rule));
  }
  if (in.get<std::uint32_t>() != 6) in.fail("expected six linear models");
  model->tagger = LinearModel(SparseRows::read(in));
  model->second_tagger = LinearModel(SparseRows::read(in));
  model->morph = LinearModel(SparseRows::read(in));
  model->lemmatizer = LinearModel(SparseRows::read(in));
  model->arcs = LinearModel(SparseRows::read(in));
  model->labels = LinearModel(SparseRows::read(in));
  if (model->tagger.width() != model->tags.size() ||
      model->second_tagger.width() != model->tags.size() ||
      model->morph.width() != model->morph_width() ||
      model->lemmatizer.width() != model->lemma_rules.size() || model->arcs.width() != 3 ||
      model->labels.width() != std::max<std::size_t>(1, model->relations.size())) {
    in.fail("a linear model whose classes do not match its tables");
  }
  if (!in.at_end()) in.fail("bytes after the last model");
  return model;
}

std::shared_ptr<const SyntaxModel> SyntaxModel::of(const LanguagePack& language) {
  if (!language.has_model("syntax")) return nullptr;
  const std::string_view bytes = language.model("syntax");
  if (!language.is_builtin_model("syntax")) return read(bytes, "syntax.model");
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const SyntaxModel>, std::less<>> parsed;
  const std::lock_guard lock(mutex);
  auto& model = parsed[language.language()];
  if (!model) model = read(bytes, language.language() + "/syntax.model");
  return model;
}

}  // namespace presslens::detail
