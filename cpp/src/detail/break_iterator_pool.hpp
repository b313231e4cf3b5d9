// A pool of clones of one ICU BreakIterator. ICU iterators keep per-text state, so a shared,
// immutable stage borrows a private clone for each call instead of building one per call.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <mutex>
#include <vector>

namespace presslens::detail {

class BreakIteratorPool {
 public:
  explicit BreakIteratorPool(std::unique_ptr<icu::BreakIterator> prototype)
      : prototype_(std::move(prototype)) {}

  // An iterator for the caller alone; it returns to the pool when the lease ends.
  class Lease {
   public:
    Lease(const BreakIteratorPool& pool, std::unique_ptr<icu::BreakIterator> iterator)
        : pool_(pool), iterator_(std::move(iterator)) {}
    ~Lease() { pool_.give_back(std::move(iterator_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    icu::BreakIterator& operator*() const { return *iterator_; }
    icu::BreakIterator* operator->() const { return iterator_.get(); }

   private:
    const BreakIteratorPool& pool_;
    std::unique_ptr<icu::BreakIterator> iterator_;
  };

  Lease borrow() const {
    std::lock_guard lock(mutex_);
    if (free_.empty())
      return Lease(*this, std::unique_ptr<icu::BreakIterator>(prototype_->clone()));
    auto iterator = std::move(free_.back());
    free_.pop_back();
    return Lease(*this, std::move(iterator));
  }

 private:
  void give_back(std::unique_ptr<icu::BreakIterator> iterator) const {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(iterator));
  }

  std::unique_ptr<icu::BreakIterator> prototype_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<icu::BreakIterator>> free_;
};

}  // namespace presslens::detail
