// Language packs: the per-language word lists (abbreviations, and later stopwords, speech verbs,
// hedges, ...) that the stages read. Built-in packs are compiled into the library from
// cpp/data/<lang>/<list>.txt; a user can replace any list from their own file or entries.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

// The largest lexicon file presslens reads; a bigger one is refused rather than loaded.
inline constexpr std::size_t kMaxLexiconBytes = 64u << 20;

// Parses the lexicon format: UTF-8, one entry per line, surrounding white space trimmed, blank
// lines and lines starting with '#' skipped. `source` names the input in error messages.
// Throws LanguagePackError on ill-formed UTF-8 or an oversized input.
std::vector<std::string> parse_lexicon(std::string_view contents, std::string_view source);

class LanguagePack {
 public:
  // The built-in pack for a BCP 47 code such as "en", "fr" or "zh-Hant". A code whose primary
  // language has no built-in data gives an empty pack (ICU's rules for that locale still apply).
  // Throws InvalidArgument for a malformed code.
  static LanguagePack builtin(std::string_view code);
  // The languages with built-in data, sorted.
  static std::vector<std::string> builtin_languages();

  // Replaces the list `name` with `entries`.
  void set_list(std::string_view name, std::vector<std::string> entries);
  // Replaces the list `name` with the contents of a lexicon file.
  void load_list(std::string_view name, const std::filesystem::path& file);
  // Replaces the binary model `name` (e.g. "syntax") with the contents of a model file.
  void load_model(std::string_view name, const std::filesystem::path& file);
  // Replaces the binary model `name` with `bytes` (a model file's contents, e.g. a trainer's).
  void set_model(std::string_view name, std::string bytes);
  // Replaces each list by the file `<name>.txt` and each model by the file `<name>.model` of that
  // name in `directory`, where one exists.
  void load_directory(const std::filesystem::path& directory);

  // The BCP 47 code the pack was asked for, e.g. "en-GB".
  const std::string& code() const noexcept { return code_; }
  // The primary language subtag, lower-case, e.g. "en".
  const std::string& language() const noexcept { return language_; }
  bool has_builtin_data() const noexcept { return has_builtin_data_; }
  // The entries of list `name`, empty when the pack has no such list.
  const std::vector<std::string>& list(std::string_view name) const;
  std::vector<std::string> list_names() const;
  bool has_model(std::string_view name) const { return models_.contains(name); }
  // The bytes of model `name` (cpp/data/<lang>/<name>.model), empty when the pack has none.
  std::string_view model(std::string_view name) const;
  // Whether model `name` is the built-in one, not a user's file.
  bool is_builtin_model(std::string_view name) const;

 private:
  std::string code_;
  std::string language_;
  bool has_builtin_data_ = false;
  // Lists are immutable once made and shared: built-in lists are parsed once per process, and
  // copying a pack copies pointers, not entries.
  std::map<std::string, std::shared_ptr<const std::vector<std::string>>, std::less<>> lists_;
  // Models: built-in ones point into the library's data; a user's own file is held here.
  struct Model {
    std::string_view bytes;
    std::shared_ptr<const std::string> owned;
  };
  std::map<std::string, Model, std::less<>> models_;
};

}  // namespace presslens
