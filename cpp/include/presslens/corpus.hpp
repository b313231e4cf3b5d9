// Corpus statistics: term counts, document frequencies, TF-IDF and per-group top terms over many
// documents, mergeable and saved to a documented text format.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "presslens/keywords.hpp"
#include "presslens/quotes.hpp"

namespace presslens {

class Analyzer;
class Document;

struct TermStatistics {
  std::string key;              // as counted (see Keyword::key)
  std::string text;             // how it is most often written (ties: the smallest text)
  std::uint64_t count = 0;      // occurrences over the documents
  std::uint32_t documents = 0;  // documents it occurs in
  double score = 0;             // TF-IDF (tfidf()), keyness z-score (keyness())
};

// One speaker over many documents: the quotes (speech: direct, partial, indirect) whose speaker
// resolved to a name, grouped by the name's key (the surname: "kishida"), so that "Kishida",
// "Fumio Kishida" and "Prime Minister Fumio Kishida" in different articles are one speaker.
struct SpeakerStatistics {
  std::string key;
  std::string name;  // the name most often written at its fullest (ties: the smallest text)
  SpeakerType type = SpeakerType::kUnknown;  // what most of its quotes' speakers were
  std::uint64_t quotes = 0;
  std::uint32_t documents = 0;
};

// Grows with the vocabulary, not with the text. Not synchronised: build one corpus per thread (or
// per machine) and merge() them; merging equals building at once.
class Corpus {
 public:
  // Adds one document's terms (as Analyzer::keywords counted them), under an optional group key
  // such as a month or an outlet. Throws InvalidArgument for a group name with a line break.
  void add(const Document& document, const std::vector<Keyword>& terms,
           std::string_view group = {});
  // Analyses `texts` on `threads` threads and adds each, `groups[i]` being text i's group (or
  // none when `groups` is empty).
  void add_texts(const Analyzer& analyzer, std::span<const std::string_view> texts,
                 std::span<const std::string> groups = {}, unsigned threads = 0,
                 const KeywordOptions& options = {});
  void merge(const Corpus& other);

  std::uint64_t documents() const noexcept { return documents_; }
  std::uint32_t document_frequency(std::string_view key) const;
  // The `n` most frequent terms, over all documents or in one group.
  std::vector<TermStatistics> top(std::size_t n) const;
  std::vector<TermStatistics> top(std::size_t n, std::string_view group) const;
  std::vector<std::string> groups() const;
  std::uint64_t group_documents(std::string_view group) const;
  // A document's terms ranked by TF-IDF against this corpus: count * ln((1 + N) / (1 + df)) + 1).
  std::vector<TermStatistics> tfidf(const Document& document, const std::vector<Keyword>& terms,
                                    std::size_t n) const;
  // The `n` terms that most distinguish `group` from the rest of the corpus, most distinctive
  // first: the log-odds ratio of the term in the group against the rest, with an informative
  // Dirichlet prior (the whole corpus's counts), as a z-score (Monroe, Colaresi and Quinn 2008,
  // "Fightin' Words"). count: the term's count in the group. Empty for an unknown group.
  std::vector<TermStatistics> keyness(std::string_view group, std::size_t n) const;
  // How often the term `key` occurs in `group`, and how many terms the group counts in all.
  std::uint64_t count(std::string_view key, std::string_view group) const;
  std::uint64_t group_terms(std::string_view group) const;

  // The `n` speakers with most quotes, over all documents or in one group (most quotes first,
  // ties by key). Two people with one surname are one speaker here: the name says which.
  std::vector<SpeakerStatistics> speakers(std::size_t n) const;
  std::vector<SpeakerStatistics> speakers(std::size_t n, std::string_view group) const;

  // The text format (docs/keywords.md): a header line, then one line per term, speaker and
  // group.
  void save(std::ostream& out) const;
  // Throws InvalidArgument on a malformed file.
  static Corpus load(std::istream& in);

 private:
  struct Term {
    // Each way the term was written, and how often: the label is the most frequent, whatever
    // order the documents (or merged corpora) came in.
    std::vector<std::pair<std::string, std::uint64_t>> forms;
    std::uint64_t count = 0;
    std::uint32_t documents = 0;

    void add_form(std::string_view text, std::uint64_t times);
    const std::string& text() const;
  };
  struct Speaker {
    Term names;  // each name as written at its fullest, and how many quotes it spoke
    std::array<std::uint64_t, 3> types{};  // quotes by SpeakerType
    SpeakerStatistics statistics(const std::string& key, std::uint64_t quotes) const;
  };
  struct Group {
    std::uint64_t documents = 0;
    std::unordered_map<std::string, std::uint64_t> counts;
    std::unordered_map<std::string, std::uint64_t> speaker_quotes;
  };

  std::uint64_t documents_ = 0;
  std::unordered_map<std::string, Term> terms_;
  std::unordered_map<std::string, Speaker> speakers_;
  std::map<std::string, Group, std::less<>> groups_;
};

}  // namespace presslens
