#include "detail/icu_locale.hpp"

#include <string>

namespace presslens::detail {

icu::Locale icu_locale(const LanguagePack& language) {
  std::string tag = language.code();
  for (char& c : tag) {
    if (c == '_') c = '-';
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  return U_SUCCESS(status) ? locale : icu::Locale(language.language().c_str());
}

}  // namespace presslens::detail
