#include "detail/stemmer_pool.hpp"

#include <libstemmer.h>

namespace presslens::detail {

StemmerPool::StemmerPool(std::string language) : language_(std::move(language)) {
  if (sb_stemmer* probe = sb_stemmer_new(language_.c_str(), "UTF_8")) {
    available_ = true;
    free_.push_back(probe);
  }
}

StemmerPool::~StemmerPool() {
  for (sb_stemmer* stemmer : free_) sb_stemmer_delete(stemmer);
}

StemmerPool::Lease StemmerPool::borrow() const {
  if (!available_) return Lease(*this, nullptr);
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      sb_stemmer* stemmer = free_.back();
      free_.pop_back();
      return Lease(*this, stemmer);
    }
  }
  return Lease(*this, sb_stemmer_new(language_.c_str(), "UTF_8"));
}

StemmerPool::Lease::~Lease() {
  if (!stemmer_) return;
  std::lock_guard lock(pool_.mutex_);
  pool_.free_.push_back(stemmer_);
}

void StemmerPool::Lease::stem(std::string_view word, std::string& out) const {
  const sb_symbol* stemmed =
      stemmer_ ? sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                 static_cast<int>(word.size()))
               : nullptr;
  if (stemmed) {
    out.append(reinterpret_cast<const char*>(stemmed),
               static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  } else {
    out.append(word);  // no stemmer for the language (or libstemmer out of memory)
  }
}

}  // namespace presslens::detail
