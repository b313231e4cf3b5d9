// The benchmark corpus: the bundled sample articles repeated to about 4 MB of news text.
#pragma once

#include <algorithm>
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

}  // namespace presslens::bench
