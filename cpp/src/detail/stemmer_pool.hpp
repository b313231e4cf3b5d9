// Snowball stemmers (libstemmer) shared between threads: a stemmer keeps per-call state, so a
// caller borrows one for the length of a document.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace presslens::detail {

class StemmerPool {
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
    Lease(const StemmerPool& pool, sb_stemmer* stemmer) : pool_(pool), stemmer_(stemmer) {}
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    // Appends the stem of `word` (a case-folded key) to `out`; the word itself without a stemmer.
    void stem(std::string_view word, std::string& out) const;

   private:
    const StemmerPool& pool_;
    sb_stemmer* stemmer_;
  };

  Lease borrow() const;

 private:
  std::string language_;
  bool available_ = false;
  mutable std::mutex mutex_;
  mutable std::vector<sb_stemmer*> free_;
};

}  // namespace presslens::detail
