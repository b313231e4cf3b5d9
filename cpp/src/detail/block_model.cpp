#include "detail/block_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "detail/binary_io.hpp"
#include "detail/embedded_files.hpp"

namespace presslens::detail {
namespace {

// Feature templates (the first argument of feature()); numbers are part of the model format.
enum Template : std::uint32_t {
  kBias = 1,
  kWords,
  kFlag,
  kFlagWords,
  kRole,
  kRoleWords,
  kLinks,
  kLinksWords,
  kCue,
  kCueWords,
  kPosition,
  kPositionRole,
  kNeighbourWords,
  kNeighbourRole,
  kNeighbourFlag,
  kNeighbourLinks,
  kLengthTrigram,
  kRoleTrigram,
  kBodyDistance,
  kFirstWord,
  kPrevious,
  kPreviousNeighbour,
  kPreviousSides,
  kPreviousReach,
};

// The flags worth reading on a neighbour: what says "prose", "menu" or "article" around a line.
constexpr std::uint32_t kNeighbourFlags =
    BlockCues::kTerminal | BlockCues::kLegal | BlockCues::kLinkList | BlockCues::kChromePhrase |
    BlockCues::kLayout | BlockCues::kInContent | BlockCues::kHeading | BlockCues::kListItem |
    BlockCues::kChromeClass | BlockCues::kCaption;

// Word counts in buckets that separate labels (1-3), menu items and headlines (4-12), short
// sentences and long prose.
std::uint64_t word_bucket(std::uint32_t words) {
  static constexpr std::array<std::uint32_t, 10> kBounds = {0, 1, 2, 3, 5, 8, 12, 20, 40, 80};
  return bucket(words, kBounds);
}

// Short (a label or a menu item), medium (a headline, a caption) or long (prose).
std::uint64_t length_class(std::uint32_t words) { return words <= 3 ? 1 : words <= 12 ? 2 : 3; }

constexpr std::uint64_t kNone = 99;  // a neighbour beyond the page's edge

constexpr std::string_view kBuiltinPath = "mul/structure.model";

// A probability in five bins.
std::uint64_t probability_bin(float p) {
  return std::min<std::uint64_t>(4, static_cast<std::uint64_t>(p * 5));
}

// The first pass's view of the paragraphs around `index`: its own bin, each neighbour's, the
// nearest two together, and the highest bin within three paragraphs on each side.
void previous_features(std::span<const float> previous, std::size_t index,
                       std::vector<std::uint64_t>& out) {
  const auto i = static_cast<std::ptrdiff_t>(index);
  const auto size = static_cast<std::ptrdiff_t>(previous.size());
  const auto bin_at = [&](std::ptrdiff_t at) {
    return at >= 0 && at < size ? probability_bin(previous[at]) : kNone;
  };
  out.push_back(feature(kPrevious, bin_at(i)));
  for (std::ptrdiff_t offset = -2; offset <= 2; ++offset) {
    if (offset == 0) continue;
    out.push_back(
        feature(kPreviousNeighbour, static_cast<std::uint64_t>(offset + 2), bin_at(i + offset)));
  }
  out.push_back(feature(kPreviousSides, bin_at(i - 1), bin_at(i) * 128 + bin_at(i + 1)));
  std::uint64_t left = 0, right = 0;  // 0: no paragraph on that side
  for (std::ptrdiff_t offset = 1; offset <= 3; ++offset) {
    if (i - offset >= 0) left = std::max(left, 1 + bin_at(i - offset));
    if (i + offset < size) right = std::max(right, 1 + bin_at(i + offset));
  }
  out.push_back(feature(kPreviousReach, left, right * 128 + bin_at(i)));
}

}  // namespace

void block_features(std::span<const BlockCues> page, std::span<const float> previous,
                    std::size_t index, std::vector<std::uint64_t>& out) {
  if (!previous.empty()) previous_features(previous, index, out);
  const BlockCues& c = page[index];
  const std::uint64_t html = c.has(BlockCues::kHtml) ? 1 : 0;
  const std::uint64_t words = word_bucket(c.words);
  const std::uint64_t terminal = c.has(BlockCues::kTerminal) ? 1 : 0;
  out.push_back(feature(kBias, html));
  out.push_back(feature(kWords, words, terminal, html));
  for (std::uint32_t bit = 0; bit < 32; ++bit) {
    if ((c.flags >> bit & 1u) == 0) continue;
    out.push_back(feature(kFlag, bit));
    out.push_back(feature(kFlagWords, bit, words));
  }
  out.push_back(feature(kRole, c.rule_role, html));
  out.push_back(feature(kRoleWords, c.rule_role, words, terminal));
  if (html) {
    out.push_back(feature(kLinks, c.link_quarters));
    out.push_back(feature(kLinksWords, c.link_quarters, words));
  }
  if (c.cue != 0) {
    out.push_back(feature(kCue, c.cue));
    out.push_back(feature(kCueWords, c.cue, words));
  }
  out.push_back(feature(kPosition, c.position, html));
  out.push_back(feature(kBodyDistance, static_cast<std::uint64_t>(c.body_distance + 64), html));
  if (c.first_word != 0) out.push_back(feature(kFirstWord, c.first_word));
  out.push_back(feature(kPositionRole, c.position, c.rule_role));

  std::array<std::uint64_t, 5> roles{}, lengths{};
  for (int offset = -2; offset <= 2; ++offset) {
    const auto at = static_cast<std::ptrdiff_t>(index) + offset;
    const bool inside = at >= 0 && at < static_cast<std::ptrdiff_t>(page.size());
    roles[offset + 2] = inside ? page[at].rule_role : kNone;
    lengths[offset + 2] = inside ? length_class(page[at].words) : kNone;
    if (offset == 0) continue;
    const auto side = static_cast<std::uint64_t>(offset + 2);
    if (!inside) {
      out.push_back(feature(kNeighbourWords, side, kNone));
      continue;
    }
    const BlockCues& n = page[at];
    out.push_back(feature(kNeighbourWords, side, word_bucket(n.words)));
    out.push_back(feature(kNeighbourRole, side, n.rule_role));
    const std::uint32_t flags = n.flags & kNeighbourFlags;
    for (std::uint32_t bit = 0; bit < 32; ++bit) {
      if ((flags >> bit & 1u) != 0) out.push_back(feature(kNeighbourFlag, side, bit));
    }
    if (html) out.push_back(feature(kNeighbourLinks, side, n.link_quarters));
  }
  out.push_back(feature(kRoleTrigram, roles[1], roles[2] * 128 + roles[3]));
  out.push_back(feature(kLengthTrigram, lengths[1], lengths[2] * 128 + lengths[3], html));
}

std::uint64_t cue_hash(std::u32string_view folded) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char32_t c : folded) {
    hash ^= static_cast<std::uint64_t>(c);
    hash *= 0x100000001b3ull;
  }
  return mix64(hash);
}

BlockModel::BlockModel(std::string_view bytes, std::string_view source) {
  ByteReader in(bytes, source);
  if (in.get_string() != kMagic) in.fail("not a presslens block model");
  const auto version = in.get<std::uint32_t>();
  if (version < 1 || version > kVersion) in.fail("a model version this presslens cannot read");
  if (in.get<std::uint32_t>() != kPasses) in.fail("not two passes");
  for (std::size_t pass = 0; pass < kPasses; ++pass) {
    const float slope = in.get<float>();
    const float intercept = in.get<float>();
    if (!std::isfinite(slope) || !std::isfinite(intercept)) {
      in.fail("a calibration that is not a number");
    }
    const SparseRows rows = SparseRows::read(in);
    if (rows.width != 2) in.fail("it does not have two classes");
    passes_.push_back({LinearModel(rows), slope, intercept});
  }
  const SparseRows titles = SparseRows::read(in);
  if (titles.width != 2) in.fail("its title classifier does not have two classes");
  titles_ = CandidateChooser(titles);
  if (version >= 2) {
    const SparseRows dates = SparseRows::read(in);
    if (dates.width != 2) in.fail("its date classifier does not have two classes");
    dates_ = CandidateChooser(dates);
  }
  if (version >= 3) {
    const SparseRows authors = SparseRows::read(in);
    if (authors.width != 2) in.fail("its author classifier does not have two classes");
    authors_ = CandidateChooser(authors);
  }
  if (!in.at_end()) in.fail("bytes after its end");
}

const BlockModel& BlockModel::builtin() {
  static const BlockModel model = [] {
    for (const auto& file : embedded_files()) {
      if (file.path == kBuiltinPath) return BlockModel(file.contents, kBuiltinPath);
    }
    throw LanguagePackError("the built-in structure model is missing");
  }();
  return model;
}

std::string BlockModel::serialise(std::span<const BlockPass> passes, const SparseRows& titles,
                                  const SparseRows& dates, const SparseRows& authors) {
  ByteWriter out;
  out.put_string(kMagic);
  out.put<std::uint32_t>(kVersion);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(passes.size()));
  for (const BlockPass& pass : passes) {
    out.put<float>(pass.slope);
    out.put<float>(pass.intercept);
    pass.rows.write(out);
  }
  titles.write(out);
  dates.write(out);
  authors.write(out);
  return out.take();
}

void BlockModel::body_probabilities(std::span<const BlockCues> page,
                                    std::vector<float>& out) const {
  std::vector<std::uint64_t> features;
  std::vector<float> previous;
  for (const Pass& pass : passes_) {
    out.resize(page.size());
    for (std::size_t i = 0; i < page.size(); ++i) {
      features.clear();
      block_features(page, previous, i, features);
      out[i] = logistic(pass.slope, pass.intercept, binary_margin(pass.rows, features));
    }
    previous = out;
  }
}

}  // namespace presslens::detail
