// ICU locales from BCP 47 codes.
#pragma once

#include <unicode/locid.h>

#include <string_view>

#include "presslens/language.hpp"

namespace presslens::detail {

// The ICU locale of a language pack's code (its code was validated when the pack was made).
icu::Locale icu_locale(const LanguagePack& language);

}  // namespace presslens::detail
