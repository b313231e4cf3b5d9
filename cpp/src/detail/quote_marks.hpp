// Quotation marks: which character is one, whether it opens or closes, and how marks pair.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "presslens/text.hpp"

namespace presslens::detail {

// Quotation marks come in families; a closing mark only closes an opening mark of its family.
enum class Family : std::uint8_t {
  kDouble,
  kSingle,
  kGuillemet,
  kSingleGuillemet,
  kCorner,
  kWhiteCorner,
  kTitleBracket,  // 《 》 and 〈 〉: Chinese marks for titles of works
};
enum class Role : std::uint8_t { kOpen, kClose, kEither };

struct Mark {
  std::uint32_t at;
  std::uint32_t size;
  Family family;
  Role role;
};

// Which quotation mark (if any) stands at `i`, and whether it opens or closes.
std::optional<Mark> mark_at(std::string_view text, Span paragraph, std::uint32_t i, bool german);

// A pair of marks: the opening one and the closing one.
struct Pair {
  Mark open;
  Mark close;
};

// Pairs marks paragraph by paragraph with a small stack. A quote left open at a paragraph's end
// continues only when the next paragraph opens with a mark of its family (the multi-paragraph
// convention); otherwise its mark is reported unpaired.
class MarkPairer {
 public:
  MarkPairer(std::string_view text, bool german) : text_(text), german_(german) {}

  void paragraph(Span span, std::vector<Pair>& pairs, std::vector<std::uint32_t>& unpaired);

  void finish(std::vector<std::uint32_t>& unpaired);

 private:
  void take(const Mark& mark, std::vector<Mark>& stack, std::vector<Pair>& pairs,
            std::vector<std::uint32_t>& unpaired);

  std::string_view text_;
  bool german_;
  std::optional<Mark> carried_;
  std::size_t carried_paragraphs_ = 0;
};

}  // namespace presslens::detail
