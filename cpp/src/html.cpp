#include "presslens/html.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <span>

#include "detail/html_tags.hpp"
#include "detail/page_metadata.hpp"
#include "detail/page_text.hpp"

namespace presslens {
namespace {

bool starts_with_folded(std::string_view text, std::string_view prefix) noexcept {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != prefix[i]) return false;
  }
  return true;
}

std::string_view view(const xmlChar* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// Readability's class and id patterns: names that mark the article's container, and names that
// mark chrome.
constexpr std::string_view kPositiveNames[] = {"article", "body", "content", "entry",
                                               "hentry",  "main", "page",    "post",
                                               "text",    "blog", "story"};
constexpr std::string_view kNegativeNames[] = {
    "banner",   "combx",  "comment",  "com-",     "contact", "foot",       "footer",
    "footnote", "gdpr",   "masthead", "media",    "meta",    "outbrain",   "promo",
    "related",  "scroll", "share",    "shoutbox", "sidebar", "skyscraper", "sponsor",
    "shopping", "tags",   "tool",     "widget"};
// Readability's unlikely candidates (class or id), unless they also match a likely one; cookie
// and consent dialogs added.
constexpr std::string_view kUnlikelyNames[] = {
    "-ad-",     "ai2html",    "banner",     "breadcrumbs", "combx",     "comment",      "community",
    "consent",  "cookie",     "cover-wrap", "disqus",      "extra",     "footer",       "gdpr",
    "header",   "legends",    "menu",       "related",     "remark",    "replies",      "rss",
    "shoutbox", "sidebar",    "skyscraper", "social",      "sponsor",   "supplemental", "ad-break",
    "agegate",  "pagination", "pager",      "popup",       "yom-remote"};
constexpr std::string_view kMaybeNames[] = {"and",     "article", "body",  "column",
                                            "content", "main",    "shadow"};

// Classes that hide an element from the screen (left for screen readers or scripts).
constexpr std::string_view kHiddenClasses[] = {"hidden", "sr-only", "visually-hidden",
                                               "visuallyhidden", "screen-reader-text"};
// Words of class and id values that name page chrome inside an article: share bars, related
// links, tags, comments, newsletter boxes, ads.
constexpr std::string_view kChromeWords[] = {
    "ad",          "ads",       "advert",     "advertisement", "banner",     "breadcrumb",
    "breadcrumbs", "comment",   "comments",   "consent",       "cookie",     "footer",
    "menu",        "nav",       "navigation", "newsletter",    "pagination", "promo",
    "recommended", "related",   "share",      "sharing",       "sidebar",    "social",
    "sponsor",     "sponsored", "subscribe",  "subscription",  "tags"};

// Whether a class or id value has a chrome word, its words split at anything not a letter or
// digit ("c-share-social__item": c, share, social, item).
bool has_chrome_word(std::string_view names) {
  std::size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && !std::isalnum(static_cast<unsigned char>(names[i]))) ++i;
    std::size_t j = i;
    while (j < names.size() && std::isalnum(static_cast<unsigned char>(names[j]))) ++j;
    const std::string_view word = names.substr(i, j - i);
    if (!word.empty() && std::find(std::begin(kChromeWords), std::end(kChromeWords), word) !=
                             std::end(kChromeWords)) {
      return true;
    }
    i = j;
  }
  return false;
}

// ARIA roles of page chrome, and of the article.
constexpr std::string_view kLayoutRoles[] = {"navigation", "banner", "contentinfo", "complementary",
                                             "search",     "menu",   "menubar"};

bool contains_any(std::string_view text, std::span<const std::string_view> names) {
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view name) { return text.find(name) != text.npos; });
}

bool has_token(std::string_view text, std::span<const std::string_view> tokens) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && detail::is_html_space(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !detail::is_html_space(text[j])) ++j;
    const std::string_view token = text.substr(i, j - i);
    if (!token.empty() && std::find(tokens.begin(), tokens.end(), token) != tokens.end()) {
      return true;
    }
    i = j;
  }
  return false;
}

int name_weight(std::string_view name) {
  if (name.empty()) return 0;
  int weight = 0;
  if (contains_any(name, kNegativeNames)) weight -= 25;
  if (contains_any(name, kPositiveNames)) weight += 25;
  return weight;
}

detail::ElementHints hints_of(const std::vector<detail::HtmlAttribute>& attributes) {
  detail::ElementHints hints;
  std::string class_and_id;
  for (const auto& [name, value] : attributes) {
    if (name == "hidden") {
      hints.hidden = true;
    } else if (name == "style") {
      std::string style = detail::ascii_lower(value);
      std::erase_if(style, detail::is_html_space);
      hints.hidden |=
          style.find("display:none") != style.npos || style.find("visibility:hidden") != style.npos;
    } else if (name == "class" || name == "id") {
      const std::string names = detail::ascii_lower(value);
      if (name == "class") {
        hints.hidden |= has_token(names, kHiddenClasses);
        hints.class_hash = std::hash<std::string_view>{}(value);
      }
      hints.class_weight += name_weight(names);
      hints.chrome_class |= has_chrome_word(names);
      class_and_id += names;
      class_and_id += ' ';
    } else if (name == "role") {
      const std::string role = detail::ascii_lower(value);
      hints.layout |= has_token(role, kLayoutRoles);
      hints.article |= role == "main" || role == "article";
    } else if (name == "itemprop") {
      hints.article |= detail::ascii_lower(value) == "articlebody";
    }
  }
  hints.unlikely =
      contains_any(class_and_id, kUnlikelyNames) && !contains_any(class_and_id, kMaybeNames);
  return hints;
}

// Drives libxml2's HTML parser (SAX, no tree) and hands what it reads to the text builder and the
// metadata collector, with the source position of each piece.
class PageReader {
 public:
  explicit PageReader(std::string_view html)
      : html_(html), text_(static_cast<std::uint32_t>(html.size())) {}

  HtmlPage read() {
    HtmlPage page;
    if (!html_.empty()) parse();
    text_.finish(page);
    page.metadata = metadata_.finish();
    return page;
  }

 private:
  void parse() {
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });
    // libxml2 stops at a NUL byte; an invisible character is as good a stand-in as any.
    std::string without_nul;
    std::string_view input = html_;
    if (std::memchr(html_.data(), 0, html_.size()) != nullptr) {
      without_nul.assign(html_);
      std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
      input = without_nul;
    }
    htmlParserCtxtPtr context =
        htmlCreateMemoryParserCtxt(input.data(), static_cast<int>(input.size()));
    if (context == nullptr) throw std::bad_alloc();
    context_ = context;
    htmlSAXHandler* sax = context->sax;
    std::memset(sax, 0, sizeof(*sax));
    sax->startElement = &PageReader::on_start;
    sax->endElement = &PageReader::on_end;
    sax->characters = &PageReader::on_characters;
    sax->ignorableWhitespace = &PageReader::on_characters;
    sax->cdataBlock = &PageReader::on_characters;
    sax->warning = &PageReader::on_message;
    sax->error = &PageReader::on_message;
    sax->fatalError = &PageReader::on_message;
    context->userData = this;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context);
    htmlFreeParserCtxt(context);
    context_ = nullptr;
  }

  // Where the parser stands in the input, in bytes.
  std::uint32_t position() const {
    const xmlParserInputPtr input = context_->input;
    const auto at = input->consumed + static_cast<unsigned long>(input->cur - input->base);
    return static_cast<std::uint32_t>(std::min<unsigned long>(at, html_.size()));
  }

  static void on_start(void* self, const xmlChar* name, const xmlChar** attributes) {
    static_cast<PageReader*>(self)->start(view(name), attributes);
  }
  static void on_end(void* self, const xmlChar* name) {
    static_cast<PageReader*>(self)->end(view(name));
  }
  static void on_characters(void* self, const xmlChar* chunk, int size) {
    static_cast<PageReader*>(self)->characters(
        std::string_view(reinterpret_cast<const char*>(chunk), static_cast<std::size_t>(size)));
  }
  static void on_message(void*, const char*, ...) {}

  void start(std::string_view name, const xmlChar** raw_attributes) {
    attributes_.clear();
    for (const xmlChar** a = raw_attributes; a != nullptr && a[0] != nullptr; a += 2) {
      attributes_.push_back({view(a[0]), view(a[1])});
    }
    const std::uint32_t flags = detail::html_tag_flags(name);
    names_.emplace_back(name);
    metadata_.open(name, flags, attributes_);
    text_.open(flags, hints_of(attributes_), position());
  }

  void end(std::string_view name) {
    // libxml2 closes every element it opened, in order; a stray end tag is ignored.
    if (names_.empty() || names_.back() != name) return;
    names_.pop_back();
    text_.close(position());
    metadata_.close(names_.size());
  }

  // The source of a chunk: the bytes just before the parser's position when they are the chunk
  // itself; otherwise a character reference (&amp;) decoded, which ends at the position.
  void characters(std::string_view chunk) {
    if (metadata_.capturing()) metadata_.characters(chunk);
    if (text_.hidden()) return;
    const std::uint32_t end = position();
    if (chunk.size() <= end && html_.compare(end - chunk.size(), chunk.size(), chunk) == 0) {
      text_.characters(chunk, end - static_cast<std::uint32_t>(chunk.size()), end, true);
      return;
    }
    std::uint32_t begin = end;
    const std::uint32_t floor = end > 64 ? end - 64 : 0;
    while (begin > floor && html_[begin - 1] != '&') --begin;
    begin = begin > floor ? begin - 1 : end;
    text_.characters(chunk, begin, end, false);
  }

  std::string_view html_;
  htmlParserCtxtPtr context_ = nullptr;
  detail::PageTextBuilder text_;
  detail::PageMetadataCollector metadata_;
  std::vector<detail::HtmlAttribute> attributes_;
  std::vector<std::string> names_;
};

// Whether `text` opens with a doctype, <html>, <head> or <body> (any case).
bool opens_page(std::string_view text) noexcept {
  for (const std::string_view opening : {"<!doctype html", "<html", "<head", "<body"}) {
    if (starts_with_folded(text, opening)) {
      const char after = text.size() > opening.size() ? text[opening.size()] : '>';
      return after == '>' || detail::is_html_space(after) || after == '/';
    }
  }
  return false;
}

// How far into a text that opens with a tag its page's <html>, <head> or <body> is looked for.
constexpr std::size_t kPageOpeningWindow = 64 * 1024;

}  // namespace

const char* to_string(InputFormat format) noexcept {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
  }
  return "?";
}

bool looks_like_html(std::string_view text) noexcept {
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  // White space and comments may come first; a page opens within its first few kilobytes.
  constexpr std::size_t kLookAhead = 4096;
  while (i < text.size() && i < kLookAhead) {
    if (detail::is_html_space(text[i])) {
      ++i;
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("<!--")) {
      const std::size_t end = rest.find("-->", 4);
      if (end == rest.npos) return false;
      i += end + 3;
      continue;
    }
    if (rest.starts_with("<?xml")) {  // XHTML's declaration
      const std::size_t end = rest.find("?>");
      if (end == rest.npos) return false;
      i += end + 2;
      continue;
    }
    if (opens_page(rest)) return true;
    // Saved pages may open with a stray tag (a <meta>, a <style>, a server's warning in <b>) and
    // show their <html>, <head> or <body> further on.
    if (rest.size() < 2 || rest[0] != '<' ||
        !(std::isalpha(static_cast<unsigned char>(rest[1])) || rest[1] == '!')) {
      return false;
    }
    const std::string_view window = rest.substr(0, kPageOpeningWindow);
    for (std::size_t at = window.find('<', 1); at != window.npos; at = window.find('<', at + 1)) {
      if (opens_page(window.substr(at))) return true;
    }
    return false;
  }
  return false;
}

void SourceMap::add(Run run) {
  if (!runs_.empty()) {
    Run& last = runs_.back();
    // A run that goes on where the last exact run ended, in text and in source, extends it.
    const std::uint32_t last_size = last.source_end - last.source_begin;
    if (last.exact && run.exact && last.source_end == run.source_begin &&
        last.text_begin + last_size == run.text_begin) {
      last.source_end = run.source_end;
      return;
    }
  }
  runs_.push_back(run);
}

std::uint32_t SourceMap::source_begin(std::uint32_t text_offset) const noexcept {
  auto it = std::upper_bound(runs_.begin(), runs_.end(), text_offset,
                             [](std::uint32_t t, const Run& run) { return t < run.text_begin; });
  if (it == runs_.begin()) return runs_.empty() ? 0 : runs_.front().source_begin;
  const Run& run = *--it;
  if (run.exact) return std::min(run.source_begin + (text_offset - run.text_begin), run.source_end);
  return text_offset == run.text_begin ? run.source_begin : run.source_end;
}

std::uint32_t SourceMap::source_end(std::uint32_t text_offset) const noexcept {
  if (text_offset == 0) return source_begin(0);
  // The run holding the span's last byte.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), text_offset - 1,
                             [](std::uint32_t t, const Run& run) { return t < run.text_begin; });
  if (it == runs_.begin()) return runs_.empty() ? 0 : runs_.front().source_begin;
  const Run& run = *--it;
  if (run.exact) return std::min(run.source_begin + (text_offset - run.text_begin), run.source_end);
  return run.source_end;
}

Span SourceMap::source(Span text_span) const noexcept {
  if (text_span.empty()) {
    const std::uint32_t at = source_begin(text_span.begin);
    return {at, at};
  }
  const std::uint32_t begin = source_begin(text_span.begin);
  return {begin, std::max(begin, source_end(text_span.end))};
}

PageInput read_input(std::string text, InputFormat format) {
  PageInput input;
  input.html =
      format == InputFormat::kHtml || (format == InputFormat::kAuto && looks_like_html(text));
  if (input.html) {
    input.page = read_html(text);
  } else {
    input.page.text = std::move(text);
  }
  return input;
}

HtmlPage read_html(std::string_view html) {
  if (html.size() > kMaxTextBytes) {
    throw InvalidArgument("HTML of " + std::to_string(html.size()) +
                          " bytes exceeds the limit of " + std::to_string(kMaxTextBytes) +
                          " bytes");
  }
  return PageReader(html).read();
}

}  // namespace presslens
