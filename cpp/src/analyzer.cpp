#include "presslens/analyzer.hpp"

#include <map>
#include <mutex>
#include <utility>

#include "detail/flat_index.hpp"
#include "detail/parallel.hpp"

namespace presslens {
namespace {

// "und" (undetermined): ICU's root rules and no lists, for an analyzer that only dispatches.
constexpr std::string_view kUndetermined = "und";

LanguagePack load_language(const Options& options) {
  if (options.lang == kAutoLanguage && !options.pack_dir.empty()) {
    throw InvalidArgument(
        "a pack folder holds one language's lists: give the language, not 'auto'");
  }
  LanguagePack language =
      LanguagePack::builtin(options.lang == kAutoLanguage ? kUndetermined : options.lang);
  if (!options.pack_dir.empty()) language.load_directory(options.pack_dir);
  return language;
}

void check_size(std::size_t size) {
  if (size > kMaxTextBytes) {
    throw InvalidArgument("text of " + std::to_string(size) + " bytes exceeds the limit of " +
                          std::to_string(kMaxTextBytes) + " bytes");
  }
}

}  // namespace

// The analyzers of the languages an automatic analyzer met, made on first need and kept.
class Analyzer::LanguageAnalyzers {
 public:
  explicit LanguageAnalyzers(Options options) : options_(std::move(options)) {}

  const Analyzer& get(std::string_view lang) {
    const std::lock_guard lock(mutex_);
    auto found = analyzers_.find(lang);
    if (found == analyzers_.end()) {
      Options options = options_;
      options.lang = std::string(lang);
      found =
          analyzers_.emplace(std::string(lang), std::make_unique<const Analyzer>(options)).first;
    }
    return *found->second;
  }

 private:
  Options options_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<const Analyzer>, std::less<>> analyzers_;
};

Analyzer::Analyzer(Options options)
    : options_(std::move(options)),
      language_(load_language(options_)),
      structure_(language_),
      sentences_(language_),
      tokenizer_(language_),
      syntax_(language_),
      quotes_(language_, tokenizer_),
      claims_(language_, tokenizer_),
      keywords_(language_, tokenizer_) {
  if (options_.lang == kAutoLanguage) {
    by_language_ = std::make_shared<LanguageAnalyzers>(options_);
  }
}

const Analyzer& Analyzer::for_language(std::string_view lang) const {
  if (!by_language_ || lang == options_.lang) return *this;
  return by_language_->get(lang.empty() ? kUndetermined : lang);
}

Document Analyzer::analyze(std::string_view text) const {
  check_size(text.size());
  std::string owned;
  std::size_t replacements = 0;
  if (const auto error = find_invalid_utf8(text)) {
    if (options_.utf8_policy == Utf8Policy::kStrict) throw InvalidUtf8(*error);
    RepairedText repaired = replace_invalid_utf8(text);
    check_size(repaired.text.size());
    owned = std::move(repaired.text);
    replacements = repaired.replacements;
  } else {
    owned.assign(text);
  }

  PageInput input = read_input(std::move(owned), options_.format);
  std::optional<double> confidence;
  const Analyzer* analyzer = this;
  if (by_language_) {
    const LanguageGuess guess = LanguageIdentifier::builtin().identify(input.page.text);
    analyzer = &for_language(guess.lang);
    confidence = guess.confidence;
  }
  return analyzer->read(std::move(input), replacements, confidence);
}

Document Analyzer::read(PageInput input, std::size_t replacements,
                        std::optional<double> lang_confidence) const {
  const bool html = input.html;
  HtmlPage& page = input.page;
  Document document(std::move(page.text), options_.lang, replacements);
  document.lang_confidence_ = lang_confidence;
  if (html) {
    document.html_ = std::make_shared<const HtmlSource>(
        HtmlSource{std::move(page.metadata), std::move(page.source_map)});
  }
  document.paragraphs_ = paragraphs_.split(document.text(), input.join_wrapped());
  document.structure_ = options_.detect_structure
                            ? structure_.parse(document.text(), document.paragraphs_, page.blocks,
                                               html ? &document.html_->metadata : nullptr)
                            : Structure::all_body(document.paragraphs_.size());
  document.sentences_ =
      sentences_.split(document.text(), document.paragraphs_, document.structure_.body);
  if (!options_.tokens) return document;
  if (document.structure_.title) {
    tokenizer_.tokenize(document.text(), *document.structure_.title, kNoSentence, document.tokens_);
  }
  for (std::uint32_t i = 0; i < document.sentences_.size(); ++i) {
    tokenizer_.tokenize(document.text(), document.sentences_[i].span, i, document.tokens_);
  }
  key_tokens(document);
  if (options_.syntax && syntax_.available()) {
    document.defer_syntax(syntax_);
  }
  if (options_.quotes) {
    document.quotes_ = quotes_.find(document, options_.syntax ? &syntax_ : nullptr);
  }
  if (options_.claims) {
    document.claims_ = claims_.score(document, options_.syntax ? &syntax_ : nullptr);
  }
  return document;
}

// Keys every distinct token text once: quotes, claims and keywords all ask for keys, and keying
// (NFKC, case folding) costs more than looking a form up.
void Analyzer::key_tokens(Document& document) const {
  detail::FlatIndex<std::string_view> forms;
  for (Token& token : document.tokens_) {
    const std::string_view text = document.text(token.span);
    const auto [number, added] = forms.insert(text, detail::fnv1a(text));
    if (added) document.keys_.push_back(tokenizer_.key(text));
    token.key = number;
  }
}

std::vector<Document> Analyzer::analyze_batch(std::span<const std::string_view> texts,
                                              unsigned threads) const {
  std::vector<Document> documents(texts.size());
  detail::parallel_for(texts.size(), threads,
                       [&](std::size_t i) { documents[i] = analyze(texts[i]); });
  return documents;
}

}  // namespace presslens
