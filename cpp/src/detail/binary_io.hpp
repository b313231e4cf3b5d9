// Little-endian reading and writing of the model files that language packs carry (see
// docs/model-format.md). Readers check every length against the bytes left, so a truncated or
// corrupt file gives a LanguagePackError, never a read past its end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "presslens/error.hpp"

namespace presslens::detail {

class ByteWriter {
 public:
  template <typename T>
  void put(T value) {
    static_assert(std::is_arithmetic_v<T>);
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));  // little-endian hosts only (checked at load)
    out_.append(bytes, sizeof(T));
  }
  void put_string(std::string_view text) {
    put<std::uint32_t>(static_cast<std::uint32_t>(text.size()));
    out_.append(text);
  }
  template <typename T>
  void put_array(const std::vector<T>& values) {
    static_assert(std::is_arithmetic_v<T>);
    put<std::uint64_t>(values.size());
    out_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void put_strings(const std::vector<std::string>& texts) {
    put<std::uint32_t>(static_cast<std::uint32_t>(texts.size()));
    for (const auto& text : texts) put_string(text);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  ByteReader(std::string_view bytes, std::string_view source) : bytes_(bytes), source_(source) {}

  template <typename T>
  T get() {
    static_assert(std::is_arithmetic_v<T>);
    T value;
    std::memcpy(&value, take(sizeof(T)).data(), sizeof(T));
    return value;
  }
  std::string get_string() { return std::string(take(get<std::uint32_t>())); }
  template <typename T>
  std::vector<T> get_array() {
    const auto count = get<std::uint64_t>();
    if (count > bytes_.size() / sizeof(T)) fail("an array longer than the file");
    std::vector<T> values(count);
    if (count) std::memcpy(values.data(), take(count * sizeof(T)).data(), count * sizeof(T));
    return values;
  }
  std::vector<std::string> get_strings() {
    const auto count = get<std::uint32_t>();
    if (count > bytes_.size() / 4) fail("a list longer than the file");
    std::vector<std::string> texts(count);
    for (auto& text : texts) text = get_string();
    return texts;
  }
  bool at_end() const noexcept { return bytes_.empty(); }

  [[noreturn]] void fail(std::string_view what) const {
    throw LanguagePackError("model '" + std::string(source_) +
                            "' is corrupt: " + std::string(what));
  }

 private:
  std::string_view take(std::size_t size) {
    if (size > bytes_.size()) fail("it ends too early");
    const std::string_view taken = bytes_.substr(0, size);
    bytes_.remove_prefix(size);
    return taken;
  }

  std::string_view bytes_;
  std::string_view source_;
};

}  // namespace presslens::detail
