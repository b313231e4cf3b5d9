#include "detail/conllu.hpp"

#include <array>
#include <charconv>

#include "presslens/error.hpp"

namespace presslens::detail {
namespace {

bool parse_number(std::string_view text, std::uint32_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool has_no_space_after(std::string_view misc) {
  for (std::size_t start = 0; start <= misc.size();) {
    std::size_t end = misc.find('|', start);
    if (end == std::string_view::npos) end = misc.size();
    if (misc.substr(start, end - start) == "SpaceAfter=No") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::string_view text) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::size_t line_number = 0;
  const auto finish = [&] {
    if (!current.words.empty()) sentences.push_back(std::move(current));
    current = {};
  };
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.front() == '#') {
      constexpr std::string_view kText = "# text = ";
      if (line.starts_with(kText)) current.text = std::string(line.substr(kText.size()));
      continue;
    }
    std::array<std::string_view, 10> columns;
    std::size_t count = 0;
    for (std::size_t from = 0; count < columns.size();) {
      const std::size_t tab = line.find('\t', from);
      columns[count++] = line.substr(from, tab == std::string_view::npos ? tab : tab - from);
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    const auto fail = [&](const char* what) {
      throw LanguagePackError("CoNLL-U line " + std::to_string(line_number) + ": " + what);
    };
    if (count != columns.size()) fail("expected ten tab-separated columns");
    const std::string_view id = columns[0];
    if (id.find('.') != std::string_view::npos) continue;  // an empty node
    if (const std::size_t dash = id.find('-'); dash != std::string_view::npos) {
      std::uint32_t first = 0, last = 0;
      if (!parse_number(id.substr(0, dash), first) || !parse_number(id.substr(dash + 1), last) ||
          first == 0 || last < first) {
        fail("a malformed multiword range");
      }
      current.multiwords.push_back(
          {first - 1, last - 1, std::string(columns[1]), !has_no_space_after(columns[9])});
      continue;
    }
    std::uint32_t number = 0;
    if (!parse_number(id, number) || number != current.words.size() + 1) fail("an unexpected id");
    ConlluWord word;
    word.form = columns[1];
    word.lemma = columns[2];
    word.upos = columns[3];
    word.feats = columns[5];
    if (!parse_number(columns[6], word.head)) fail("a head that is not a number");
    word.deprel = columns[7];
    word.space_after = !has_no_space_after(columns[9]);
    current.words.push_back(std::move(word));
  }
  finish();
  for (const auto& sentence : sentences) {
    for (const auto& word : sentence.words) {
      if (word.head > sentence.words.size()) {
        throw LanguagePackError("CoNLL-U: a head outside its sentence");
      }
    }
  }
  return sentences;
}

}  // namespace presslens::detail
