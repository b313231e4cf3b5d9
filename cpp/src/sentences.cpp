#include "presslens/sentences.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "detail/sentence_chars.hpp"
#include "detail/sentence_lexicon.hpp"
#include "detail/sentence_openers.hpp"

namespace presslens {
namespace {

using detail::SentenceChar;
using detail::SentenceLexicon;

// How far rules look back from a candidate: abbreviations and words are short, and a bounded
// look-back keeps the scan linear whatever the input.
constexpr std::uint32_t kMaxTokenBytes = 48;
constexpr std::uint32_t kMaxLookBackBytes = 256;

// ASCII bytes that can start a candidate; every byte >= 0x80 is decoded and classified.
constexpr std::array<bool, 128> kAsciiCandidates = [] {
  std::array<bool, 128> table{};
  for (char c : {'.', '!', '?', '(', ')', ':', ';'}) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// A run of terminators: "." "?!" "..." "…" "。" "！？".
struct Cluster {
  std::uint32_t begin;
  std::uint32_t end;
  bool single_period = false;  // exactly one '.', where abbreviations matter
  bool wide = false;           // a CJK or full-width terminator
};

// An enumeration marker ("1.", "2)", "a.", "3.)"), possibly after a bullet.
struct ListMarker {
  std::uint32_t start;  // where its item starts (the bullet, if any)
  std::uint32_t after;  // just past the marker
  int value;
  bool letter;
  std::optional<std::uint32_t> cut_if_not_a_list;  // a marker period may end a sentence after all
};

// Scans one paragraph and collects the positions where sentences end.
class ParagraphScanner {
 public:
  ParagraphScanner(std::string_view text, Span paragraph, const SentenceLexicon& lexicon)
      : text_(text), begin_(paragraph.begin), end_(paragraph.end), lexicon_(lexicon) {}

  // Sentence spans of the paragraph, trimmed, in order.
  void split(std::uint32_t paragraph_index, std::vector<Sentence>& sentences) {
    scan();
    std::sort(cuts_.begin(), cuts_.end());
    std::uint32_t start = begin_;
    cuts_.push_back(end_);
    for (const std::uint32_t cut : cuts_) {
      if (cut <= start) continue;
      const Span sentence = detail::trim_space(text_, {start, cut});
      if (!sentence.empty()) sentences.push_back({sentence, paragraph_index});
      start = cut;
    }
  }

 private:
  void scan() {
    for (std::uint32_t i = begin_; i < end_;) {
      const auto byte = static_cast<unsigned char>(text_[i]);
      if (byte < 0x80) {
        if (!kAsciiCandidates[byte]) {
          ++i;
        } else if (byte == '(' || byte == ')') {
          i = on_parenthesis(i);
        } else if (byte == ':' || byte == ';') {
          i = on_emoticon(i);
        } else {
          i = on_terminator(i);
        }
        continue;
      }
      const SentenceChar c = detail::sentence_char_at(text_, i);
      if (detail::is_terminator(c)) {
        i = on_terminator(i);
      } else {
        if (detail::is_bullet(c.value)) on_bullet(i);
        if (c.value == 0x300A || c.value == 0x3008) title_open_ = i;  // 《 〈
        if (c.value == 0x300B || c.value == 0x3009) title_open_.reset();
        i += c.size;
      }
    }
    settle_list_markers();
  }

  void cut(std::uint32_t position) {
    cuts_.push_back(position);
    sentence_start_ = position;
  }

  // --- terminators ---------------------------------------------------------------------------

  std::uint32_t on_terminator(std::uint32_t i) {
    if (text_[i] == '.') {
      if (auto marker = list_marker_ending_at(i)) {
        // A marker that opens its paragraph labels it ("1. 年满18周岁"); elsewhere it may still
        // be a number that ends a sentence, settled once the paragraph's markers are known.
        if (marker->start > begin_) marker->cut_if_not_a_list = decide(read_cluster(i));
        markers_.push_back(*marker);
        return marker->after;
      }
      if (text_.substr(i, 3) == ". .") {
        if (auto after = on_spaced_ellipsis(i)) return *after;
      }
    }
    const Cluster cluster = read_cluster(i);
    if (inside_title(cluster)) return cluster.end;
    if (const auto position = decide(cluster)) cut(*position);
    return cluster.end;
  }

  // A title in CJK title marks keeps its terminators: "《别怕，明天会更好！》上市首周…". Both marks
  // must be near: a stray 《 does not silence the rest of the paragraph.
  bool inside_title(const Cluster& cluster) const {
    if (!title_open_ || cluster.begin - *title_open_ > kMaxLookBackBytes) return false;
    const std::uint32_t limit = std::min(end_, cluster.end + kMaxLookBackBytes);
    for (std::uint32_t i = cluster.end; i < limit;) {
      const SentenceChar c = detail::sentence_char_at(text_, i);
      if (c.value == 0x300B || c.value == 0x3009) return true;
      if (c.value == 0x300A || c.value == 0x3008) return false;
      i += c.size;
    }
    return false;
  }

  Cluster read_cluster(std::uint32_t i) const {
    Cluster cluster{i, i};
    int periods = 0;
    int terminators = 0;
    while (cluster.end < end_) {
      const SentenceChar c = detail::sentence_char_at(text_, cluster.end);
      if (!detail::is_terminator(c)) break;
      periods += c.value == '.';
      ++terminators;
      cluster.wide |= detail::is_wide_terminator(c);
      cluster.end += c.size;
    }
    cluster.single_period = periods == 1 && terminators == 1;
    return cluster;
  }

  // Where the sentence ends if this cluster ends it, or nothing when it does not.
  std::optional<std::uint32_t> decide(const Cluster& cluster) {
    if (is_bracketed_omission(cluster)) return std::nullopt;
    bool closed_quote = false;
    const std::uint32_t after = skip_trailing_marks(skip_closers(cluster.end, closed_quote));
    const std::uint32_t next = skip_spaces(after);
    if (next >= end_) return std::nullopt;  // the paragraph ends here anyway
    if (next == after) {
      // No space: only CJK writing ends sentences without one.
      const bool cjk_before = cluster.begin > begin_ &&
                              detail::is_cjk(detail::sentence_char_before(text_, cluster.begin));
      const SentenceChar following = detail::sentence_char_at(text_, next);
      const bool cjk_after = detail::is_cjk(following) || detail::is_opener(following);
      if (!cluster.wide && !(cjk_before && cjk_after)) return std::nullopt;
      if (closed_quote && lexicon_.continues_quote(text_.substr(next, end_ - next))) {
        return std::nullopt;
      }
      return after;
    }
    return ends_before(cluster, next) ? std::optional(after) : std::nullopt;
  }

  // Whether the cluster ends its sentence, given the first character after the white space.
  bool ends_before(const Cluster& cluster, std::uint32_t next) const {
    const SentenceChar c = detail::sentence_char_at(text_, next);
    if (c.kind == U_SB_SCONTINUE) return false;
    // Lower case continues the sentence, except a name written so ("iPhone", "eBay").
    if (c.kind == U_SB_LOWER && !detail::may_open_sentence(word_at(next))) return false;
    if (!cluster.single_period) return true;

    using Spaced = detail::SentenceLexicon::SpacedPeriod;
    switch (lexicon_.spaced_abbreviation(text_, cluster.begin)) {
      case Spaced::kInner:
        return false;  // "z. B.": the first period
      case Spaced::kLast:
        return starts_sentence(next) && has_words_before(token_start_before(cluster.begin), 3);
      case Spaced::kNone:
        break;
    }
    std::uint32_t token_start = token_start_before(cluster.begin);
    if (token_start == cluster.begin) return true;  // a lone period
    // "l'art. 49": the abbreviation is what follows an elided article.
    for (std::uint32_t i = token_start; i < cluster.begin; ++i) {
      if (text_[i] == '\'' && i + 1 < cluster.begin) token_start = i + 1;
      if (text_.substr(i, 3) == "\xE2\x80\x99" && i + 3 < cluster.begin) token_start = i + 3;
    }
    const std::string_view token = text_.substr(token_start, cluster.end - token_start);
    if (lexicon_.is_title(token)) return false;
    if (c.kind == U_SB_NUMERIC && lexicon_.is_number_prefix(token)) return false;
    // "you and I. The" ends; "follows J. R. Hallorann" does not.
    if (is_initial(token)) return previous_word_is_lower_case(token_start) && !initial_at(next);
    if (lexicon_.is_abbreviation(token) || is_acronym(token)) {
      return (starts_sentence(next) || lexicon_.opens_sentence(text_.substr(0, end_), next)) &&
             has_words_before(token_start, 3);
    }
    if (lexicon_.ordinal_numbers() && std::all_of(token.begin(), token.end() - 1, is_ascii_digit)) {
      return starts_sentence(next);
    }
    return true;
  }

  // "[...]": an omission mark, never an end.
  bool is_bracketed_omission(const Cluster& cluster) const {
    return cluster.begin > begin_ && text_[cluster.begin - 1] == '[' && cluster.end < end_ &&
           text_[cluster.end] == ']';
  }

  // Spaced ellipses: ". . ." never ends a sentence; ". . . ." ends one before a capital, and when
  // it follows a word directly ("units. . . . The") its first period ends the sentence and the
  // rest opens the next. Returns where scanning continues, or nothing for a plain ". .".
  std::optional<std::uint32_t> on_spaced_ellipsis(std::uint32_t i) {
    std::uint32_t last = i;
    int dots = 1;
    while (last + 2 < end_ && text_[last + 1] == ' ' && text_[last + 2] == '.') {
      last += 2;
      ++dots;
    }
    if (dots < 3) return std::nullopt;
    bool closed_quote = false;
    const std::uint32_t after = skip_closers(last + 1, closed_quote);
    const std::uint32_t next = skip_spaces(after);
    const bool capital_follows =
        next > after && next < end_ && detail::sentence_char_at(text_, next).kind == U_SB_UPPER;
    if (dots >= 4 && capital_follows) {
      const bool attached = i > begin_ && !detail::is_space(detail::sentence_char_before(text_, i));
      cut(attached ? i + 1 : after);
    }
    return after;
  }

  // Closing quotes and brackets (and further terminators) that belong to the ending sentence.
  std::uint32_t skip_closers(std::uint32_t i, bool& closed_quote) const {
    while (i < end_) {
      const SentenceChar c = detail::sentence_char_at(text_, i);
      if (detail::is_terminator(c)) {
        i += c.size;
        continue;
      }
      if (c.kind == U_SB_CLOSE && closes_here(c, i)) {
        closed_quote = true;
        i += c.size;
        continue;
      }
      // French and German: « C'est fini. » with a space before the closing guillemet.
      if (detail::is_space(c)) {
        const std::uint32_t next = skip_spaces(i);
        if (next < end_) {
          const SentenceChar g = detail::sentence_char_at(text_, next);
          if ((g.value == 0xBB || g.value == 0x203A) && mark_stands_alone(next + g.size)) {
            closed_quote = true;
            i = next + g.size;
            continue;
          }
        }
      }
      break;
    }
    return i;
  }

  // Whether a quote or bracket right after a terminator closes the sentence. Closing brackets and
  // final quotes (” ’ ») always do, opening brackets never; quotes that serve both ways (straight
  // quotes, and “ « which German uses as closers) only when nothing but space, closers or the end
  // follows them (so "Jr.'s" and Chinese "！“我们" keep them out).
  bool closes_here(const SentenceChar& c, std::uint32_t i) const {
    const auto type = u_charType(c.value);
    if (type == U_START_PUNCTUATION) return false;
    if (type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION) return true;
    return mark_stands_alone(i + c.size);
  }

  // A straight quote closes when nothing but space, closers or the end follows it ("Jr.'s").
  bool mark_stands_alone(std::uint32_t i) const {
    if (i >= end_) return true;
    const SentenceChar c = detail::sentence_char_at(text_, i);
    return detail::is_space(c) || c.kind == U_SB_CLOSE || detail::is_terminator(c);
  }

  // Emoticons and emoji right after a sentence's end belong to it: "We won! 🎉".
  std::uint32_t skip_trailing_marks(std::uint32_t i) const {
    while (i < end_) {
      const std::uint32_t start = skip_spaces(i);
      const std::uint32_t after = std::max(emoji_end(start), emoticon_end(start));
      if (after == start) break;
      i = after;
    }
    return i;
  }

  std::uint32_t emoji_end(std::uint32_t i) const {
    while (i < end_) {
      const detail::CodePoint c = detail::code_point_at(text_, i);
      if (!detail::is_emoji_part(c.value)) break;
      i += c.size;
    }
    return i;
  }

  std::uint32_t emoticon_end(std::uint32_t i) const {
    static constexpr std::string_view kEmoticons[] = {":-)", ":-(", ";-)", ":-D", ":-P", ":')",
                                                      ":'(", ":)",  ":(",  ";)",  ":D",  ":P",
                                                      "<3",  "xD",  "XD",  "=)"};
    for (const std::string_view emoticon : kEmoticons) {
      if (text_.substr(i, emoticon.size()) == emoticon && mark_stands_alone(i + emoticon.size())) {
        return i + static_cast<std::uint32_t>(emoticon.size());
      }
    }
    return i;
  }

  std::uint32_t skip_spaces(std::uint32_t i) const {
    while (i < end_) {
      const SentenceChar c = detail::sentence_char_at(text_, i);
      if (!detail::is_space(c)) break;
      i += c.size;
    }
    return i;
  }

  // --- words around a candidate -----------------------------------------------------------------

  // Start of the token that ends at `end` (its period excluded): back to white space or an
  // opening mark, at most kMaxTokenBytes.
  std::uint32_t token_start_before(std::uint32_t end) const {
    const std::uint32_t limit =
        std::max(sentence_start_, end > kMaxTokenBytes ? end - kMaxTokenBytes : 0);
    std::uint32_t i = end;
    while (i > limit) {
      const SentenceChar c = detail::sentence_char_before(text_, i);
      // CJK text runs into Latin tokens without a space: "によるU.S." is the token "U.S.".
      if (detail::is_space(c) || detail::is_cjk(c) || (detail::is_opener(c) && c.value != '\'')) {
        break;
      }
      i -= c.size;
    }
    return i;
  }

  // Whether an initial ("R.") starts at `i`.
  bool initial_at(std::uint32_t i) const {
    const detail::CodePoint c = detail::code_point_at(text_, i);
    return i + c.size < end_ && text_[i + c.size] == '.' && is_initial(text_.substr(i, c.size + 1));
  }

  // "E." or "É.": one upper-case letter and its period.
  static bool is_initial(std::string_view token) {
    const detail::CodePoint c = detail::code_point_at(token, 0);
    return c.size + 1 == token.size() && u_isupper(c.value);
  }

  // "U.S.", "E.U.", "Ph.D.": letters in runs of one or two, each followed by a period.
  static bool is_acronym(std::string_view token) {
    int periods = 0;
    int run = 0;
    for (std::uint32_t i = 0; i < token.size();) {
      const detail::CodePoint c = detail::code_point_at(token, i);
      if (c.value == '.') {
        if (run == 0) return false;
        ++periods;
        run = 0;
      } else if (u_isalpha(c.value) && ++run <= 2) {
      } else {
        return false;
      }
      i += c.size;
    }
    return periods >= 2;
  }

  // Whether the word before `token_start` starts with a lower-case letter ("you and I.").
  bool previous_word_is_lower_case(std::uint32_t token_start) const {
    std::uint32_t i = token_start;
    const std::uint32_t limit =
        std::max(sentence_start_, i > kMaxTokenBytes ? i - kMaxTokenBytes : 0);
    while (i > limit && detail::is_space(detail::sentence_char_before(text_, i))) {
      i -= detail::sentence_char_before(text_, i).size;
    }
    if (i == token_start || i <= limit) return false;
    const std::uint32_t word_start = token_start_before(i);
    return u_islower(detail::code_point_at(text_, word_start).value);
  }

  // Whether at least `count` words stand between the sentence's start and `position`.
  bool has_words_before(std::uint32_t position, int count) const {
    const std::uint32_t limit = position > kMaxLookBackBytes ? position - kMaxLookBackBytes : 0;
    if (sentence_start_ < limit) return true;  // a long stretch: many words
    int words = 0;
    bool in_word = false;
    for (std::uint32_t i = position; i > sentence_start_;) {
      const SentenceChar c = detail::sentence_char_before(text_, i);
      const bool space = detail::is_space(c);
      if (!space && !in_word && ++words >= count) return true;
      in_word = !space;
      i -= c.size;
    }
    return false;
  }

  // Whether the text at `i` reads as a sentence's first word: an opening mark, a sentence starter
  // from the pack, or a title abbreviation ("... 6 P.M. Mr. Smith").
  bool starts_sentence(std::uint32_t i) const {
    const SentenceChar first = detail::sentence_char_at(text_, i);
    if (detail::is_opener(first)) return true;
    std::uint32_t end = i;
    while (end < end_ && end - i < kMaxTokenBytes) {
      const SentenceChar c = detail::sentence_char_at(text_, end);
      if (!(u_isalnum(c.value) || c.kind == U_SB_EXTEND || c.value == '\'' || c.value == 0x2019)) {
        break;
      }
      end += c.size;
    }
    const std::string_view word = text_.substr(i, end - i);
    if (lexicon_.is_starter(word)) return true;
    return end < end_ && text_[end] == '.' && lexicon_.is_title(text_.substr(i, end + 1 - i));
  }

  // The word at `i`, up to white space or the paragraph's end.
  std::string_view word_at(std::uint32_t i) const {
    return detail::opener_candidate(text_.substr(0, end_), i).word;
  }

  // --- lists, bullets and emoticons -------------------------------------------------------------

  // "1." "12." "a." (with "1.)") at `period`, standing after white space, a bullet or the
  // paragraph's start, and followed by white space.
  std::optional<ListMarker> list_marker_ending_at(std::uint32_t mark) const {
    std::uint32_t start = mark;
    while (start > begin_ && mark - start < 3 && is_ascii_digit(text_[start - 1])) --start;
    ListMarker marker{start, mark + 1, 0, false, std::nullopt};
    if (start < mark && mark - start <= 2) {
      for (std::uint32_t i = start; i < mark; ++i)
        marker.value = marker.value * 10 + (text_[i] - '0');
    } else if (start == mark && mark > begin_ && is_ascii_lower(text_[mark - 1])) {
      start = mark - 1;
      marker = {start, mark + 1, text_[start] - 'a' + 1, true, std::nullopt};
    } else {
      return std::nullopt;
    }
    if (text_[mark] == '.' && mark + 1 < end_ && text_[mark + 1] == ')') marker.after = mark + 2;
    if (marker.after >= end_ || !detail::is_space(detail::sentence_char_at(text_, marker.after))) {
      return std::nullopt;
    }
    if (start > begin_) {
      const SentenceChar before = detail::sentence_char_before(text_, start);
      if (detail::is_bullet(before.value)) {
        marker.start = start - before.size;
      } else if (!detail::is_space(before)) {
        return std::nullopt;
      } else if (const std::uint32_t bullet = bullet_before(start); bullet < start) {
        marker.start = bullet;
      }
    }
    return marker;
  }

  // The position of a bullet separated from `i` by spaces only, or `i`.
  std::uint32_t bullet_before(std::uint32_t i) const {
    std::uint32_t j = i;
    while (j > begin_ && text_[j - 1] == ' ') --j;
    if (j == begin_ || j == i) return i;
    const SentenceChar c = detail::sentence_char_before(text_, j);
    return detail::is_bullet(c.value) ? j - c.size : i;
  }

  std::uint32_t on_parenthesis(std::uint32_t i) {
    if (text_[i] == ')') {
      if (auto marker = list_marker_ending_at(i)) {
        markers_.push_back(*marker);
        return marker->after;
      }
    }
    // An emoticon ends a sentence before a capital: "Love it :) See you".
    const std::uint32_t face = emoticon_start_before(i);
    if (face < i) {
      const std::uint32_t next = skip_spaces(i + 1);
      if (next > i + 1 && next < end_ && detail::sentence_char_at(text_, next).kind == U_SB_UPPER) {
        cut(i + 1);
      }
    }
    return i + 1;
  }

  // ":D", ":P", ";-)" standing alone end a sentence before a capital, like ":)" does.
  std::uint32_t on_emoticon(std::uint32_t i) {
    const std::uint32_t end = emoticon_end(i);
    if (end == i) return i + 1;
    const bool alone = i == begin_ || detail::is_space(detail::sentence_char_before(text_, i));
    const std::uint32_t next = skip_spaces(end);
    if (alone && next > end && next < end_ &&
        detail::sentence_char_at(text_, next).kind == U_SB_UPPER) {
      cut(end);
    }
    return end;
  }

  // The start of ":" ":-" ";" ";-" "=" before a parenthesis, when white space precedes it.
  std::uint32_t emoticon_start_before(std::uint32_t i) const {
    std::uint32_t start = i;
    if (start > begin_ && text_[start - 1] == '-') --start;
    if (start == begin_ ||
        (text_[start - 1] != ':' && text_[start - 1] != ';' && text_[start - 1] != '=')) {
      return i;
    }
    --start;
    if (start > begin_ && !detail::is_space(detail::sentence_char_before(text_, start))) return i;
    return start;
  }

  // A bullet inside a paragraph starts a new item, unless it joins two words ("A•B").
  void on_bullet(std::uint32_t i) {
    if (i > begin_ && !u_isalnum(detail::sentence_char_before(text_, i).value)) cut(i);
  }

  // Markers form a list when consecutive ones count up (1, 2 / a, b / 9, 10): each item is then a
  // sentence. A lone marker was just a number with a period.
  void settle_list_markers() {
    std::vector<bool> in_list(markers_.size(), false);
    for (std::size_t k = 0; k + 1 < markers_.size(); ++k) {
      if (markers_[k].letter == markers_[k + 1].letter &&
          markers_[k].value + 1 == markers_[k + 1].value) {
        in_list[k] = in_list[k + 1] = true;
      }
    }
    for (std::size_t k = 0; k < markers_.size(); ++k) {
      if (in_list[k]) {
        cuts_.push_back(markers_[k].start);
      } else if (markers_[k].cut_if_not_a_list) {
        cuts_.push_back(*markers_[k].cut_if_not_a_list);
      }
    }
  }

  std::string_view text_;
  std::uint32_t begin_;
  std::uint32_t end_;
  const SentenceLexicon& lexicon_;
  std::uint32_t sentence_start_ = begin_;
  std::optional<std::uint32_t> title_open_;  // an unclosed 《 or 〈
  std::vector<std::uint32_t> cuts_;
  std::vector<ListMarker> markers_;
};

}  // namespace

SentenceSplitter::SentenceSplitter(const LanguagePack& language)
    : lexicon_(std::make_shared<const SentenceLexicon>(language)) {}

std::vector<Sentence> SentenceSplitter::split(std::string_view text,
                                              std::span<const Paragraph> paragraphs,
                                              std::span<const std::uint32_t> which) const {
  std::vector<Sentence> sentences;
  for (const std::uint32_t index : which) {
    ParagraphScanner(text, paragraphs[index].span, *lexicon_).split(index, sentences);
  }
  return sentences;
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text,
                                              std::span<const Paragraph> paragraphs) const {
  std::vector<std::uint32_t> all(paragraphs.size());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return split(text, paragraphs, all);
}

}  // namespace presslens
