#include "presslens/keywords.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include "detail/sentence_lexicon.hpp"
#include "detail/stemmer_pool.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"

namespace presslens {

namespace detail {

// The language's stopwords, background word frequencies and stemmer.
class KeywordResources {
 public:
  explicit KeywordResources(const LanguagePack& language)
      : stopwords(language.list("stopwords").begin(), language.list("stopwords").end()),
        connectors(language.list("phrase_connectors").begin(),
                   language.list("phrase_connectors").end()),
        stemmer(language.language()) {
    for (const auto& line : language.list("word_frequencies")) {
      const auto space = line.rfind(' ');
      if (space == std::string::npos) continue;
      zipf.emplace(line.substr(0, space), std::strtod(line.c_str() + space + 1, nullptr));
    }
  }

  StringSet stopwords;
  StringSet connectors;
  std::unordered_map<std::string, double, StringHash, std::equal_to<>> zipf;
  StemmerPool stemmer;
};

}  // namespace detail

namespace {

// Everything known about a term while a document is read.
struct TermStats {
  Keyword keyword;
  std::string first_form;  // the unstemmed key of the first occurrence, for background lookups
  std::uint32_t first_position = 0;
  std::uint32_t last_position = 0;
  std::uint32_t capitalised = 0;
  bool in_title = false;
};

struct Word {
  Span span;
  std::string key;   // case-folded
  std::string term;  // stemmed (or the key)
  bool stop = false;
  bool number = false;
  bool capitalised = false;
  std::uint32_t position = 0;  // index among the document's words
};

bool counts_as_word(TokenKind kind) {
  return kind == TokenKind::kWord || kind == TokenKind::kNumber || kind == TokenKind::kHashtag;
}

class TermCounter {
 public:
  TermCounter(const Document& document, const Tokenizer& tokenizer,
              const detail::KeywordResources& resources, const KeywordOptions& options)
      : document_(document),
        tokenizer_(tokenizer),
        resources_(resources),
        options_(options),
        stemmer_(resources.stemmer.borrow()) {}

  std::unordered_map<std::string, TermStats, detail::StringHash, std::equal_to<>> run() {
    const auto& tokens = document_.tokens();
    const std::vector<Span> quoted = quoted_regions();
    std::size_t next_region = 0;
    std::vector<Word> chunk;
    std::uint32_t sentence = kNoSentence - 1;  // differs from every token's sentence
    bool was_quoted = false;
    for (const Token& token : tokens) {
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
      if (counted && counts_as_word(token.kind)) chunk.push_back(make_word(token));
    }
    flush(chunk);
    return std::move(terms_);
  }

 private:
  // The inside of marked quotes (not titles), merged and in text order.
  std::vector<Span> quoted_regions() const {
    std::vector<Span> regions;
    if (options_.quoted == QuotedMatter::kInclude) return regions;
    for (const Quote& quote : document_.quotes()) {
      if (quote.marks.empty() || quote.kind == QuoteKind::kTitle) continue;
      if (!regions.empty() && quote.marks.begin < regions.back().end) {
        regions.back().end = std::max(regions.back().end, quote.marks.end);
      } else {
        regions.push_back(quote.marks);
      }
    }
    return regions;
  }

  Word make_word(const Token& token) {
    Word word;
    word.span = token.span;
    tokenizer_.key(document_.text(token.span), word.key);
    word.stop = resources_.stopwords.contains(word.key);
    word.number = token.kind == TokenKind::kNumber;
    word.capitalised = u_isupper(detail::code_point_at(document_.text(), token.span.begin).value);
    word.position = position_++;
    if (options_.stem && !word.number && !word.stop) {
      stem(word.key, word.term);
    } else {
      word.term = word.key;
    }
    in_title_ = token.sentence == kNoSentence;
    return word;
  }

  void flush(std::vector<Word>& chunk) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const Word& w = chunk[i];
      if (options_.min_words <= 1 && !w.stop && !w.number) {
        add(w.term, w.key, w.span, 1, w);
        if (options_.compound_parts) add_parts(w);
      }
      for (std::uint32_t n = std::max(2u, options_.min_words); n <= options_.max_words; ++n) {
        if (i + n > chunk.size()) break;
        add_ngram(chunk, i, n);
      }
    }
    if (options_.names) add_names(chunk);
    chunk.clear();
  }

  // The parts of a hyphenated word, each at its own span ("Japan-China": "Japan", "China").
  void add_parts(const Word& w) {
    if (w.key.find('-') == std::string::npos) return;
    const std::string_view text = document_.text();
    std::uint32_t start = w.span.begin;
    for (std::uint32_t i = w.span.begin; i <= w.span.end;) {
      const bool at_end = i == w.span.end;
      const auto c = at_end ? detail::CodePoint{0, 0} : detail::code_point_at(text, i);
      if (at_end || c.value == '-' || c.value == 0x2010 || c.value == 0x2011) {
        if (i > start) add_part({start, i}, w);
        if (at_end) break;
        start = i + c.size;
      }
      i += c.size;
    }
  }

  void add_part(Span span, const Word& whole) {
    std::string key;
    tokenizer_.key(document_.text(span), key);
    if (resources_.stopwords.contains(key)) return;
    std::string term;
    if (options_.stem) {
      stem(key, term);
    } else {
      term = key;
    }
    Word part = whole;
    part.span = span;
    part.capitalised = u_isupper(detail::code_point_at(document_.text(), span.begin).value);
    add(term, key, span, 1, part);
  }

  // An n-gram neither begins nor ends with a stopword or a number, and holds no stopword but
  // the language's phrase connectors ("Secretary of State", "ministre des Affaires").
  void add_ngram(const std::vector<Word>& chunk, std::size_t i, std::uint32_t n) {
    const Word& first = chunk[i];
    const Word& last = chunk[i + n - 1];
    if (first.stop || last.stop || first.number || last.number) return;
    for (std::size_t k = i + 1; k + 1 < i + n; ++k) {
      if (chunk[k].stop && !resources_.connectors.contains(chunk[k].key)) return;
    }
    term_buffer_.clear();
    form_buffer_.clear();
    for (std::size_t k = i; k < i + n; ++k) {
      if (k > i) {
        term_buffer_.push_back(' ');
        form_buffer_.push_back(' ');
      }
      term_buffer_ += chunk[k].term;
      form_buffer_ += chunk[k].key;
    }
    add(term_buffer_, form_buffer_, {first.span.begin, last.span.end}, n, first);
  }

  // Capitalised names longer than the n-grams ("East Asian Community Institute").
  void add_names(const std::vector<Word>& chunk) {
    std::size_t i = 0;
    while (i < chunk.size()) {
      if (!chunk[i].capitalised || chunk[i].stop) {
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < chunk.size() && chunk[end].capitalised && !chunk[end].number) ++end;
      while (end > i + 1 && chunk[end - 1].stop) --end;
      const auto n = static_cast<std::uint32_t>(end - i);
      if (n > options_.max_words && n <= 8) add_ngram(chunk, i, n);
      i = end;
    }
  }

  // Most words recur in a document: each is stemmed once.
  void stem(const std::string& key, std::string& out) {
    auto found = stems_.find(key);
    if (found == stems_.end()) {
      std::string stemmed;
      stemmer_.stem(key, stemmed);
      found = stems_.emplace(key, std::move(stemmed)).first;
    }
    out = found->second;
  }

  // Looked up without allocating; strings are made only for a term seen the first time.
  void add(std::string_view term, std::string_view form, Span span, std::uint32_t words,
           const Word& first) {
    auto found = terms_.find(term);
    if (found == terms_.end()) {
      TermStats stats;
      stats.keyword.key = term;
      stats.keyword.first = span;
      stats.keyword.words = words;
      stats.first_form = form;
      stats.first_position = first.position;
      found = terms_.emplace(std::string(term), std::move(stats)).first;
    }
    TermStats& stats = found->second;
    ++stats.keyword.count;
    stats.last_position = first.position;
    stats.capitalised += first.capitalised;
    stats.in_title |= in_title_;
  }

  const Document& document_;
  const Tokenizer& tokenizer_;
  const detail::KeywordResources& resources_;
  const KeywordOptions& options_;
  detail::StemmerPool::Lease stemmer_;
  std::unordered_map<std::string, TermStats, detail::StringHash, std::equal_to<>> terms_;
  std::uint32_t position_ = 0;
  bool in_title_ = false;
  std::unordered_map<std::string, std::string> stems_;
  std::string term_buffer_;  // reused for every n-gram
  std::string form_buffer_;
};

bool by_count(const Keyword& a, const Keyword& b) {
  if (a.count != b.count) return a.count > b.count;
  return a.first.begin < b.first.begin || (a.first.begin == b.first.begin && a.words < b.words);
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

}  // namespace

KeywordExtractor::KeywordExtractor(const LanguagePack& language, Tokenizer tokenizer)
    : tokenizer_(std::move(tokenizer)),
      resources_(std::make_shared<const detail::KeywordResources>(language)) {}

bool KeywordExtractor::is_stopword(std::string_view key) const {
  return resources_->stopwords.contains(key);
}

std::vector<Keyword> KeywordExtractor::count(const Document& document,
                                             const KeywordOptions& options) const {
  auto terms = TermCounter(document, tokenizer_, *resources_, options).run();
  std::vector<Keyword> keywords;
  keywords.reserve(terms.size());
  for (auto& [term, stats] : terms) {
    const bool in_range =
        stats.keyword.words >= options.min_words && stats.keyword.words <= options.max_words;
    if (in_range || (options.names && stats.keyword.words > options.max_words)) {
      keywords.push_back(std::move(stats.keyword));
    }
  }
  std::sort(keywords.begin(), keywords.end(), by_count);
  return keywords;
}

std::vector<Keyword> KeywordExtractor::keyphrases(const Document& document, std::size_t top) const {
  const KeywordOptions options;  // stemmed unigrams to trigrams, and names
  auto terms = TermCounter(document, tokenizer_, *resources_, options).run();
  const double words_in_document =
      std::max<double>(1.0, static_cast<double>(document.tokens().size()));

  std::vector<Keyword> candidates;
  for (auto& [term, stats] : terms) {
    // Rarity: the mean over the phrase's words of how far below common words each stands.
    double rarity = 0;
    int counted = 0;
    std::istringstream forms(stats.first_form);
    for (std::string form; forms >> form;) {
      if (resources_->stopwords.contains(form)) continue;
      const auto zipf = resources_->zipf.find(form);
      rarity += zipf == resources_->zipf.end() ? 6.0 : std::max(0.5, 7.5 - zipf->second);
      ++counted;
    }
    if (counted == 0) continue;
    rarity /= counted;
    // The weights were set on English news (500N-KPCrowd development stories) and checked on
    // French WikiNews; docs/keywords.md has the figures.
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
    const double named = 2 * stats.capitalised >= stats.keyword.count ? 1.2 : 1.0;
    stats.keyword.score = rarity * frequency * frequency * early * spread * title * phrase * named;
    candidates.push_back(std::move(stats.keyword));
  }
  std::sort(candidates.begin(), candidates.end(), [](const Keyword& a, const Keyword& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.first.begin < b.first.begin;
  });

  std::vector<Keyword> chosen;
  for (auto& candidate : candidates) {
    if (chosen.size() >= top) break;
    const bool crowded = std::any_of(chosen.begin(), chosen.end(), [&](const Keyword& kept) {
      return candidate.words > 1 && kept.words > 1 &&
             (contains_phrase(kept.key, candidate.key) || contains_phrase(candidate.key, kept.key));
    });
    if (!crowded) chosen.push_back(std::move(candidate));
  }
  return chosen;
}

}  // namespace presslens
