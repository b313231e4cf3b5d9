// The benchmark corpus: the bundled sample articles repeated to about 4 MB of news text.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

}  // namespace presslens::bench
