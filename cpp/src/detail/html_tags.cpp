#include "detail/html_tags.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace presslens::detail {
namespace {

using Tag = std::pair<std::string_view, std::uint32_t>;

// Sorted by name for binary search.
constexpr auto kTags = std::to_array<Tag>({
    {"a", kTagLink},
    {"address", kTagBlock},
    {"applet", kTagHidden},
    {"article", kTagBlock | kTagArticle},
    {"aside", kTagBlock | kTagLayout},
    {"audio", kTagHidden},
    {"blockquote", kTagBlock | kTagQuote},
    {"body", kTagBlock | kTagRoot},
    {"br", kTagBreak},
    {"button", kTagBlock},
    {"canvas", kTagHidden},
    {"caption", kTagBlock | kTagCaption},
    {"center", kTagBlock},
    {"datalist", kTagHidden},
    {"dd", kTagBlock | kTagListItem},
    {"details", kTagBlock},
    {"dialog", kTagHidden},
    {"dir", kTagBlock},
    {"div", kTagBlock},
    {"dl", kTagBlock},
    {"dt", kTagBlock | kTagListItem},
    {"embed", kTagHidden},
    {"fieldset", kTagBlock},
    {"figcaption", kTagBlock | kTagCaption},
    {"figure", kTagBlock},
    {"footer", kTagBlock | kTagLayout},
    {"form", kTagBlock | kTagLayout},
    {"frameset", kTagHidden},
    {"h1", kTagBlock | kTagHeading | kTagTopHeading},
    {"h2", kTagBlock | kTagHeading},
    {"h3", kTagBlock | kTagHeading},
    {"h4", kTagBlock | kTagHeading},
    {"h5", kTagBlock | kTagHeading},
    {"h6", kTagBlock | kTagHeading},
    {"head", kTagHidden},
    {"header", kTagBlock | kTagHeader},
    {"hgroup", kTagBlock},
    {"hr", kTagBlock},
    {"html", kTagBlock | kTagRoot},
    {"iframe", kTagHidden},
    {"legend", kTagBlock},
    {"li", kTagBlock | kTagListItem},
    {"link", kTagLinkElement},
    {"main", kTagBlock | kTagArticle},
    {"map", kTagHidden},
    {"math", kTagHidden},
    {"menu", kTagBlock | kTagLayout},
    {"meta", kTagMeta},
    {"nav", kTagBlock | kTagLayout},
    {"noembed", kTagHidden},
    {"noframes", kTagHidden},
    {"noscript", kTagHidden},
    {"object", kTagHidden},
    {"ol", kTagBlock},
    {"optgroup", kTagHidden},
    {"option", kTagHidden},
    {"p", kTagBlock | kTagParagraph},
    {"param", kTagHidden},
    {"picture", kTagHidden},
    {"pre", kTagBlock | kTagPre | kTagParagraph},
    {"script", kTagHidden | kTagScript},
    {"section", kTagBlock},
    {"select", kTagHidden},
    {"source", kTagHidden},
    {"style", kTagHidden},
    {"summary", kTagBlock},
    {"svg", kTagHidden},
    {"table", kTagBlock},
    {"tbody", kTagBlock},
    {"td", kTagCell | kTagParagraph},
    {"template", kTagHidden},
    {"textarea", kTagHidden},
    {"tfoot", kTagBlock},
    {"th", kTagCell},
    {"thead", kTagBlock},
    {"time", kTagTime},
    {"title", kTagHidden | kTagTitle},
    {"tr", kTagBlock},
    {"track", kTagHidden},
    {"ul", kTagBlock},
    {"video", kTagHidden},
});

static_assert(std::is_sorted(kTags.begin(), kTags.end(),
                             [](const Tag& a, const Tag& b) { return a.first < b.first; }));

}  // namespace

std::uint32_t html_tag_flags(std::string_view name) noexcept {
  const auto it =
      std::lower_bound(kTags.begin(), kTags.end(), name,
                       [](const Tag& tag, std::string_view n) { return tag.first < n; });
  return it != kTags.end() && it->first == name ? it->second : 0;
}

}  // namespace presslens::detail
