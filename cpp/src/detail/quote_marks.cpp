// Quotation marks: which character is one, whether it opens or closes, and how marks pair.
#include "detail/quote_marks.hpp"

#include <unicode/uchar.h>

#include <array>
#include <bit>
#include <cstring>

#include "detail/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace presslens::detail {
namespace {

// How deep quotes may nest, and how many paragraphs one quote may run on for.
constexpr std::size_t kMaxDepth = 4;
constexpr std::size_t kMaxParagraphs = 12;

}  // namespace

// Which quotation mark (if any) stands at `i`, and whether it opens or closes.
std::optional<Mark> mark_at(std::string_view text, Span paragraph, std::uint32_t i, bool german) {
  const detail::CodePoint c = detail::code_point_at(text, i);
  const UChar32 before = i > paragraph.begin ? detail::code_point_before(text, i).value : ' ';
  const UChar32 after =
      i + c.size < paragraph.end ? detail::code_point_at(text, i + c.size).value : ' ';
  const bool letter_before = u_isalnum(before);
  const bool letter_after = u_isalnum(after);
  const bool space_before = u_isUWhiteSpace(before) || before == '(' || before == '[' ||
                            before == 0x2014 || before == 0x2013 || i == paragraph.begin;
  const bool space_after =
      u_isUWhiteSpace(after) || u_ispunct(after) || i + c.size >= paragraph.end;
  const auto either = [&](Family family) -> Mark {
    const Role role = space_before && !space_after   ? Role::kOpen
                      : !space_before && space_after ? Role::kClose
                                                     : Role::kEither;
    return {i, c.size, family, role};
  };
  const auto guillemet = [&](Family family, Role fallback) -> Mark {
    Mark mark = either(family);
    if (mark.role == Role::kEither) mark.role = fallback;
    return mark;
  };
  // Two apostrophes (or two backticks) make a double quote in some newsrooms' plain text.
  if ((c.value == '\'' || c.value == '`') && i + 1 < paragraph.end && text[i + 1] == text[i]) {
    const UChar32 next = i + 2 < paragraph.end ? detail::code_point_at(text, i + 2).value : ' ';
    const bool opens = c.value == '`' || (space_before && !u_isUWhiteSpace(next));
    return Mark{i, 2, Family::kDouble, opens ? Role::kOpen : Role::kClose};
  }
  switch (c.value) {
    case '"':
      return either(Family::kDouble);
    case 0x201C:  // “
      return Mark{i, c.size, Family::kDouble, german ? Role::kClose : Role::kOpen};
    case 0x201D:  // ”
      return Mark{i, c.size, Family::kDouble, Role::kClose};
    case 0x201E:  // „
      return Mark{i, c.size, Family::kDouble, Role::kOpen};
    case 0x201A:  // ‚
      return Mark{i, c.size, Family::kSingle, Role::kOpen};
    case 0x2018:  // ‘
      return Mark{i, c.size, Family::kSingle, german ? Role::kClose : Role::kOpen};
    case '\'':
    case 0x2019: {  // ’ is an apostrophe inside words ("don't") and before digits ('90s)
      if (letter_before && letter_after) return std::nullopt;
      if (!letter_before && u_isdigit(after)) return std::nullopt;
      if (c.value == 0x2019) return Mark{i, c.size, Family::kSingle, Role::kClose};
      return either(Family::kSingle);
    }
    // German writes »…« and Swiss German «…»: there, a guillemet's side tells its role ("«Das
    // ist falsch», sagte er"), German's when the sides do not.
    case 0xAB:  // «
      return german ? guillemet(Family::kGuillemet, Role::kClose)
                    : Mark{i, c.size, Family::kGuillemet, Role::kOpen};
    case 0xBB:  // »
      return german ? guillemet(Family::kGuillemet, Role::kOpen)
                    : Mark{i, c.size, Family::kGuillemet, Role::kClose};
    case 0x2039:  // ‹
      return german ? guillemet(Family::kSingleGuillemet, Role::kClose)
                    : Mark{i, c.size, Family::kSingleGuillemet, Role::kOpen};
    case 0x203A:  // ›
      return german ? guillemet(Family::kSingleGuillemet, Role::kOpen)
                    : Mark{i, c.size, Family::kSingleGuillemet, Role::kClose};
    case 0x300C:
      return Mark{i, c.size, Family::kCorner, Role::kOpen};
    case 0x300D:
      return Mark{i, c.size, Family::kCorner, Role::kClose};
    case 0x300E:
      return Mark{i, c.size, Family::kWhiteCorner, Role::kOpen};
    case 0x300F:
      return Mark{i, c.size, Family::kWhiteCorner, Role::kClose};
    case 0x300A:  // 《
    case 0x3008:  // 〈
      return Mark{i, c.size, Family::kTitleBracket, Role::kOpen};
    case 0x300B:  // 》
    case 0x3009:  // 〉
      return Mark{i, c.size, Family::kTitleBracket, Role::kClose};
    default:
      return std::nullopt;
  }
}

// The bytes a quotation mark may start with: ", ', ` and the lead bytes of multi-byte characters
// from U+0080 on (guillemets, curly and CJK marks): the byte-by-byte test after the wide scan.
constexpr auto kMayStartMark = [] {
  std::array<bool, 256> may{};
  may['"'] = may['\''] = may['`'] = true;
  for (int byte = 0xC2; byte < 256; ++byte) may[byte] = true;
  return may;
}();

// The first byte in [from, to) that may start a mark: one of " ' ` or a byte of a multi-byte
// character (high bit set; continuation bytes are passed over by the caller). Plain ASCII prose
// is skipped sixteen bytes at a time with SSE2 (every x86-64), else eight at a time.
std::uint32_t next_mark_candidate(std::string_view text, std::uint32_t from, std::uint32_t to) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i apostrophe = _mm_set1_epi8('\'');
  const __m128i backtick = _mm_set1_epi8('`');
  for (; from + 16 <= to; from += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, apostrophe)),
                     _mm_cmpeq_epi8(bytes, backtick));
    // movemask takes each byte's high bit: a multi-byte character's bytes, and the hits.
    if (const int mask = _mm_movemask_epi8(_mm_or_si128(hits, bytes)); mask != 0) {
      return from + static_cast<std::uint32_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
  }
#else
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  // Sets a byte's high bit where the byte is zero (and maybe above one: a false alarm only).
  const auto zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  for (; from + 8 <= to; from += 8) {
    std::uint64_t bytes;
    std::memcpy(&bytes, text.data() + from, sizeof bytes);
    if (((bytes & kHighs) | zero(bytes ^ (kOnes * '"')) | zero(bytes ^ (kOnes * '\'')) |
         zero(bytes ^ (kOnes * '`'))) != 0) {
      break;
    }
  }
#endif
  while (from < to && !kMayStartMark[static_cast<unsigned char>(text[from])]) ++from;
  return from;
}

void MarkPairer::paragraph(Span span, std::vector<Pair>& pairs,
                           std::vector<std::uint32_t>& unpaired) {
  std::optional<Mark> reopening;
  if (carried_ && span.begin < span.end) {
    const auto first = mark_at(text_, span, span.begin, german_);
    if (first && first->family == carried_->family && first->role != Role::kClose &&
        ++carried_paragraphs_ <= kMaxParagraphs) {
      reopening = first;
    } else {
      unpaired.push_back(carried_->at);
      carried_.reset();
    }
  }
  std::vector<Mark> stack;
  if (carried_) stack.push_back(*carried_);
  for (std::uint32_t i = reopening ? reopening->at + reopening->size : span.begin;
       (i = next_mark_candidate(text_, i, span.end)) < span.end;) {
    const auto mark = mark_at(text_, span, i, german_);
    const std::uint32_t size = mark ? mark->size : detail::code_point_at(text_, i).size;
    if (mark) take(*mark, stack, pairs, unpaired);
    i += size;
  }
  carried_.reset();
  // The outermost quote still open may go on in the next paragraph; the rest are unpaired.
  for (std::size_t k = 0; k < stack.size(); ++k) {
    if (k == 0) {
      carried_ = stack[0];
      if (!reopening) carried_paragraphs_ = 0;
    } else {
      unpaired.push_back(stack[k].at);
    }
  }
}

void MarkPairer::finish(std::vector<std::uint32_t>& unpaired) {
  if (carried_) unpaired.push_back(carried_->at);
  carried_.reset();
}

void MarkPairer::take(const Mark& mark, std::vector<Mark>& stack, std::vector<Pair>& pairs,
                      std::vector<std::uint32_t>& unpaired) {
  const auto open_index = [&]() -> std::optional<std::size_t> {
    for (std::size_t k = stack.size(); k > 0; --k) {
      if (stack[k - 1].family == mark.family) return k - 1;
    }
    return std::nullopt;
  };
  if (mark.role != Role::kOpen) {
    if (const auto k = open_index(); k && (mark.role == Role::kClose || *k + 1 == stack.size())) {
      for (std::size_t j = *k + 1; j < stack.size(); ++j) unpaired.push_back(stack[j].at);
      pairs.push_back({stack[*k], mark});
      stack.resize(*k);
      return;
    }
    if (mark.role == Role::kClose) {
      // A lone closing single mark is an apostrophe ("students' votes"), not a quote.
      if (mark.family != Family::kSingle) unpaired.push_back(mark.at);
      return;
    }
  }
  if (stack.size() >= kMaxDepth) {
    unpaired.push_back(stack.front().at);
    stack.erase(stack.begin());
  }
  stack.push_back(mark);
}

}  // namespace presslens::detail
