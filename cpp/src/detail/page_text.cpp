#include "detail/page_text.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <utility>

#include "detail/html_tags.hpp"

namespace presslens::detail {
namespace {

std::uint16_t block_flags_of(std::uint32_t tag_flags) noexcept {
  std::uint16_t flags = 0;
  if (tag_flags & kTagHeading) flags |= PageBlock::kHeading;
  if (tag_flags & kTagTopHeading) flags |= PageBlock::kTopHeading;
  if (tag_flags & kTagListItem) flags |= PageBlock::kListItem;
  if (tag_flags & kTagQuote) flags |= PageBlock::kQuote;
  if (tag_flags & kTagCaption) flags |= PageBlock::kCaption;
  return flags;
}

// Readability's prior for an element that holds paragraphs, by its tag.
int tag_weight(std::uint32_t tag_flags) noexcept {
  if (tag_flags & kTagHeading) return -5;
  if (tag_flags & (kTagListItem | kTagLayout)) return -3;
  if (tag_flags & (kTagParagraph | kTagQuote)) return 3;
  if (tag_flags & kTagBlock) return 5;
  return 0;
}

// Commas of the scripts news is written in: a paragraph's commas measure its prose.
std::uint32_t count_commas(std::string_view text) noexcept {
  std::uint32_t commas = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      ++commas;
    } else if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0) {
      ++commas;  // ，、
      i += 2;
    }
  }
  return commas;
}

// Readability (Mozilla's Readability.js, the reader view of Firefox): lines shorter than this are
// not paragraphs, nor are mostly-link lines; a paragraph's score goes to this many levels of
// elements above it, divided by each level's divider.
constexpr std::uint32_t kMinParagraphBytes = 25;
constexpr std::size_t kScoredLevels = 5;
constexpr double kLevelDivider[kScoredLevels] = {1, 2, 6, 9, 12};
// Siblings of the best element join the content when they score at least this share of it (and
// at least the floor), or when they are paragraphs of prose.
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 10;
constexpr std::uint32_t kLongSiblingBytes = 80;
// Of the five best elements, three that score at least 3/4 of the best make their common
// ancestor the content.
constexpr std::size_t kTopCandidates = 5;
constexpr double kCloseRunnerShare = 0.75;
constexpr std::size_t kMinCloseRunners = 3;

std::pair<std::uint64_t, std::uint64_t> bytes_and_links(std::span<const PageBlock> blocks) {
  std::uint64_t bytes = 0, link_bytes = 0;
  for (const PageBlock& block : blocks) {
    bytes += block.span.size();
    link_bytes += block.link_bytes;
  }
  return {bytes, link_bytes};
}

}  // namespace

PageTextBuilder::PageTextBuilder(std::uint32_t source_size) : source_size_(source_size) {}

void PageTextBuilder::open(std::uint32_t tag_flags, const ElementHints& hints,
                           std::uint32_t source_at) {
  if ((tag_flags & (kTagBlock | kTagBreak)) && !hidden()) end_line(source_at);
  if ((tag_flags & kTagCell) && line_open_ && !hidden()) {
    space_pending_ = true;  // cells of a row share its line
    space_is_one_blank_ = false;
    space_source_ = source_at;
  }
  const Element* parent = stack_.empty() ? nullptr : &stack_.back();
  Element element{};
  element.tag_flags = tag_flags;
  element.block_flags =
      static_cast<std::uint16_t>((parent ? parent->block_flags : 0) | block_flags_of(tag_flags));
  element.article = (parent && parent->article) || (tag_flags & kTagArticle) || hints.article;
  const bool layout =
      (tag_flags & kTagLayout) || hints.layout || ((tag_flags & kTagHeader) && !element.article);
  if (layout) element.block_flags |= PageBlock::kLayout;
  if (element.article) element.block_flags |= PageBlock::kArticle;
  element.hidden = (parent && parent->hidden) || (tag_flags & kTagHidden) || hints.hidden;
  element.link = (parent && parent->link) || (tag_flags & kTagLink);
  element.pre = (parent && parent->pre) || (tag_flags & kTagPre);
  element.class_weight = (tag_flags & kTagRoot) ? 0 : hints.class_weight;
  element.class_hash = hints.class_hash;
  element.serial = ++serials_;
  element.parent_serial = parent ? parent->serial : 0;
  element.unlikely = (parent && parent->unlikely) || (hints.unlikely && !(tag_flags & kTagRoot));
  element.chrome_serial = hints.chrome_class || element.unlikely
                              ? element.serial
                              : (parent ? parent->chrome_serial : 0);
  element.first_block = static_cast<std::uint32_t>(blocks_.size());
  stack_.push_back(element);
  if ((tag_flags & kTagTime) && !element.hidden) line_flags_ |= PageBlock::kTime;
}

void PageTextBuilder::close(std::uint32_t source_at) {
  if (stack_.empty()) return;
  const Element& element = stack_.back();
  if ((element.tag_flags & kTagBlock) && !element.hidden) end_line(source_at);
  const auto end_block = static_cast<std::uint32_t>(blocks_.size());
  if (end_block > element.first_block && element.parent_serial != 0) {
    const double score =
        element.content_score > 0
            ? element.content_score + tag_weight(element.tag_flags) + element.class_weight
            : 0;
    closed_.push_back({score, element.class_hash, element.serial, element.parent_serial,
                       element.first_block, end_block, (element.tag_flags & kTagParagraph) != 0,
                       (element.tag_flags & kTagRoot) != 0});
  }
  stack_.pop_back();
}

void PageTextBuilder::characters(std::string_view chunk, std::uint32_t source_begin,
                                 std::uint32_t source_end, bool exact) {
  if (hidden() || chunk.empty()) return;
  const bool pre = !stack_.empty() && stack_.back().pre;
  std::size_t i = 0;
  while (i < chunk.size()) {
    const auto at = [&](std::size_t offset) {
      return exact ? source_begin + static_cast<std::uint32_t>(offset) : source_begin;
    };
    if (pre && (chunk[i] == '\n' || chunk[i] == '\r')) {
      end_line(at(i));
      ++i;
      continue;
    }
    if (!pre && is_html_space(chunk[i])) {
      std::size_t j = i;
      while (j < chunk.size() && is_html_space(chunk[j])) ++j;
      if (line_open_ && !space_pending_) {
        space_pending_ = true;
        space_is_one_blank_ = exact && j - i == 1 && chunk[i] == ' ';
        space_source_ = at(i);
      }
      i = j;
      continue;
    }
    std::size_t j = i;
    while (j < chunk.size() &&
           !(pre ? chunk[j] == '\n' || chunk[j] == '\r' : is_html_space(chunk[j]))) {
      ++j;
    }
    add_pending_space();
    append(chunk.substr(i, j - i), at(i), exact ? at(j) : source_end, exact);
    i = j;
  }
}

void PageTextBuilder::add_pending_space() {
  if (!space_pending_) return;
  space_pending_ = false;
  const std::uint32_t end = space_is_one_blank_ ? space_source_ + 1 : space_source_;
  append(" ", space_source_, end, space_is_one_blank_, /*link=*/false);
}

void PageTextBuilder::append(std::string_view piece, std::uint32_t source_begin,
                             std::uint32_t source_end, bool exact, bool link) {
  if (!line_open_) {
    if (!text_.empty()) {
      map_.add(
          {static_cast<std::uint32_t>(text_.size()), line_end_source_, line_end_source_, false});
      text_ += '\n';
    }
    line_open_ = true;
    line_begin_ = static_cast<std::uint32_t>(text_.size());
  }
  map_.add({static_cast<std::uint32_t>(text_.size()), source_begin, source_end, exact});
  text_ += piece;
  if (!stack_.empty()) {
    line_flags_ |= stack_.back().block_flags;
    line_chrome_serial_ = std::max(line_chrome_serial_, stack_.back().chrome_serial);
  }
  if (link && !stack_.empty() && stack_.back().link) {
    line_link_bytes_ += static_cast<std::uint32_t>(piece.size());
  }
}

void PageTextBuilder::end_line(std::uint32_t source_at) {
  space_pending_ = false;
  if (!line_open_) {
    line_flags_ = 0;
    return;
  }
  PageBlock block;
  block.span = {line_begin_, static_cast<std::uint32_t>(text_.size())};
  block.link_bytes = line_link_bytes_;
  block.flags = line_flags_;
  blocks_.push_back(block);
  block_chrome_serials_.push_back(line_chrome_serial_);
  line_chrome_serial_ = 0;
  score_line(block);
  line_open_ = false;
  line_link_bytes_ = 0;
  line_flags_ = 0;
  line_end_source_ = std::min(source_at, source_size_);
}

// Readability: a paragraph scores by its length and commas; its element's parent gets the score,
// the grandparent half of it.
void PageTextBuilder::score_line(const PageBlock& block) {
  if (block.span.size() < kMinParagraphBytes || 2 * block.link_bytes >= block.span.size()) return;
  if (!stack_.empty() && stack_.back().unlikely) return;
  auto holder = stack_.size();
  while (holder > 0 && !(stack_[holder - 1].tag_flags & (kTagBlock | kTagCell))) --holder;
  if (holder < 2) return;  // text outside any element that could hold an article
  const std::string_view line = std::string_view(text_).substr(block.span.begin, block.span.size());
  const double score =
      1.0 + count_commas(line) + std::min<std::uint32_t>(3, block.span.size() / 100);
  for (std::size_t level = 0; level < kScoredLevels && level + 2 <= holder; ++level) {
    stack_[holder - 2 - level].content_score += score / kLevelDivider[level];
  }
}

// Readability's choice: the best-scoring element, unless several elements that score nearly as
// well share an ancestor (an article in sections), or the score rises on the way up from it.
const PageTextBuilder::Closed* PageTextBuilder::best_element() const {
  std::vector<const Closed*> ranked;
  for (const Closed& element : closed_) {
    if (element.score > 0 && !element.root) ranked.push_back(&element);
  }
  if (ranked.empty()) return nullptr;
  const std::size_t top = std::min<std::size_t>(kTopCandidates, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end(),
                    [](const Closed* a, const Closed* b) { return a->score > b->score; });
  std::unordered_map<std::uint32_t, const Closed*> by_serial;
  for (const Closed& element : closed_) by_serial.emplace(element.serial, &element);
  const auto parent_of = [&](const Closed* element) -> const Closed* {
    const auto it = by_serial.find(element->parent_serial);
    return it == by_serial.end() || it->second->root ? nullptr : it->second;
  };
  const auto contains = [](const Closed* outer, const Closed* inner) {
    return outer->first_block <= inner->first_block && inner->end_block <= outer->end_block;
  };
  const Closed* best = ranked.front();
  std::vector<const Closed*> close_runners;
  for (std::size_t i = 1; i < top; ++i) {
    if (ranked[i]->score >= kCloseRunnerShare * best->score) close_runners.push_back(ranked[i]);
  }
  if (close_runners.size() >= kMinCloseRunners) {
    for (const Closed* ancestor = parent_of(best); ancestor; ancestor = parent_of(ancestor)) {
      const auto held = std::count_if(close_runners.begin(), close_runners.end(),
                                      [&](const Closed* c) { return contains(ancestor, c); });
      if (static_cast<std::size_t>(held) >= kMinCloseRunners) {
        best = ancestor;
        break;
      }
    }
  }
  double last = best->score;
  for (const Closed* parent = parent_of(best); parent; parent = parent_of(parent)) {
    if (parent->score < last / 3) break;
    if (parent->score > last) {
      best = parent;
      break;
    }
    last = parent->score;
  }
  return best;
}

// Readability's siblings: an element beside the best one joins when it scores well enough
// (better when it shares the best one's class), or when it is a paragraph of prose.
bool PageTextBuilder::joins_content(const Closed& sibling, const Closed& best) const {
  const double floor = std::max(kMinSiblingScore, kSiblingShare * best.score);
  const double bonus = sibling.class_hash != 0 && sibling.class_hash == best.class_hash
                           ? kSiblingShare * best.score
                           : 0;
  if (sibling.score > 0 && sibling.score + bonus >= floor) return true;
  if (!sibling.paragraph) return false;
  const auto [bytes, link_bytes] = bytes_and_links(
      std::span(blocks_).subspan(sibling.first_block, sibling.end_block - sibling.first_block));
  if (bytes > kLongSiblingBytes) return 4 * link_bytes < bytes;
  const PageBlock& last = blocks_[sibling.end_block - 1];
  return bytes > 0 && link_bytes == 0 && text_[last.span.end - 1] == '.';
}

void PageTextBuilder::mark_content() {
  // An element's score counts its prose less the share of it that is links.
  for (Closed& element : closed_) {
    if (element.score <= 0) continue;
    const auto [bytes, link_bytes] = bytes_and_links(
        std::span(blocks_).subspan(element.first_block, element.end_block - element.first_block));
    if (bytes > 0) element.score *= 1.0 - static_cast<double>(link_bytes) / bytes;
  }
  const Closed* best = best_element();
  if (best == nullptr) return;
  for (const Closed& element : closed_) {
    if (&element != best &&
        (element.parent_serial != best->parent_serial || !joins_content(element, *best))) {
      continue;
    }
    for (std::uint32_t b = element.first_block; b < element.end_block; ++b) {
      blocks_[b].in_content = true;
      // Chrome inside the content: a share bar, related links, the comments.
      if (block_chrome_serials_[b] > element.serial) blocks_[b].flags |= PageBlock::kChromeClass;
    }
  }
}

void PageTextBuilder::finish(HtmlPage& page) {
  while (!stack_.empty()) close(source_size_);
  end_line(source_size_);
  mark_content();
  page.text = std::move(text_);
  page.blocks = std::move(blocks_);
  page.source_map = std::move(map_);
}

}  // namespace presslens::detail
