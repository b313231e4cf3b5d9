#include "detail/word_features.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "detail/flat_index.hpp"
#include "detail/linear_model.hpp"

namespace presslens::detail {
namespace {

// One shape character per code point: runs longer than two collapse, so "Washington" and "Paris"
// share "Xxx" and "2024" and "17" differ ("dd" against "dd" + run marker).
char shape_of(UChar32 c) {
  if (u_isupper(c) || u_istitle(c)) return 'X';
  if (u_isalpha(c)) return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ? 'i' : 'x';
  if (u_isdigit(c)) return 'd';
  if (c < 0x80) return static_cast<char>(c);
  return u_ispunct(c) ? 'p' : 'o';
}

}  // namespace

std::uint64_t hash_text(std::string_view text) { return mix64(fnv1a(text)); }

void fold_case(std::string_view form, std::string& folded) {
  folded.clear();
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(form.data());
  const auto size = static_cast<std::int32_t>(form.size());
  for (std::int32_t i = 0; i < size;) {
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) c = 0xFFFD;
    const UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buffer[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, f);
    folded.append(buffer, static_cast<std::size_t>(length));
  }
}

void clitic_key(std::string_view form, std::string& folded, std::string& key) {
  fold_case(form, folded);
  key.clear();
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\u2019") == 0) {
      key += '\'';
      i += 2;
    } else {
      key += folded[i];
    }
  }
}

WordFeatures word_features(std::string_view form, std::string& folded) {
  WordFeatures features;
  fold_case(form, folded);
  features.form = hash_text(form);
  features.lower = hash_text(folded);
  std::string shape;
  shape.reserve(16);
  std::array<std::size_t, WordFeatures::kAffixes + 1> starts{};  // byte offsets of code points
  std::size_t code_points = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(folded.data());
  const auto size = static_cast<std::int32_t>(folded.size());
  for (std::int32_t i = 0; i < size;) {
    if (code_points <= WordFeatures::kAffixes) starts[code_points] = static_cast<std::size_t>(i);
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    ++code_points;
  }
  // The shape reads the original form's case.
  const auto* original = reinterpret_cast<const std::uint8_t*>(form.data());
  const auto original_size = static_cast<std::int32_t>(form.size());
  char last = 0;
  int run = 0;
  for (std::int32_t i = 0; i < original_size;) {
    UChar32 c;
    U8_NEXT(original, i, original_size, c);
    const char s = shape_of(c < 0 ? 0xFFFD : c);
    if (last == 0) features.capitalised = s == 'X';
    features.has_digit |= s == 'd';
    features.has_hyphen |= c == '-';
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2) shape.push_back(s);
    if (shape.size() >= 12) break;
  }
  features.shape = hash_text(shape);
  features.length = static_cast<std::uint8_t>(std::min<std::size_t>(code_points, 15));
  const std::string_view lower = folded;
  for (std::size_t k = 0; k < WordFeatures::kAffixes; ++k) {
    // A word shorter than the affix gives the whole word, marked by the affix length.
    const std::size_t end = k + 1 < code_points ? starts[k + 1] : lower.size();
    features.prefix[k] = mix64(hash_text(lower.substr(0, end)) + k);
  }
  // Suffixes: walk back k + 1 code points from the end.
  std::size_t at = lower.size();
  for (std::size_t k = 0; k < WordFeatures::kAffixes; ++k) {
    if (at > 0) {
      --at;
      while (at > 0 && (static_cast<unsigned char>(lower[at]) & 0xC0) == 0x80) --at;
    }
    features.suffix[k] = mix64(hash_text(lower.substr(at)) + 31 * (k + 1));
  }
  return features;
}

}  // namespace presslens::detail
