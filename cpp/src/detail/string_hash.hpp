// Hash sets and maps of strings that can be probed with string_views without allocating.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace presslens::detail {

// Not noexcept on purpose: libstdc++ stores each key's hash in its node only for hash functions
// that may throw (or that it does not deem fast). Without the stored hash, every probe of a bucket
// rehashed the strings it walked past.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace presslens::detail
