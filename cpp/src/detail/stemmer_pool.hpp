// Snowball stemmers (libstemmer) shared between threads: a stemmer keeps per-call state, so a
// caller borrows one for the length of a document. Each pooled stemmer remembers the stems it
// made: news repeats its vocabulary from one article to the next, so most words are stemmed once
// per thread rather than once per document.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/sentence_lexicon.hpp"

struct sb_stemmer;

namespace presslens::detail {

class StemmerPool {
  struct Stemmer;

 public:
  // `language`: an ISO 639-1 code; languages Snowball does not know get no stemming.
  explicit StemmerPool(std::string language);
  ~StemmerPool();
  StemmerPool(const StemmerPool&) = delete;
  StemmerPool& operator=(const StemmerPool&) = delete;

  bool available() const noexcept { return available_; }

  // One stemmer for the caller alone; it returns to the pool when the lease ends.
  class Lease {
   public:
    Lease(const StemmerPool& pool, std::unique_ptr<Stemmer> stemmer);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    // Appends the stem of `word` (a case-folded key) to `out`; the word itself without a stemmer.
    void stem(std::string_view word, std::string& out) const;

   private:
    const StemmerPool& pool_;
    std::unique_ptr<Stemmer> stemmer_;
  };

  Lease borrow() const;

 private:
  std::unique_ptr<Stemmer> make_stemmer() const;

  std::string language_;
  bool available_ = false;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Stemmer>> free_;
};

}  // namespace presslens::detail
