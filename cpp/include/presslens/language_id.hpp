// Language identification: which language a text is written in, from the letter n-grams of its
// words (naive Bayes over one, two and three letters, on the shared model runtime).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace presslens {

namespace detail {
struct LanguageModel;
}

struct LanguageGuess {
  std::string lang;         // ISO 639-1 code where the language has one ("en", "de", "zh", "fil")
  double confidence = 0.0;  // the model's probability for it, from 0 to 1 (0 for a text without
                            // letters, whose guess is the empty code)
};

// Immutable; serves any number of threads.
class LanguageIdentifier {
 public:
  // The built-in model: 42 languages, learned from the word frequencies of the wordfreq project
  // (docs/language-id.md).
  static const LanguageIdentifier& builtin();

  // A model made by train_language_identifier. Throws LanguagePackError for a corrupt one.
  explicit LanguageIdentifier(std::string_view model);

  // The most likely language of `text` (valid UTF-8). A long text is read in a few windows spread
  // over it (kSampleBytes in all), so a page's menu in another language does not decide, and the
  // cost per text stays bounded.
  LanguageGuess identify(std::string_view text) const;
  // Every language with its probability, most likely first.
  std::vector<LanguageGuess> rank(std::string_view text) const;

  std::span<const std::string> languages() const noexcept;

  static constexpr std::size_t kSampleBytes = 512;

 private:
  std::shared_ptr<const detail::LanguageModel> model_;
};

// Word frequencies of one language: its code and (word, relative frequency) pairs.
using WordFrequencies = std::pair<std::string, std::vector<std::pair<std::string, double>>>;

// Trains a model from word frequencies (each language's n-gram counts are its words' n-grams
// weighted by frequency; add-`smoothing` naive Bayes) and returns its bytes. The same input
// gives the same bytes.
std::string train_language_identifier(const std::vector<WordFrequencies>& languages,
                                      double smoothing = 1.0);

}  // namespace presslens
