#include "presslens/syntax.hpp"

#include <algorithm>
#include <array>

#include "detail/dependency_parser.hpp"
#include "detail/lemmatizer.hpp"
#include "detail/sentence_syntax.hpp"
#include "detail/syntax_model.hpp"
#include "detail/tagger.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"

namespace presslens {

namespace {

constexpr std::array<const char*, 17> kPartOfSpeechNames = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Sentences longer than this are parsed in windows of this many words, each its own tree: the
// parser stays linear and its memory bounded on text without sentence ends.
constexpr std::size_t kMaxParsedWords = 1024;

// Everything the analysis of one sentence needs, reused from sentence to sentence.
struct Workspace {
  detail::SentenceSyntax sentence;
  detail::ArcHybridState transitions;
  detail::DependentIndex dependents;
  std::string lemma, feats, clitic;
};

// Tags, analyses, parses and labels the words in `work.sentence` (already reset).
void analyse(const detail::SyntaxModel& model, Workspace& work) {
  detail::tag_sentence(model, work.sentence);
  detail::analyse_morphology(model, work.sentence);
  detail::parse_sentence(model, work.sentence, work.transitions);
  detail::label_sentence(model, work.sentence, work.dependents);
}

PartOfSpeech tag_of(const detail::SyntaxModel& model, std::uint8_t tag) {
  return part_of_speech(model.tags[tag]).value_or(PartOfSpeech::kX);
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// The byte offset `count` code points into `text` (from its end when `from_end`).
std::size_t code_point_offset(std::string_view text, std::size_t count, bool from_end) {
  std::uint32_t at = from_end ? static_cast<std::uint32_t>(text.size()) : 0;
  for (; count > 0 && at <= text.size(); --count) {
    at = from_end ? at - detail::code_point_before(text, at).size
                  : at + detail::code_point_at(text, at).size;
  }
  return at;
}

// The words of one token: its text, or its contraction's expansion, or its clitic and the rest.
struct Piece {
  Span span;
  std::string_view form;  // into the document's text or the model
};

void split_token(const detail::SyntaxModel& model, std::string_view text, const Token& token,
                 Workspace& work, std::vector<Piece>& pieces) {
  const std::string_view written = text.substr(token.span.begin, token.span.size());
  if (token.kind != TokenKind::kWord) {
    pieces.push_back({token.span, written});
    return;
  }
  std::string& key = work.clitic;
  detail::clitic_key(written, work.sentence.folded, key);
  if (const auto found = model.expansions.find(key); found != model.expansions.end()) {
    std::string joined;
    for (const auto& word : found->second) joined += word;
    if (joined == key && key.size() == written.size()) {  // "don't" = "do" + "n't": spell it out
      std::uint32_t at = token.span.begin;
      for (const auto& word : found->second) {
        const Span span{at, at + static_cast<std::uint32_t>(word.size())};
        pieces.push_back({span, text.substr(span.begin, span.size())});
        at = span.end;
      }
    } else {
      for (const auto& word : found->second) pieces.push_back({token.span, word});
    }
    return;
  }
  const auto split_at = [&](std::size_t bytes) {
    const std::uint32_t middle = token.span.begin + static_cast<std::uint32_t>(bytes);
    pieces.push_back({{token.span.begin, middle}, text.substr(token.span.begin, bytes)});
    pieces.push_back({{middle, token.span.end}, text.substr(middle, token.span.end - middle)});
  };
  for (const auto& prefix : model.split_prefixes) {
    if (key.size() > prefix.size() && key.starts_with(prefix)) {
      split_at(code_point_offset(written, count_code_points(prefix), false));
      return;
    }
  }
  for (const auto& suffix : model.split_suffixes) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      split_at(code_point_offset(written, count_code_points(suffix), true));
      return;
    }
  }
  pieces.push_back({token.span, written});
}

TextRef store(std::string& strings, std::string_view text) {
  const TextRef ref{static_cast<std::uint32_t>(strings.size()),
                    static_cast<std::uint32_t>(text.size())};
  strings.append(text);
  return ref;
}

bool is_nominal(PartOfSpeech pos) {
  return pos == PartOfSpeech::kNoun || pos == PartOfSpeech::kPropn || pos == PartOfSpeech::kPron;
}

// The relation without its subtype ("nsubj:pass" -> "nsubj").
std::string_view base_relation(std::string_view relation) {
  return relation.substr(0, relation.find(':'));
}

// Modifiers that stay inside a base noun phrase.
bool is_chunk_modifier(std::string_view relation) {
  const std::string_view base = base_relation(relation);
  return base == "det" || base == "amod" || base == "compound" || base == "nummod" ||
         base == "flat" || base == "fixed" || relation == "nmod:poss" || base == "clf";
}

// Noun chunks and names of the sentence whose words are syntax.words[first, end).
void add_phrases(Syntax& syntax, std::size_t first, std::size_t end, Workspace& work) {
  const auto& words = syntax.words;
  const std::size_t n = end - first;
  // The first and last word of each word's subtree of chunk modifiers.
  std::vector<std::uint32_t>& heads = work.sentence.heads;
  heads.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t head = words[first + i].head;
    heads[i] =
        head == kNoHead ? static_cast<std::uint32_t>(n) : head - static_cast<std::uint32_t>(first);
  }
  work.dependents.build(heads);
  const auto edge = [&](auto&& self, std::uint32_t w, bool left, int depth) -> std::uint32_t {
    std::uint32_t at = w;
    if (depth > 8) return at;  // phrases are shallow; the bound keeps long chains linear
    for (const std::uint32_t child : work.dependents.of(w)) {
      if ((child < w) != left) continue;
      if (depth == 0 && !is_chunk_modifier(syntax.relation(words[first + child]))) continue;
      const std::uint32_t e = self(self, child, left, depth + 1);
      at = left ? std::min(at, e) : std::max(at, e);
    }
    return at;
  };
  std::size_t covered = first;  // chunks never overlap
  for (std::size_t i = 0; i < n; ++i) {
    const Word& word = words[first + i];
    if (!is_nominal(word.pos)) continue;
    if (is_chunk_modifier(syntax.relation(word))) continue;  // a part of its head's chunk
    std::uint32_t begin = edge(edge, static_cast<std::uint32_t>(i), true, 0);
    std::uint32_t last = edge(edge, static_cast<std::uint32_t>(i), false, 0);
    // A chunk never starts or ends with punctuation (an opening quotation mark of a modifier).
    while (begin < i && words[first + begin].pos == PartOfSpeech::kPunct) ++begin;
    while (last > i && words[first + last].pos == PartOfSpeech::kPunct) --last;
    if (first + begin < covered) continue;
    covered = first + last + 1;
    syntax.noun_chunks.push_back({{words[first + begin].span.begin, words[first + last].span.end},
                                  static_cast<std::uint32_t>(first + begin),
                                  static_cast<std::uint32_t>(first + last + 1),
                                  static_cast<std::uint32_t>(first + i)});
  }
  for (std::size_t i = 0; i < n;) {
    if (words[first + i].pos != PartOfSpeech::kPropn) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && words[first + j].pos == PartOfSpeech::kPropn) ++j;
    // The name's head: the word whose head lies outside it.
    std::size_t head = i;
    for (std::size_t k = i; k < j; ++k) {
      const std::uint32_t h = words[first + k].head;
      if (h == kNoHead || h < first + i || h >= first + j) head = k;
    }
    syntax.names.push_back({{words[first + i].span.begin, words[first + j - 1].span.end},
                            static_cast<std::uint32_t>(first + i),
                            static_cast<std::uint32_t>(first + j),
                            static_cast<std::uint32_t>(first + head)});
    i = j;
  }
}

// Splits the tokens [begin, end) of one unit (the title or one sentence) into words, in windows
// of at most kMaxParsedWords words, and calls `visit(pieces, piece_tokens)` for each window once
// its words are loaded into work.sentence.
template <typename Visit>
void for_each_window(const detail::SyntaxModel& model, const Document& document, std::size_t begin,
                     std::size_t end, Workspace& work, Visit&& visit) {
  const std::string_view text = document.text();
  const auto& tokens = document.tokens();
  std::vector<Piece> pieces;
  std::vector<std::uint32_t> piece_tokens;
  std::vector<std::string_view> forms;
  while (begin < end) {
    pieces.clear();
    piece_tokens.clear();
    std::size_t window_end = begin;
    while (window_end < end && pieces.size() < kMaxParsedWords) {
      split_token(model, text, tokens[window_end], work, pieces);
      piece_tokens.resize(pieces.size(), static_cast<std::uint32_t>(window_end));
      ++window_end;
    }
    forms.clear();
    for (const Piece& piece : pieces) forms.push_back(piece.form);
    work.sentence.reset(forms);
    visit(std::span<const Piece>(pieces), std::span<const std::uint32_t>(piece_tokens));
    begin = window_end;
  }
}

// Parses the tokens [begin, end) of one unit, appending their words and phrases to `syntax`.
void parse_unit(const detail::SyntaxModel& model, const Document& document, std::size_t begin,
                std::size_t end, Workspace& work, Syntax& syntax) {
  const std::uint32_t sentence = document.tokens()[begin].sentence;
  for_each_window(model, document, begin, end, work, [&](auto pieces, auto piece_tokens) {
    analyse(model, work);
    const auto first = static_cast<std::uint32_t>(syntax.words.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Word word;
      word.span = pieces[i].span;
      word.token = piece_tokens[i];
      word.sentence = sentence;
      word.pos = tag_of(model, work.sentence.tags[i]);
      const std::uint32_t head = work.sentence.heads[i];
      word.head = head == pieces.size() ? kNoHead : first + head;
      word.form = store(syntax.strings, pieces[i].form);
      detail::lemmatize(model, work.sentence, i, work.lemma);
      word.lemma = store(syntax.strings, work.lemma);
      detail::write_feats(model, work.sentence, i, work.feats);
      word.feats = store(syntax.strings, work.feats);
      word.relation = store(syntax.strings, model.relations[work.sentence.labels[i]]);
      if (word.head == kNoHead) {
        std::uint32_t& root = sentence == kNoSentence ? syntax.title_root : syntax.roots[sentence];
        if (root == kNoHead) root = first + static_cast<std::uint32_t>(i);
      }
      syntax.words.push_back(word);
    }
    add_phrases(syntax, first, syntax.words.size(), work);
  });
}

// Words that only serve others: a token of several words takes its tag from another one.
bool is_function_tag(PartOfSpeech pos) {
  switch (pos) {
    case PartOfSpeech::kAdp:
    case PartOfSpeech::kAux:
    case PartOfSpeech::kCconj:
    case PartOfSpeech::kDet:
    case PartOfSpeech::kPart:
    case PartOfSpeech::kPron:
    case PartOfSpeech::kPunct:
    case PartOfSpeech::kSconj:
      return true;
    default:
      return false;
  }
}

// Tags the tokens [begin, end) of one unit: each token its first word's tag that is not a function
// word's ("Europe" of "l'Europe", "China" of "China's"), or else its first word's ("do" of
// "don't").
void tag_unit(const detail::SyntaxModel& model, const Document& document, std::size_t begin,
              std::size_t end, Workspace& work, std::vector<PartOfSpeech>& tags) {
  for_each_window(model, document, begin, end, work, [&](auto pieces, auto piece_tokens) {
    detail::tag_sentence(model, work.sentence);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const PartOfSpeech pos = tag_of(model, work.sentence.tags[i]);
      const bool first_of_token = i == 0 || piece_tokens[i - 1] != piece_tokens[i];
      PartOfSpeech& tag = tags[piece_tokens[i]];
      if (first_of_token || (is_function_tag(tag) && !is_function_tag(pos))) tag = pos;
    }
  });
}

}  // namespace

const char* to_string(PartOfSpeech pos) noexcept {
  return kPartOfSpeechNames[static_cast<std::size_t>(pos)];
}

std::optional<PartOfSpeech> part_of_speech(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kPartOfSpeechNames.size(); ++i) {
    if (name == kPartOfSpeechNames[i]) return static_cast<PartOfSpeech>(i);
  }
  return std::nullopt;
}

std::string_view Syntax::feature(const Word& word, std::string_view name) const {
  const std::string_view all = feats(word);
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find('|', start);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view pair = all.substr(start, end - start);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    start = end + 1;
  }
  return {};
}

std::vector<std::uint32_t> Syntax::main_words(std::size_t tokens) const {
  std::vector<std::uint32_t> main(tokens, kNoHead);
  std::vector<std::uint8_t> settled(tokens, 0);
  for (std::uint32_t w = 0; w < words.size(); ++w) {
    const Word& word = words[w];
    if (word.token >= tokens || settled[word.token]) continue;
    const bool outside = head_token(word) != kNoHead || word.head == kNoHead;
    if (outside || main[word.token] == kNoHead) main[word.token] = w;
    if (outside) settled[word.token] = 1;
  }
  return main;
}

SyntaxParser::SyntaxParser(const LanguagePack& language)
    : model_(detail::SyntaxModel::of(language)) {}

Syntax SyntaxParser::parse(const Document& document) const {
  std::vector<std::uint32_t> all(document.sentences().size() + 1);
  all[0] = kNoSentence;  // the title
  for (std::uint32_t s = 0; s < document.sentences().size(); ++s) all[s + 1] = s;
  return parse_units(document, all);
}

Syntax SyntaxParser::parse(const Document& document,
                           std::span<const std::uint32_t> sentences) const {
  return parse_units(document, sentences);
}

// The units (kNoSentence for the title, then sentence numbers in ascending order) parsed.
Syntax SyntaxParser::parse_units(const Document& document,
                                 std::span<const std::uint32_t> units) const {
  Syntax syntax;
  syntax.roots.assign(document.sentences().size(), kNoHead);
  if (!model_) return syntax;
  const auto& tokens = document.tokens();
  Workspace work;
  syntax.words.reserve(tokens.size() + tokens.size() / 8);
  syntax.strings.reserve(document.text().size() * 2);
  std::size_t unit = 0;
  for (std::size_t begin = 0; begin < tokens.size() && unit < units.size();) {
    const std::uint32_t sentence = tokens[begin].sentence;
    std::size_t end = begin;
    while (end < tokens.size() && tokens[end].sentence == sentence) ++end;
    // Units come in token order: the title (kNoSentence) first, then ascending sentences.
    while (unit < units.size() && units[unit] != sentence &&
           (units[unit] == kNoSentence || (sentence != kNoSentence && units[unit] < sentence))) {
      ++unit;
    }
    if (unit < units.size() && units[unit] == sentence) {
      parse_unit(*model_, document, begin, end, work, syntax);
      ++unit;
    }
    begin = end;
  }
  return syntax;
}

std::vector<PartOfSpeech> SyntaxParser::tag_tokens(const Document& document) const {
  const auto& tokens = document.tokens();
  std::vector<PartOfSpeech> tags;
  if (!model_) return tags;
  tags.assign(tokens.size(), PartOfSpeech::kX);
  Workspace work;
  for (std::size_t begin = 0; begin < tokens.size();) {
    std::size_t end = begin;
    while (end < tokens.size() && tokens[end].sentence == tokens[begin].sentence) ++end;
    tag_unit(*model_, document, begin, end, work, tags);
    begin = end;
  }
  return tags;
}

std::optional<PartOfSpeech> SyntaxParser::known_tag(std::string_view form) const {
  if (!model_) return std::nullopt;
  const detail::SyntaxModel& model = *model_;
  if (const auto found = model.tag_dictionary.find(form); found != model.tag_dictionary.end()) {
    return tag_of(model, found->second);
  }
  std::optional<PartOfSpeech> only;
  std::string key;
  for (std::size_t tag = 0; tag < model.tags.size(); ++tag) {
    if (!model.find_known(form, static_cast<std::uint8_t>(tag), key)) continue;
    if (only) return std::nullopt;  // known with two tags
    only = tag_of(model, static_cast<std::uint8_t>(tag));
  }
  return only;
}

std::vector<ParsedWord> SyntaxParser::parse_words(std::span<const std::string_view> words) const {
  if (!model_) throw InvalidArgument("no syntax model for this language");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty()) throw InvalidArgument("word " + std::to_string(i) + " is empty");
    if (find_invalid_utf8(words[i])) {
      throw InvalidArgument("word " + std::to_string(i) + " is not valid UTF-8");
    }
  }
  const detail::SyntaxModel& model = *model_;
  Workspace work;
  std::vector<ParsedWord> parsed;
  parsed.reserve(words.size());
  for (std::size_t begin = 0; begin < words.size(); begin += kMaxParsedWords) {
    const std::size_t end = std::min(words.size(), begin + kMaxParsedWords);
    work.sentence.reset(
        std::vector<std::string_view>(words.begin() + static_cast<std::ptrdiff_t>(begin),
                                      words.begin() + static_cast<std::ptrdiff_t>(end)));
    analyse(model, work);
    for (std::size_t i = 0; i < end - begin; ++i) {
      ParsedWord word;
      word.pos = tag_of(model, work.sentence.tags[i]);
      detail::lemmatize(model, work.sentence, i, word.lemma);
      detail::write_feats(model, work.sentence, i, word.feats);
      const std::uint32_t head = work.sentence.heads[i];
      word.head = head == end - begin ? 0 : static_cast<std::uint32_t>(begin + head + 1);
      word.relation = model.relations[work.sentence.labels[i]];
      parsed.push_back(std::move(word));
    }
  }
  return parsed;
}

}  // namespace presslens
