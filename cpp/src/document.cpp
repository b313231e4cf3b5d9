#include "presslens/document.hpp"

#include <utility>

namespace presslens {

Document::Document(std::string text, std::string lang, std::size_t replacements)
    : text_(std::move(text)),
      lang_(std::move(lang)),
      replacements_(replacements),
      offsets_(text_) {}

}  // namespace presslens
