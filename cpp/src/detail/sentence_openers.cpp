#include "detail/sentence_openers.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "detail/sentence_chars.hpp"
#include "detail/syntax_model.hpp"
#include "detail/word_features.hpp"

namespace presslens::detail {
namespace {

// Words are read up to this many bytes: enough for any word, and a bounded cost on text without
// spaces.
constexpr std::size_t kMaxWordBytes = 64;

bool is_space_at(std::string_view text, std::size_t i) {
  return is_space(sentence_char_at(text, static_cast<std::uint32_t>(i)));
}

std::size_t word_end(std::string_view text, std::size_t i) {
  const std::size_t limit = std::min(text.size(), i + kMaxWordBytes);
  while (i < limit && !is_space_at(text, i)) {
    i += sentence_char_at(text, static_cast<std::uint32_t>(i)).size;
  }
  return i;
}

std::size_t skip_space(std::string_view text, std::size_t i) {
  const std::size_t limit = std::min(text.size(), i + kMaxWordBytes);
  while (i < limit && is_space_at(text, i)) {
    i += sentence_char_at(text, static_cast<std::uint32_t>(i)).size;
  }
  return i;
}

// text[begin, end) without opening marks in front and punctuation behind ("(Results," -> Results).
std::string_view strip_marks(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end) {
    const SentenceChar c = sentence_char_at(text, static_cast<std::uint32_t>(begin));
    if (!is_opener(c)) break;
    begin += c.size;
  }
  while (end > begin) {
    const SentenceChar c = sentence_char_before(text, static_cast<std::uint32_t>(end));
    if (!u_ispunct(c.value)) break;
    end -= c.size;
  }
  return text.substr(begin, end - begin);
}

// The tags the model knows `form` with: from the tag dictionary or the known words.
bool known_as(const SyntaxModel& model, std::string_view form, bool proper_noun, std::string& key) {
  for (std::size_t tag = 0; tag < model.tags.size(); ++tag) {
    if ((model.tags[tag] == "PROPN") != proper_noun) continue;
    if (model.find_known(form, static_cast<std::uint8_t>(tag), key)) return true;
    const auto found = model.tag_dictionary.find(form);
    if (found != model.tag_dictionary.end() && found->second == tag) return true;
  }
  return false;
}

}  // namespace

OpenerCandidate opener_candidate(std::string_view text, std::size_t at) {
  const std::size_t end = word_end(text, at);
  const std::size_t next = skip_space(text, end);
  const std::string_view word = strip_marks(text, at, end);
  return {word, strip_marks(text, next, word_end(text, next)),
          word.data() + word.size() == text.data() + end};
}

bool may_open_sentence(std::string_view word) {
  if (word.empty()) return false;
  const CodePoint first = code_point_at(word, 0);
  if (u_isupper(first.value) || u_istitle(first.value)) return true;
  if (!u_islower(first.value)) return false;
  bool after_lower = true;
  for (std::uint32_t i = first.size; i < word.size();) {
    const CodePoint c = code_point_at(word, i);
    if (u_isupper(c.value) && after_lower) return true;
    after_lower = u_islower(c.value);
    i += c.size;
  }
  return false;
}

bool reads_as_sentence_start(const SyntaxModel& model, const OpenerCandidate& candidate) {
  std::string folded, key;
  fold_case(candidate.word, folded);
  if (!candidate.bare || candidate.following.empty() ||
      !u_islower(code_point_at(candidate.following, 0).value) ||
      !may_open_sentence(candidate.word)) {
    return false;
  }
  return folded != candidate.word && known_as(model, folded, false, key) &&
         !known_as(model, candidate.word, true, key);
}

}  // namespace presslens::detail
