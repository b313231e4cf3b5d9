// The benchmark corpus: the bundled sample articles repeated to about 4 MB of news text.
#pragma once

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace presslens::bench {

inline const std::string& news_text() {
  static const std::string text = [] {
    std::string samples;
    for (const auto& entry : std::filesystem::directory_iterator(PRESSLENS_SAMPLE_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream file(entry.path(), std::ios::binary);
      std::stringstream contents;
      contents << file.rdbuf();
      samples += contents.str() + "\n\n";
    }
    std::string text;
    while (text.size() < (4u << 20)) text += samples;
    return text;
  }();
  return text;
}

// The same text cut into article-sized pieces (about 8 KB, at line breaks).
inline const std::vector<std::string_view>& news_articles() {
  static const std::vector<std::string_view> articles = [] {
    const std::string& text = news_text();
    std::vector<std::string_view> pieces;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t cut = std::min(text.find('\n', at + 8192), text.size());
      pieces.push_back(std::string_view(text).substr(at, cut - at));
      at = cut;
    }
    return pieces;
  }();
  return articles;
}

// The bundled web page (a news article page with its chrome, about 5 KB); with `heavy`, as saved
// pages usually are, with about 120 KB of inline script and style in its head.
inline const std::string& sample_page(bool heavy) {
  static const std::array<std::string, 2> pages = [] {
    std::ifstream file(std::filesystem::path(PRESSLENS_SAMPLE_DIR) / "coast-courier-page.html",
                       std::ios::binary);
    std::stringstream contents;
    contents << file.rdbuf();
    const std::string page = contents.str();
    std::string head = "<style>";
    while (head.size() < 30'000) head += ".story-card__title { font: 600 1.1rem/1.3 serif; }\n";
    head += "</style><script>";
    while (head.size() < 120'000) head += "window.ads.push({slot: 'top', sizes: [[300, 250]]});\n";
    head += "</script>";
    std::string heavy_page = page;
    heavy_page.insert(heavy_page.find("</head>"), head);
    return std::array<std::string, 2>{page, heavy_page};
  }();
  return pages[heavy ? 1 : 0];
}

}  // namespace presslens::bench
