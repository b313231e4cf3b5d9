#include "presslens/keywords.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <span>
#include <unordered_map>

#include "detail/flat_index.hpp"
#include "detail/keyphrase_candidate.hpp"
#include "detail/sentence_lexicon.hpp"
#include "detail/stemmer_pool.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"

namespace presslens {

namespace detail {

// How rare a word is: how far its Zipf frequency stands below that of the commonest words.
inline double rarity_of(double zipf) { return std::max(0.5, 7.5 - zipf); }

// The language's stopwords, background word frequencies and stemmer.
class KeywordResources {
 public:
  explicit KeywordResources(const LanguagePack& language)
      : lang_hash(fnv1a(language.language())),
        stopwords(language.list("stopwords").begin(), language.list("stopwords").end()),
        connectors(language.list("phrase_connectors").begin(),
                   language.list("phrase_connectors").end()),
        determiners(language.list("determiners").begin(), language.list("determiners").end()),
        stemmer(language.language()) {
    double rarest = std::numeric_limits<double>::max();
    for (const auto& line : language.list("word_frequencies")) {
      const auto space = line.rfind(' ');
      if (space == std::string::npos) continue;
      const double value = std::strtod(line.c_str() + space + 1, nullptr);
      zipf.emplace(line.substr(0, space), value);
      rarest = std::min(rarest, value);
    }
    // A word missing from the list is mostly a name, a misspelling or a rare inflection: as rare
    // as the rarest listed word, no rarer, so that one-off names do not crowd out topic words.
    if (!zipf.empty()) unlisted_rarity = rarity_of(rarest);
    if (language.has_model("keyphrases")) {
      own_model_.emplace(language.model("keyphrases"), "keyphrases");
      model = &*own_model_;
    } else if (zipf.empty()) {
      // A language without a pack has no background frequencies, which the shipped ranker reads
      // most: the frequency-only rules rank its keyphrases.
      model = nullptr;
    }
  }

  std::uint64_t lang_hash;

  StringSet stopwords;
  StringSet connectors;
  StringSet determiners;
  std::unordered_map<std::string, double, StringHash, std::equal_to<>> zipf;
  double unlisted_rarity = 6.0;  // of a word missing from the list (6.0 when there is no list)
  StemmerPool stemmer;
  // The pack's own, else the shipped one; none for a language without background frequencies.
  const KeyphraseModel* model = KeyphraseModel::builtin();

 private:
  std::optional<KeyphraseModel> own_model_;
};

}  // namespace detail

namespace {

using Candidate = detail::KeyphraseCandidate;
using detail::kMaxPhraseWords;
using detail::PhraseKey;

// Not a new term: a hyphenated word seen before, whose parts are noted.
constexpr std::uint32_t kSeenBefore = std::numeric_limits<std::uint32_t>::max();
// The weight of a lower-case candidate never seen after a determiner.
constexpr double kNotNounlike = 0.6;
// A phrase may take the place of a word of it chosen at position p only while the list has never
// held p + kReplacementWindow keyphrases ("Hailee Steinfeld" where "Steinfeld" stood, if it comes
// soon enough), and the selection runs until it has held kReplacementWindow more than asked for:
// so the first n keyphrases never depend on how many more are asked for (keyphrases(n) is the
// first n of keyphrases(m)). 4 was the best of 4 and 10 on both development sets.
constexpr std::size_t kReplacementWindow = 4;

// Everything known about a term while a document is read.
struct TermStats {
  Keyword keyword;
  double rarity = 0;  // mean over the phrase's non-stopwords of their background rarity
  std::uint32_t first_position = 0;
  std::uint32_t last_position = 0;
  std::uint32_t capitalised = 0;
  std::uint32_t determined = 0;  // occurrences after a determiner or with an elided article
  std::uint32_t named = 0;       // occurrences with every word but connectors capitalised
  std::uint32_t nominal = 0;     // occurrences tagged as a noun phrase (see is_noun_phrase)
  bool in_title = false;
  std::uint32_t term = 0;  // its first word's term
  PhraseKey parts;         // a hyphenated word's parts, as terms
};

// A distinct word form of the document ("China", "china", "China's" are three), worked out once:
// most words recur, so keying, stopword lookup and stemming run once per form, not per token.
struct WordForm {
  std::uint32_t term = 0;  // id of its counted term (the key, stemmed when asked)
  bool stop = false;
  bool connector = false;   // a stopword that may stand inside a phrase ("of", "des")
  bool determiner = false;  // "the", "le", "der"
  bool elided = false;      // written with an elided article ("l'aéroport")
  double rarity = 0;        // how far below common words it stands (background frequencies)
};

// One occurrence of a word in the stretch of words being counted.
struct Word {
  Span span;
  std::uint32_t form = 0;
  std::uint32_t position = 0;  // index among the document's words
  bool number = false;
  bool capitalised = false;
  bool in_title = false;
  PartOfSpeech pos = PartOfSpeech::kX;  // when the document was tagged
};

std::uint64_t hash_of(const PhraseKey& key) {
  return detail::fnv1a(
      {reinterpret_cast<const char*>(key.terms.data()), key.words * sizeof(std::uint32_t)});
}

bool counts_as_word(TokenKind kind) {
  return kind == TokenKind::kWord || kind == TokenKind::kNumber || kind == TokenKind::kHashtag;
}

// Scripts written without spaces between words, whose words are short by nature.
bool is_dense_script(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

// A language without a stopword list (no language pack) finds its function words in the document
// itself, in scripts written with spaces: words of one or two letters ("и", "в", "на"), and words
// of three that recur in at least a quarter of its sentences ("что", "для"). Topic words are
// longer, or rarer.
detail::StringSet fallback_stopwords(const Document& document) {
  constexpr std::size_t kShortWord = 2;       // code points
  constexpr std::size_t kRecurringWord = 3;   // code points
  constexpr std::uint32_t kMinSentences = 4;  // fewer say nothing about recurrence
  const auto& keys = document.keys();
  std::vector<std::uint32_t> sentences_with(keys.size(), 0);
  std::vector<std::uint32_t> last_sentence(keys.size(), kNoSentence);
  for (const Token& token : document.tokens()) {
    if (token.kind != TokenKind::kWord || token.sentence == kNoSentence) continue;
    if (last_sentence[token.key] == token.sentence) continue;
    last_sentence[token.key] = token.sentence;
    ++sentences_with[token.key];
  }
  const auto sentences = static_cast<std::uint32_t>(document.sentences().size());
  detail::StringSet stopwords;
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    std::size_t length = 0;
    bool dense = false;
    for (std::uint32_t i = 0; i < key.size(); ++length) {
      const detail::CodePoint c = detail::code_point_at(key, i);
      dense |= is_dense_script(c.value);
      i += c.size;
    }
    if (dense || length == 0) continue;
    const bool recurring = sentences >= kMinSentences && 4 * sentences_with[k] >= sentences;
    if (length <= kShortWord || (length <= kRecurringWord && recurring)) stopwords.insert(key);
  }
  return stopwords;
}

// Parts of speech a keyphrase may hold outside its inner connectors ("of", "des"): nouns and names
// with their adjectives and numbers ("crude oil", "Exxon Valdez", "G20 summit").
bool is_phrase_word(PartOfSpeech pos) {
  switch (pos) {
    case PartOfSpeech::kNoun:
    case PartOfSpeech::kPropn:
    case PartOfSpeech::kAdj:
    case PartOfSpeech::kNum:
    case PartOfSpeech::kX:
    case PartOfSpeech::kSym:
      return true;
    default:
      return false;
  }
}

bool is_noun(PartOfSpeech pos) { return pos == PartOfSpeech::kNoun || pos == PartOfSpeech::kPropn; }

class TermCounter {
 public:
  // `tags`: each token's part of speech, or empty when the document was not tagged. Only
  // phrases to be ranked need their words' background rarity: counting alone skips its lookup
  // in a 40,000-word table for every distinct word.
  enum class Use { kCount, kRank };
  TermCounter(const Document& document, const Tokenizer& tokenizer,
              const detail::KeywordResources& resources, const KeywordOptions& options, Use use,
              std::span<const PartOfSpeech> tags = {})
      : document_(document),
        tags_(tags),
        use_(use),
        tokenizer_(tokenizer),
        resources_(resources),
        options_(options),
        stemmer_(resources.stemmer.borrow()),
        fallback_stopwords_(resources.stopwords.empty() ? fallback_stopwords(document)
                                                        : detail::StringSet()) {}

  std::vector<TermStats> run() {
    const auto& tokens = document_.tokens();
    const std::vector<Span> quoted = quoted_regions();
    std::size_t next_region = 0;
    std::vector<Word> chunk;
    std::uint32_t sentence = kNoSentence - 1;  // differs from every token's sentence
    bool was_quoted = false;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      const Token& token = tokens[t];
      // Tokens and quote regions are both in text order: one forward pass finds which is inside.
      while (next_region < quoted.size() && quoted[next_region].end <= token.span.begin)
        ++next_region;
      const bool is_quoted =
          next_region < quoted.size() && quoted[next_region].begin <= token.span.begin;
      const bool counted = options_.quoted == QuotedMatter::kInclude ||
                           (options_.quoted == QuotedMatter::kOnly) == is_quoted;
      // An n-gram never joins words across a quotation mark or a left-out stretch.
      if (token.sentence != sentence || !counts_as_word(token.kind) || is_quoted != was_quoted ||
          !counted) {
        flush(chunk);
        sentence = token.sentence;
      }
      was_quoted = is_quoted;
      if (counted && counts_as_word(token.kind)) chunk.push_back(make_word(t));
    }
    flush(chunk);
    // The strings of each term, made once per term rather than once per occurrence.
    for (std::size_t index = 0; index < stats_.size(); ++index) {
      const PhraseKey& key = phrases_[index];
      std::string& text = stats_[index].keyword.key;
      for (std::uint32_t i = 0; i < key.words; ++i) {
        if (i > 0) text.push_back(' ');
        text += term_texts_[key.terms[i]];
      }
    }
    return std::move(stats_);
  }

 private:
  // The quoted words of marked quotes (not titles; an interrupting attribution is the writer's),
  // merged and in text order.
  std::vector<Span> quoted_regions() const {
    std::vector<Span> pieces_in_order;
    if (options_.quoted == QuotedMatter::kInclude) return pieces_in_order;
    for (const Quote& quote : document_.quotes()) {
      if (quote.marks.empty() || quote.kind == QuoteKind::kTitle) continue;
      for (const Span piece : pieces(quote)) pieces_in_order.push_back(piece);
    }
    std::sort(pieces_in_order.begin(), pieces_in_order.end(),
              [](Span a, Span b) { return a.begin < b.begin; });
    std::vector<Span> regions;
    for (const Span piece : pieces_in_order) {
      if (!regions.empty() && piece.begin < regions.back().end) {
        regions.back().end = std::max(regions.back().end, piece.end);
      } else {
        regions.push_back(piece);
      }
    }
    return regions;
  }

  Word make_word(std::size_t t) {
    const Token& token = document_.tokens()[t];
    Word word;
    if (!tags_.empty()) word.pos = tags_[t];
    word.span = token.span;
    word.form = form_of(document_.text(token.span), &document_.key(token));
    word.number = token.kind == TokenKind::kNumber;
    word.capitalised = u_isupper(detail::code_point_at(document_.text(), token.span.begin).value);
    word.position = position_++;
    word.in_title = token.sentence == kNoSentence;
    return word;
  }

  // The id of a word form, worked out the first time it is seen. `key`: the form's key when
  // known (a token's, keyed by the analysis), else it is keyed here (a compound's part).
  std::uint32_t form_of(std::string_view text, const std::string* key = nullptr) {
    const auto [number, added] = form_index_.insert(text, detail::fnv1a(text));
    if (!added) return number;
    WordForm form;
    if (key == nullptr) {
      tokenizer_.key(text, key_buffer_);
      key = &key_buffer_;
    }
    form.stop = resources_.stopwords.contains(*key) || fallback_stopwords_.contains(*key);
    form.connector = resources_.connectors.contains(*key);
    form.determiner = resources_.determiners.contains(*key);
    form.elided = tokenizer_.elided_prefix(text) > 0;
    if (!form.stop && use_ == Use::kRank) {
      const auto zipf = resources_.zipf.find(*key);
      form.rarity = zipf == resources_.zipf.end() ? resources_.unlisted_rarity
                                                  : detail::rarity_of(zipf->second);
    }
    if (options_.stem && !form.stop) {  // numbers have no stem: Snowball leaves them as they are
      term_buffer_.clear();             // stem() appends
      stemmer_.stem(*key, term_buffer_);
      form.term = term_id(term_buffer_);
    } else {
      form.term = term_id(*key);
    }
    forms_.push_back(form);
    return number;
  }

  std::uint32_t term_id(const std::string& text) {
    // The index keeps views of the strings, which a deque never moves; a term seen before is
    // added and taken back.
    term_texts_.push_back(text);
    const auto [number, added] = term_index_.insert(term_texts_.back(), detail::fnv1a(text));
    if (!added) term_texts_.pop_back();
    return number;
  }

  void flush(std::vector<Word>& chunk) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (options_.min_words <= 1 && !forms_[chunk[i].form].stop && !chunk[i].number) {
        const auto [number, added] = add_phrase(chunk, i, 1);
        if (options_.compound_parts) add_parts(chunk[i], added ? number : kSeenBefore);
      }
      for (std::uint32_t n = std::max(2u, options_.min_words); n <= options_.max_words; ++n) {
        if (i + n > chunk.size()) break;
        add_ngram(chunk, i, n);
      }
    }
    if (options_.names) add_names(chunk);
    chunk.clear();
  }

  // The parts of a hyphenated word, each at its own span ("Japan-China": "Japan", "China"); their
  // terms are noted on the word's term `whole` when it is new.
  void add_parts(const Word& w, std::uint32_t whole) {
    const std::string_view text = document_.text();
    if (text.substr(w.span.begin, w.span.size()).find('-') == std::string_view::npos &&
        text.substr(w.span.begin, w.span.size()).find("\xE2\x80") == std::string_view::npos) {
      return;  // neither an ASCII hyphen nor U+2010/U+2011
    }
    std::uint32_t start = w.span.begin;
    for (std::uint32_t i = w.span.begin; i <= w.span.end;) {
      const bool at_end = i == w.span.end;
      const auto c = at_end ? detail::CodePoint{0, 0} : detail::code_point_at(text, i);
      if (at_end || c.value == '-' || c.value == 0x2010 || c.value == 0x2011) {
        if (at_end && start == w.span.begin) return;  // no hyphen after all
        if (i > start) add_part({start, i}, w, whole);
        if (at_end) break;
        start = i + c.size;
      }
      i += c.size;
    }
  }

  void add_part(Span span, const Word& word, std::uint32_t whole) {
    Word part = word;
    part.span = span;
    part.form = form_of(document_.text(span));
    part.number = false;  // "18-day" counts "18" as a part
    if (forms_[part.form].stop) return;
    if (whole != kSeenBefore && stats_[whole].parts.words < kMaxPhraseWords) {
      PhraseKey& parts = stats_[whole].parts;
      parts.terms[parts.words++] = forms_[part.form].term;
    }
    part.capitalised = u_isupper(detail::code_point_at(document_.text(), span.begin).value);
    add_phrase(std::span<const Word>(&part, 1), 0, 1);
  }

  // An n-gram neither begins nor ends with a stopword or a number, and holds no stopword but
  // the language's phrase connectors ("Secretary of State", "ministre des Affaires").
  void add_ngram(const std::vector<Word>& chunk, std::size_t i, std::uint32_t n) {
    const Word& first = chunk[i];
    const Word& last = chunk[i + n - 1];
    if (forms_[first.form].stop || forms_[last.form].stop || first.number || last.number) return;
    for (std::size_t k = i + 1; k + 1 < i + n; ++k) {
      const WordForm& form = forms_[chunk[k].form];
      if (form.stop && !form.connector) return;
    }
    add_phrase(chunk, i, n);
  }

  // Capitalised names longer than the n-grams ("East Asian Community Institute").
  void add_names(const std::vector<Word>& chunk) {
    std::size_t i = 0;
    while (i < chunk.size()) {
      if (!chunk[i].capitalised || forms_[chunk[i].form].stop) {
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < chunk.size() && chunk[end].capitalised && !chunk[end].number) ++end;
      while (end > i + 1 && forms_[chunk[end - 1].form].stop) --end;
      const auto n = static_cast<std::uint32_t>(end - i);
      if (n > options_.max_words && n <= kMaxPhraseWords) add_ngram(chunk, i, n);
      i = end;
    }
  }

  // Counts the phrase of `n` words starting at chunk[i]; looked up by its term ids, so nothing
  // is allocated unless the phrase is new. Returns its number and whether it is new.
  std::pair<std::uint32_t, bool> add_phrase(std::span<const Word> chunk, std::size_t i,
                                            std::uint32_t n) {
    PhraseKey key;
    key.words = n;
    for (std::uint32_t k = 0; k < n; ++k) key.terms[k] = forms_[chunk[i + k].form].term;
    const auto [number, added] = phrase_index_.insert(key, hash_of(key));
    const Word& first = chunk[i];
    if (added) {
      phrases_.push_back(key);
      TermStats stats;
      stats.keyword.first = shown(chunk, i, n);
      stats.keyword.words = n;
      stats.first_position = first.position;
      stats.term = key.terms[0];
      double rarity = 0;
      int counted = 0;
      for (std::uint32_t k = 0; k < n; ++k) {
        const WordForm& form = forms_[chunk[i + k].form];
        if (form.stop) continue;
        rarity += form.rarity;
        ++counted;
      }
      stats.rarity = counted > 0 ? rarity / counted : 0;
      stats_.push_back(std::move(stats));
    }
    TermStats& stats = stats_[number];
    ++stats.keyword.count;
    stats.last_position = first.position;
    stats.capitalised += first.capitalised;
    stats.named += std::all_of(chunk.begin() + static_cast<std::ptrdiff_t>(i),
                               chunk.begin() + static_cast<std::ptrdiff_t>(i + n),
                               [&](const Word& w) { return w.capitalised || forms_[w.form].stop; });
    stats.determined +=
        forms_[first.form].elided || (i > 0 && forms_[chunk[i - 1].form].determiner);
    stats.in_title |= first.in_title;
    const bool nominal = !tags_.empty() && is_noun_phrase(chunk, i, n);
    // Tagged, a term is shown where it is first a noun phrase: "warning", not the "warned" that
    // stems alike.
    if (nominal && stats.nominal == 0 && !added) stats.keyword.first = shown(chunk, i, n);
    stats.nominal += nominal;
    return {number, added};
  }

  // Where the phrase of `n` words at chunk[i] is shown: without an elided article or a
  // possessive ("aéroport", not "l'aéroport"; "Harbour City", not "Harbour City's").
  Span shown(std::span<const Word> chunk, std::size_t i, std::uint32_t n) const {
    const Span first = chunk[i].span;
    const Span last = chunk[i + n - 1].span;
    auto elided = static_cast<std::uint32_t>(tokenizer_.elided_prefix(document_.text(first)));
    auto possessive =
        static_cast<std::uint32_t>(tokenizer_.possessive_suffix(document_.text(last)));
    if (elided + possessive >= last.end - first.begin) elided = possessive = 0;  // "l's"
    return {first.begin + elided, last.end - possessive};
  }

  // Whether the tagged words chunk[i, i + n) are a noun phrase or a name: nouns, names,
  // adjectives and numbers, with connectors inside, and at least one noun or name; not a piece of
  // a longer name ("City grew" of "Harbour City grew") and no possessor with its head ("city's
  // budget" is two phrases).
  bool is_noun_phrase(std::span<const Word> chunk, std::size_t i, std::uint32_t n) const {
    const auto proper = [&](std::size_t k) { return chunk[k].pos == PartOfSpeech::kPropn; };
    if (i > 0 && proper(i - 1) && proper(i)) return false;
    if (i + n < chunk.size() && proper(i + n) && proper(i + n - 1)) return false;
    bool noun = false;
    for (std::size_t k = i; k < i + n; ++k) {
      const bool inner = k > i && k + 1 < i + n;
      if (!is_phrase_word(chunk[k].pos) && !(inner && forms_[chunk[k].form].connector)) {
        return false;
      }
      if (k + 1 < i + n && tokenizer_.possessive_suffix(document_.text(chunk[k].span)) > 0) {
        return false;
      }
      noun |= is_noun(chunk[k].pos);
    }
    return noun;
  }

  const Document& document_;
  std::span<const PartOfSpeech> tags_;
  Use use_;
  const Tokenizer& tokenizer_;
  const detail::KeywordResources& resources_;
  const KeywordOptions& options_;
  detail::StemmerPool::Lease stemmer_;
  const detail::StringSet fallback_stopwords_;      // without the pack's list (see above)
  detail::FlatIndex<std::string_view> form_index_;  // views into the text
  std::vector<WordForm> forms_;
  detail::FlatIndex<std::string_view> term_index_;  // views into term_texts_
  std::deque<std::string> term_texts_;
  detail::FlatIndex<PhraseKey> phrase_index_;
  std::vector<PhraseKey> phrases_;  // by number, as stats_
  std::vector<TermStats> stats_;
  std::uint32_t position_ = 0;
  std::string key_buffer_;  // reused for every new form
  std::string term_buffer_;
};

bool by_count(const Keyword& a, const Keyword& b) {
  if (a.count != b.count) return a.count > b.count;
  if (a.first.begin != b.first.begin) return a.first.begin < b.first.begin;
  if (a.words != b.words) return a.words < b.words;
  return a.key < b.key;  // "Japan-China" and its part "Japan" start together
}

// Whether `word` is one of the words of `phrase`, or a part of one of its compounds.
bool has_word(std::string_view phrase, std::string_view word) {
  for (std::size_t at = phrase.find(word); at != std::string_view::npos;
       at = phrase.find(word, at + 1)) {
    const auto bound = [](char c) { return c == ' ' || c == '-'; };
    const bool starts = at == 0 || bound(phrase[at - 1]);
    const bool ends = at + word.size() == phrase.size() || bound(phrase[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// Whether `term` is one of a hyphenated word's parts (matched by term, as "Bosnie" stems apart
// from "Bosnie-Herzégovine").
bool is_part(const PhraseKey& parts, std::uint32_t term) {
  const auto end = parts.terms.begin() + parts.words;
  return std::find(parts.terms.begin(), end, term) != end;
}

// Whether the words of `inner` stand, in order and whole, inside `outer`.
bool contains_phrase(std::string_view outer, std::string_view inner) {
  for (std::size_t at = outer.find(inner); at != std::string_view::npos;
       at = outer.find(inner, at + 1)) {
    const bool starts = at == 0 || outer[at - 1] == ' ';
    const bool ends = at + inner.size() == outer.size() || outer[at + inner.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// Whether `phrase` stands for the single word `word`: a name or compound stands for each of its
// words; any phrase stands for a word of it that never occurs outside it ("Forum mondial" for
// "mondial" when "mondial" is said only there).
bool stands_for(const Candidate& phrase, const Candidate& word) {
  const Keyword& outer = phrase.keyword;
  const Keyword& inner = word.keyword;
  if (inner.words != 1) return false;
  if (phrase.whole) return has_word(outer.key, inner.key) || is_part(phrase.parts, word.term);
  return outer.words > 1 && outer.count >= inner.count && has_word(outer.key, inner.key);
}

}  // namespace

const char* to_string(Ranking ranking) noexcept {
  switch (ranking) {
    case Ranking::kNone:
      return "";
    case Ranking::kModel:
      return "model";
    case Ranking::kRules:
      return "rules";
  }
  return "";
}

KeywordExtractor::KeywordExtractor(const LanguagePack& language, Tokenizer tokenizer)
    : tokenizer_(std::move(tokenizer)),
      resources_(std::make_shared<const detail::KeywordResources>(language)) {}

bool KeywordExtractor::is_stopword(std::string_view key) const {
  return resources_->stopwords.contains(key);
}

std::string KeywordExtractor::phrase_key(std::string_view phrase) const {
  if (const auto error = find_invalid_utf8(phrase)) throw InvalidUtf8(*error);
  std::vector<Token> tokens;
  tokenizer_.tokenize(phrase, {0, static_cast<std::uint32_t>(phrase.size())}, kNoSentence, tokens);
  detail::StemmerPool::Lease stemmer = resources_->stemmer.borrow();
  std::string key, term, joined;
  for (const Token& token : tokens) {
    if (!counts_as_word(token.kind)) continue;
    tokenizer_.key(phrase.substr(token.span.begin, token.span.size()), key);
    if (!joined.empty()) joined.push_back(' ');
    if (resources_->stopwords.contains(key)) {  // as counting keeps them: unstemmed
      joined += key;
      continue;
    }
    term.clear();  // stem() appends
    stemmer.stem(key, term);
    joined += term;
  }
  return joined;
}

std::vector<Keyword> KeywordExtractor::count(const Document& document,
                                             const KeywordOptions& options) const {
  auto terms =
      TermCounter(document, tokenizer_, *resources_, options, TermCounter::Use::kCount).run();
  std::vector<Keyword> keywords;
  keywords.reserve(terms.size());
  for (auto& stats : terms) {
    const bool in_range =
        stats.keyword.words >= options.min_words && stats.keyword.words <= options.max_words;
    if (in_range || (options.names && stats.keyword.words > options.max_words)) {
      keywords.push_back(std::move(stats.keyword));
    }
  }
  std::sort(keywords.begin(), keywords.end(), by_count);
  return keywords;
}

std::vector<detail::KeyphraseCandidate> KeywordExtractor::candidates(
    const Document& document, const SyntaxParser* grammar) const {
  const KeywordOptions options;  // stemmed unigrams to trigrams, and names
  const std::vector<PartOfSpeech> tags =
      grammar ? grammar->tag_tokens(document) : std::vector<PartOfSpeech>();
  auto terms =
      TermCounter(document, tokenizer_, *resources_, options, TermCounter::Use::kRank, tags).run();
  const double words_in_document =
      std::max<double>(1.0, static_cast<double>(document.tokens().size()));
  const auto tenth = [&](std::uint32_t words) {
    return static_cast<std::uint8_t>(std::min(9.0, 10.0 * words / words_in_document));
  };

  std::vector<Candidate> candidates;
  for (auto& stats : terms) {
    if (stats.rarity == 0) continue;                    // only stopwords
    if (!tags.empty() && stats.nominal == 0) continue;  // never a noun phrase
    const double rarity = stats.rarity;
    // The rules' score. Its weights were set on English news (500N-KPCrowd development stories)
    // and checked on French WikiNews; docs/keywords.md has the figures.
    const double frequency = 1.0 + std::log(static_cast<double>(stats.keyword.count));
    const double position = static_cast<double>(stats.first_position) / words_in_document;
    const double early = 1.0 + 1.0 / (1.0 + 10.0 * position);
    const double spread =
        1.0 + static_cast<double>(stats.last_position - stats.first_position) / words_in_document;
    const double title = stats.in_title ? 1.5 : 1.0;
    // A phrase said once is rarely a key phrase; one that recurs (or heads the article) competes
    // with its words on equal terms.
    const bool recurs = stats.keyword.count >= 2 || stats.in_title;
    const double phrase = stats.keyword.words == 1 || recurs ? 1.0 : 0.5;
    const bool capitalised = 2 * stats.capitalised >= stats.keyword.count;
    const double named = capitalised ? 1.2 : 1.0;
    // Nouns follow determiners ("le crash", "the crash"); adverbs, verbs and lone adjectives
    // ("apparemment", "visant") do not. Only for languages with a determiner list.
    const bool nounlike =
        tags.empty() ? capitalised || stats.determined > 0 || resources_->determiners.empty()
                     : 2 * stats.nominal >= stats.keyword.count;
    const double noun = nounlike ? 1.0 : kNotNounlike;
    stats.keyword.score =
        rarity * frequency * frequency * early * spread * title * phrase * named * noun;
    const bool name = stats.keyword.words > 1 && 2 * stats.named >= stats.keyword.count;
    const bool compound =
        stats.keyword.words == 1 && stats.keyword.key.find('-') != std::string::npos;
    const std::uint32_t count = stats.keyword.count;
    detail::KeyphraseCues cues;
    cues.words = stats.keyword.words;
    cues.count = count;
    cues.first_word = stats.first_position;
    cues.first_tenth = tenth(stats.first_position);
    cues.spread_tenth = tenth(stats.last_position - stats.first_position);
    cues.rarity = static_cast<std::uint8_t>(std::min(20.0, std::round(2 * rarity)));
    cues.capitalised = detail::quarters(stats.capitalised, count);
    cues.nominal =
        tags.empty() ? detail::KeyphraseCues::kUntagged : detail::quarters(stats.nominal, count);
    cues.determined = detail::quarters(stats.determined, count);
    cues.in_title = stats.in_title;
    cues.name = name;
    cues.compound = compound;
    cues.rule_score = stats.keyword.score;
    cues.lang = resources_->lang_hash;
    cues.key = detail::fnv1a(stats.keyword.key);
    cues.document_words = static_cast<std::uint32_t>(words_in_document);
    candidates.push_back(
        {std::move(stats.keyword), name || compound, stats.term, stats.parts, cues});
  }
  return candidates;
}

std::vector<Keyword> KeywordExtractor::keyphrases(const Document& document, std::size_t top,
                                                  const SyntaxParser* grammar) const {
  std::vector<Candidate> candidates = this->candidates(document, grammar);
  for (Candidate& candidate : candidates) candidate.keyword.ranked_by = Ranking::kRules;
  // The learned ranker's probability where there is a model; else the rules' score stands.
  if (const detail::KeyphraseModel* model = resources_->model) {
    std::vector<std::uint64_t> features;
    for (Candidate& candidate : candidates) {
      features.clear();
      detail::keyphrase_features(candidate.cues, features);
      candidate.keyword.score = model->probability(features);
      candidate.keyword.ranked_by = Ranking::kModel;
    }
  }

  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    const Keyword& a = x.keyword;
    const Keyword& b = y.keyword;
    if (a.score != b.score) return a.score > b.score;
    if (a.first.begin != b.first.begin) return a.first.begin < b.first.begin;
    return a.key < b.key;
  });

  std::vector<Candidate> chosen;
  std::size_t reached = 0;  // the most keyphrases the list has held
  for (auto& candidate : candidates) {
    const Keyword& phrase = candidate.keyword;
    if ((reached >= top + kReplacementWindow && chosen.size() >= top) || phrase.score <= 0) break;
    const bool crowded = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate& kept) {
      const Keyword& other = kept.keyword;
      if (phrase.words > 1 && other.words > 1) {
        return contains_phrase(other.key, phrase.key) || contains_phrase(phrase.key, other.key);
      }
      return stands_for(kept, candidate);
    });
    if (crowded) continue;
    // A phrase that stands for its words takes the place (and score) of a word of it chosen
    // before ("Alan Turing" where "Turing" stood), and those words after it are left out.
    if (phrase.words > 1 || candidate.whole) {
      const auto of_it = [&](const Candidate& kept) { return stands_for(candidate, kept); };
      const auto part = std::find_if(chosen.begin(), chosen.end(), of_it);
      if (part != chosen.end() &&
          reached < static_cast<std::size_t>(part - chosen.begin()) + kReplacementWindow) {
        chosen.erase(std::remove_if(part + 1, chosen.end(), of_it), chosen.end());
        const double score = part->keyword.score;  // it ranks where its word stood
        *part = std::move(candidate);
        part->keyword.score = score;
        continue;
      }
    }
    chosen.push_back(std::move(candidate));
    reached = std::max(reached, chosen.size());
  }
  if (chosen.size() > top) chosen.resize(top);
  std::vector<Keyword> keyphrases;
  for (auto& kept : chosen) keyphrases.push_back(std::move(kept.keyword));
  return keyphrases;
}

}  // namespace presslens
