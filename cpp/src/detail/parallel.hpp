// Running independent tasks on a fixed set of worker threads.
#pragma once

#include <cstddef>
#include <functional>

namespace presslens::detail {

// Runs task(0) ... task(count - 1) on `threads` threads (0: one per core; never more threads than
// tasks), each thread taking the next unclaimed index. The threads live only for this call, so
// nothing outlives it (fork-safe). If tasks throw, the exception of the lowest index is rethrown
// after all threads have joined.
void parallel_for(std::size_t count, unsigned threads,
                  const std::function<void(std::size_t)>& task);

}  // namespace presslens::detail
