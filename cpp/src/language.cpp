#include "presslens/language.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "detail/embedded_files.hpp"
#include "presslens/error.hpp"
#include "presslens/text.hpp"

namespace presslens {
namespace {

// cpp/data/mul/ holds data for every language (ISO 639 "mul": multiple languages), such as the
// language identifier's model; it is not a language pack.
constexpr std::string_view kMultilingual = "mul";

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

// The lower-cased primary subtag of a well-formed BCP 47 code; throws InvalidArgument otherwise.
// Only letters, digits and separators pass, so a code can never name a path.
std::string primary_language(std::string_view code) {
  const auto fail = [&] {
    throw InvalidArgument("malformed language code '" + std::string(code) +
                          "': expected a BCP 47 tag such as 'en', 'fr' or 'zh-Hant'");
  };
  if (code.empty() || code.size() > 35) fail();
  std::size_t primary_end = 0;
  while (primary_end < code.size() && is_ascii_alpha(code[primary_end])) ++primary_end;
  if (primary_end < 2 || primary_end > 3) fail();
  // Each further subtag: a separator, then one to eight letters or digits.
  for (std::size_t i = primary_end; i < code.size();) {
    if (code[i] != '-' && code[i] != '_') fail();
    const std::size_t subtag_start = ++i;
    while (i < code.size() && is_ascii_alnum(code[i])) ++i;
    if (i == subtag_start || i - subtag_start > 8) fail();
  }
  std::string language(code.substr(0, primary_end));
  std::transform(language.begin(), language.end(), language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return language;
}

void check_list_name(std::string_view name) {
  const bool ok =
      !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  if (!ok) {
    throw InvalidArgument("malformed lexicon name '" + std::string(name) +
                          "': use lower-case letters, digits and '_'");
  }
}

std::string_view trim(std::string_view line) {
  constexpr std::string_view kSpace = " \t\r\f\v";
  const std::size_t first = line.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return line.substr(first, line.find_last_not_of(kSpace) - first + 1);
}

std::string read_file(const std::filesystem::path& file) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (error || !std::filesystem::is_regular_file(status)) {
    throw LanguagePackError("cannot read language-pack file '" + file.string() +
                            "': not a regular file");
  }
  const auto size = std::filesystem::file_size(file, error);
  if (error || size > kMaxLexiconBytes) {
    throw LanguagePackError("language-pack file '" + file.string() + "' is larger than " +
                            std::to_string(kMaxLexiconBytes) + " bytes");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in && !in.eof())
    throw LanguagePackError("cannot read language-pack file '" + file.string() + "'");
  return std::move(contents).str();
}

}  // namespace

std::vector<std::string> parse_lexicon(std::string_view contents, std::string_view source) {
  if (contents.size() > kMaxLexiconBytes) {
    throw LanguagePackError("lexicon '" + std::string(source) + "' is larger than " +
                            std::to_string(kMaxLexiconBytes) + " bytes");
  }
  if (const auto bad = find_invalid_utf8(contents)) {
    const auto line = std::count(contents.begin(), contents.begin() + bad->byte_offset, '\n') + 1;
    throw LanguagePackError("lexicon '" + std::string(source) + "', line " + std::to_string(line) +
                            ": invalid UTF-8 (" + to_string(bad->fault) + ")");
  }
  std::vector<std::string> entries;
  std::size_t start = 0;
  while (start < contents.size()) {
    std::size_t end = contents.find('\n', start);
    if (end == std::string_view::npos) end = contents.size();
    const std::string_view entry = trim(contents.substr(start, end - start));
    if (!entry.empty() && entry.front() != '#') entries.emplace_back(entry);
    start = end + 1;
  }
  return entries;
}

namespace {

// A built-in list, parsed the first time any pack asks for it (the embedded text never changes):
// analyzers made one after another share their lists instead of parsing them again.
std::shared_ptr<const std::vector<std::string>> builtin_list(const detail::EmbeddedFile& file) {
  static std::mutex mutex;
  static std::map<std::string_view, std::shared_ptr<const std::vector<std::string>>> parsed;
  const std::lock_guard lock(mutex);
  auto& list = parsed[file.path];
  if (!list) {
    list =
        std::make_shared<const std::vector<std::string>>(parse_lexicon(file.contents, file.path));
  }
  return list;
}

}  // namespace

LanguagePack LanguagePack::builtin(std::string_view code) {
  LanguagePack pack;
  pack.language_ = primary_language(code);
  pack.code_ = std::string(code);
  const std::string prefix = pack.language_ + "/";
  for (const auto& file : detail::embedded_files()) {
    if (!file.path.starts_with(prefix)) continue;
    std::string_view name = file.path.substr(prefix.size());
    if (name.ends_with(".txt")) {
      name.remove_suffix(4);
      pack.lists_[std::string(name)] = builtin_list(file);
    } else if (name.ends_with(".model")) {
      name.remove_suffix(6);
      pack.models_[std::string(name)] = {file.contents, nullptr};
    }
    pack.has_builtin_data_ = true;
  }
  // Lists for every language (given names) serve each pack that has none of its own.
  const std::string multilingual = std::string(kMultilingual) + "/";
  for (const auto& file : detail::embedded_files()) {
    if (!file.path.starts_with(multilingual) || !file.path.ends_with(".txt")) continue;
    std::string_view name = file.path.substr(multilingual.size());
    name.remove_suffix(4);
    pack.lists_.try_emplace(std::string(name), builtin_list(file));
  }
  return pack;
}

std::vector<std::string> LanguagePack::builtin_languages() {
  std::vector<std::string> languages;
  for (const auto& file : detail::embedded_files()) {
    std::string language(file.path.substr(0, file.path.find('/')));
    if (language == kMultilingual) continue;  // data for every language, not a pack
    if (languages.empty() || languages.back() != language) languages.push_back(language);
  }
  return languages;
}

void LanguagePack::set_list(std::string_view name, std::vector<std::string> entries) {
  check_list_name(name);
  lists_[std::string(name)] = std::make_shared<const std::vector<std::string>>(std::move(entries));
}

void LanguagePack::load_list(std::string_view name, const std::filesystem::path& file) {
  check_list_name(name);
  set_list(name, parse_lexicon(read_file(file), file.string()));
}

void LanguagePack::load_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw LanguagePackError("language-pack directory '" + directory.string() + "' does not exist");
  }
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().extension() == ".txt") load_list(entry.path().stem().string(), entry.path());
    if (entry.path().extension() == ".model") {
      load_model(entry.path().stem().string(), entry.path());
    }
  }
}

void LanguagePack::load_model(std::string_view name, const std::filesystem::path& file) {
  set_model(name, read_file(file));
}

void LanguagePack::set_model(std::string_view name, std::string bytes) {
  check_list_name(name);
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  models_[std::string(name)] = {*owned, owned};
}

std::string_view LanguagePack::model(std::string_view name) const {
  const auto found = models_.find(name);
  return found == models_.end() ? std::string_view() : found->second.bytes;
}

bool LanguagePack::is_builtin_model(std::string_view name) const {
  const auto found = models_.find(name);
  return found != models_.end() && !found->second.owned;
}

const std::vector<std::string>& LanguagePack::list(std::string_view name) const {
  static const std::vector<std::string> kEmpty;
  const auto found = lists_.find(name);
  return found == lists_.end() ? kEmpty : *found->second;
}

std::vector<std::string> LanguagePack::list_names() const {
  std::vector<std::string> names;
  for (const auto& [name, entries] : lists_) names.push_back(name);
  return names;
}

}  // namespace presslens
