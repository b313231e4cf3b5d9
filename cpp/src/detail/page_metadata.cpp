#include "detail/page_metadata.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "detail/html_tags.hpp"

namespace presslens::detail {
namespace {

// A <meta> key and the field it gives, with its rank among that field's sources (lower wins).
struct MetaKey {
  std::string_view key;  // lower case: the name, property or itemprop attribute
  std::uint8_t field;
  int rank;
};

// Ranks: Open Graph and article:* first, then JSON-LD (10), then the rest; <title>, <time> and
// rel=author links come last.
constexpr int kJsonLdRank = 10;
// The date of the JSON-LD web page itself (a "WebPage" node, as site plugins write it beside or
// instead of an article node): below every meta tag, above a <time> element.
constexpr int kJsonLdPageRank = 40;
constexpr int kTitleElementRank = 50;
constexpr int kTimeElementRank = 50;
constexpr int kAuthorLinkRank = 50;
// JSON-LD scripts larger than this are not read (no news page's metadata comes near).
constexpr std::size_t kMaxJsonLdBytes = 1 << 20;

// White space collapsed to single spaces and trimmed; a no-break space (U+00A0) counts as one.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool no_break = text.compare(i, 2, "\xC2\xA0") == 0;
    if (is_html_space(c) || no_break) {
      space = !out.empty();
      i += no_break ? 1 : 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string_view attribute(const std::vector<HtmlAttribute>& attributes, std::string_view name) {
  for (const HtmlAttribute& a : attributes) {
    if (a.name == name) return a.value;
  }
  return {};
}

bool is_url(std::string_view value) {
  return value.starts_with("http://") || value.starts_with("https://") || value.starts_with("/");
}

// JSON-LD types that describe the article itself.
bool is_article_type(const nlohmann::json& type) {
  static constexpr std::string_view kTypes[] = {"Article",
                                                "NewsArticle",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "LiveBlogPosting",
                                                "Report",
                                                "ScholarlyArticle",
                                                "TechArticle",
                                                "BackgroundNewsArticle",
                                                "ReviewNewsArticle"};
  const auto matches = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const auto& name = t.get_ref<const std::string&>();
    return std::find(std::begin(kTypes), std::end(kTypes), name) != std::end(kTypes);
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

bool is_web_page_type(const nlohmann::json& type) {
  const auto matches = [](const nlohmann::json& t) {
    return t.is_string() && t.get_ref<const std::string&>() == "WebPage";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

std::string string_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? collapse_spaces(it->get_ref<const std::string&>())
                                               : std::string();
}

// A date in a URL's path, as news sites write it: /2020/06/04/ or /2020-06-04 ("" if none).
std::string url_date(std::string_view url) {
  const auto digit = [&](std::size_t i) {
    return i < url.size() && url[i] >= '0' && url[i] <= '9';
  };
  for (std::size_t i = url.find('/'); i != url.npos && i + 11 <= url.size();
       i = url.find('/', i + 1)) {
    const std::size_t y = i + 1;
    if (!(digit(y) && digit(y + 1) && digit(y + 2) && digit(y + 3))) continue;
    if (url.compare(y, 2, "19") != 0 && url.compare(y, 2, "20") != 0) continue;
    const char separator = url[y + 4];
    if ((separator != '/' && separator != '-') || !digit(y + 5) || !digit(y + 6) ||
        url[y + 7] != separator || !digit(y + 8) || !digit(y + 9)) {
      continue;
    }
    if (y + 10 < url.size() && digit(y + 10)) continue;
    std::string date(url.substr(y, 10));
    date[4] = date[7] = '-';
    return date;
  }
  return {};
}

}  // namespace

void PageMetadataCollector::offer(Field field, int rank, std::string_view value) {
  std::string clean = collapse_spaces(value);
  if (clean.empty()) return;
  Candidate& candidate = fields_[field];
  if (field == kAuthors) {
    if (rank < candidate.rank) {
      candidate.rank = rank;
      candidate.authors.clear();
    }
    if (rank == candidate.rank && std::find(candidate.authors.begin(), candidate.authors.end(),
                                            clean) == candidate.authors.end()) {
      candidate.authors.push_back(std::move(clean));
    }
    return;
  }
  if (rank < candidate.rank) {
    candidate.rank = rank;
    candidate.value = std::move(clean);
  }
}

void PageMetadataCollector::offer_meta(std::string_view key, std::string_view content) {
  static constexpr MetaKey kKeys[] = {
      {"og:title", kTitle, 1},
      {"twitter:title", kTitle, 2},
      {"dc.title", kTitle, 20},
      {"headline", kTitle, 20},
      {"article:published_time", kDate, 1},
      {"og:published_time", kDate, 2},
      {"article:published", kDate, 2},
      {"datepublished", kDate, 3},
      {"parsely-pub-date", kDate, 20},
      {"sailthru.date", kDate, 20},
      {"pubdate", kDate, 20},
      {"publishdate", kDate, 20},
      {"publish-date", kDate, 20},
      {"publish_date", kDate, 20},
      {"date", kDate, 21},
      {"dc.date.issued", kDate, 21},
      {"dc.date", kDate, 22},
      {"dcterms.date", kDate, 22},
      {"dcterms.created", kDate, 22},
      {"author", kAuthors, 20},
      {"article:author", kAuthors, 20},
      {"parsely-author", kAuthors, 20},
      {"sailthru.author", kAuthors, 20},
      {"dc.creator", kAuthors, 21},
      {"dcterms.creator", kAuthors, 21},
      {"og:site_name", kSiteName, 1},
      {"application-name", kSiteName, 20},
      {"og:description", kDescription, 1},
      {"description", kDescription, 20},
      {"og:url", kUrl, 2},
      {"og:locale", kLanguage, 2},
      {"content-language", kLanguage, 3},
  };
  const std::string folded = ascii_lower(key);
  for (const MetaKey& k : kKeys) {
    if (k.key != folded) continue;
    // article:author is often the author's page, not a name.
    if (k.field == kAuthors && is_url(content)) return;
    offer(static_cast<Field>(k.field), k.rank, content);
    return;
  }
}

void PageMetadataCollector::open(std::string_view name, std::uint32_t tag_flags,
                                 const std::vector<HtmlAttribute>& attributes) {
  ++depth_;
  if (capture_ != Capture::kNone) return;
  if (tag_flags & kTagMeta) {
    const std::string_view content = attribute(attributes, "content");
    for (const char* key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
      const std::string_view key = attribute(attributes, key_attribute);
      if (!key.empty()) offer_meta(key, content);
    }
  } else if (tag_flags & kTagLinkElement) {
    if (ascii_lower(attribute(attributes, "rel")) == "canonical") {
      offer(kUrl, 1, attribute(attributes, "href"));
    }
  } else if (tag_flags & kTagTime) {
    const std::string_view datetime = attribute(attributes, "datetime");
    if (ascii_lower(attribute(attributes, "itemprop")) == "datepublished") {
      offer(kDate, 3, datetime);
    } else if (!article_time_seen_ && !datetime.empty()) {
      article_time_seen_ = true;
      offer(kDate, kTimeElementRank, datetime);
    }
  } else if ((tag_flags & kTagTitle) && !title_seen_) {
    title_seen_ = true;
    capture_ = Capture::kTitle;
  } else if ((tag_flags & kTagScript) &&
             ascii_lower(attribute(attributes, "type")) == "application/ld+json") {
    capture_ = Capture::kJsonLd;
  } else if ((tag_flags & kTagLink) && ascii_lower(attribute(attributes, "rel")) == "author") {
    capture_ = Capture::kAuthorLink;
  } else if (name == "html") {
    offer(kLanguage, 1, attribute(attributes, "lang"));
  }
  if (capture_ != Capture::kNone) {
    capture_depth_ = depth_;
    captured_.clear();
  }
}

void PageMetadataCollector::characters(std::string_view chunk) {
  if (capture_ == Capture::kNone) return;
  if (captured_.size() + chunk.size() <= kMaxJsonLdBytes) captured_ += chunk;
}

void PageMetadataCollector::close(std::size_t depth) {
  depth_ = depth;
  if (capture_ == Capture::kNone || depth_ >= capture_depth_) return;
  switch (capture_) {
    case Capture::kTitle:
      offer(kTitle, kTitleElementRank, captured_);
      break;
    case Capture::kJsonLd:
      read_json_ld(captured_);
      break;
    case Capture::kAuthorLink:
      offer(kAuthors, kAuthorLinkRank, captured_);
      break;
    case Capture::kNone:
      break;
  }
  capture_ = Capture::kNone;
  captured_.clear();
}

// The article's headline, date, authors and publisher from JSON-LD (schema.org): a single
// object, an array of them, or an @graph.
void PageMetadataCollector::read_json_ld(std::string_view json) {
  const nlohmann::json root = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  std::vector<const nlohmann::json*> pending{&root};
  while (!pending.empty()) {
    const nlohmann::json& node = *pending.back();
    pending.pop_back();
    if (node.is_array()) {
      for (const auto& item : node) pending.push_back(&item);
      continue;
    }
    if (!node.is_object()) continue;
    if (const auto graph = node.find("@graph"); graph != node.end()) pending.push_back(&*graph);
    const auto type = node.find("@type");
    if (type != node.end() && is_web_page_type(*type)) {
      offer(kDate, kJsonLdPageRank, string_of(node, "datePublished"));
    }
    if (type == node.end() || !is_article_type(*type)) continue;
    offer(kTitle, kJsonLdRank, string_of(node, "headline"));
    offer(kDate, kJsonLdRank, string_of(node, "datePublished"));
    if (const auto author = node.find("author"); author != node.end()) {
      const auto add = [&](const nlohmann::json& a) {
        if (a.is_string()) offer(kAuthors, kJsonLdRank, a.get_ref<const std::string&>());
        if (a.is_object()) offer(kAuthors, kJsonLdRank, string_of(a, "name"));
      };
      if (author->is_array()) {
        for (const auto& a : *author) add(a);
      } else {
        add(*author);
      }
    }
    if (const auto publisher = node.find("publisher");
        publisher != node.end() && publisher->is_object()) {
      offer(kSiteName, kJsonLdRank, string_of(*publisher, "name"));
    }
  }
}

PageMetadata PageMetadataCollector::finish() {
  PageMetadata metadata;
  metadata.title = std::move(fields_[kTitle].value);
  metadata.authors = std::move(fields_[kAuthors].authors);
  metadata.date = std::move(fields_[kDate].value);
  if (metadata.date.empty()) metadata.date = url_date(fields_[kUrl].value);
  metadata.site_name = std::move(fields_[kSiteName].value);
  metadata.description = std::move(fields_[kDescription].value);
  metadata.url = std::move(fields_[kUrl].value);
  metadata.language = std::move(fields_[kLanguage].value);
  return metadata;
}

}  // namespace presslens::detail
