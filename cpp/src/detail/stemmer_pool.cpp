#include "detail/stemmer_pool.hpp"

#include <libstemmer.h>

namespace presslens::detail {

namespace {
// A thread's remembered stems are dropped beyond this many (a few MB), so memory stays bounded
// however large the vocabulary of a corpus.
constexpr std::size_t kMaxRememberedStems = 1 << 16;
}  // namespace

struct StemmerPool::Stemmer {
  explicit Stemmer(sb_stemmer* snowball) : snowball(snowball) {}
  ~Stemmer() { sb_stemmer_delete(snowball); }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  sb_stemmer* snowball;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> stems;
};

StemmerPool::StemmerPool(std::string language) : language_(std::move(language)) {
  if (auto probe = make_stemmer()) {
    available_ = true;
    free_.push_back(std::move(probe));
  }
}

StemmerPool::~StemmerPool() = default;

std::unique_ptr<StemmerPool::Stemmer> StemmerPool::make_stemmer() const {
  sb_stemmer* snowball = sb_stemmer_new(language_.c_str(), "UTF_8");
  return snowball ? std::make_unique<Stemmer>(snowball) : nullptr;
}

StemmerPool::Lease StemmerPool::borrow() const {
  if (!available_) return Lease(*this, nullptr);
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      auto stemmer = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(stemmer));
    }
  }
  return Lease(*this, make_stemmer());
}

StemmerPool::Lease::Lease(const StemmerPool& pool, std::unique_ptr<Stemmer> stemmer)
    : pool_(pool), stemmer_(std::move(stemmer)) {}

StemmerPool::Lease::~Lease() {
  if (!stemmer_) return;
  if (stemmer_->stems.size() > kMaxRememberedStems) stemmer_->stems.clear();
  std::lock_guard lock(pool_.mutex_);
  pool_.free_.push_back(std::move(stemmer_));
}

void StemmerPool::Lease::stem(std::string_view word, std::string& out) const {
  if (!stemmer_) {
    out.append(word);  // no stemmer for the language
    return;
  }
  auto remembered = stemmer_->stems.find(word);
  if (remembered == stemmer_->stems.end()) {
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer_->snowball, reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    if (!stemmed) {
      out.append(word);  // libstemmer out of memory: the word unstemmed, not remembered
      return;
    }
    remembered =
        stemmer_->stems
            .emplace(word,
                     std::string(reinterpret_cast<const char*>(stemmed),
                                 static_cast<std::size_t>(sb_stemmer_length(stemmer_->snowball))))
            .first;
  }
  out.append(remembered->second);
}

}  // namespace presslens::detail
