// Training the cue model (quotes.hpp, detail/cue_model.hpp): the lexicon from the annotated cues,
// then every report the rules read from a listed verb or a lexicon word, as the quote stage reads
// it, positive when its words are those of an annotated attribution (benchmarks/eval_quotes.py's
// matching rule); an averaged perceptron over them, calibrated on the margins of folds it was not
// trained on.
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "detail/binary_training.hpp"
#include "detail/cue_model.hpp"
#include "detail/quote_resources.hpp"
#include "detail/utf8.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/error.hpp"
#include "presslens/quotes.hpp"
#include "presslens/text.hpp"

namespace presslens {
namespace {

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// The evaluation's trimming: white space, quotation marks and , . ; : ! ? dashes at either end.
bool trimmed_away(UChar32 c) {
  return detail::is_trimmable_space(c) || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) ||
         (c < 0x80 &&
          std::string_view(",.;:!?-").find(static_cast<char>(c)) != std::string_view::npos) ||
         c == 0x2014 || c == 0x2013;
}

Span trimmed(std::string_view text, Span span) {
  while (span.begin < span.end && trimmed_away(detail::code_point_at(text, span.begin).value)) {
    span.begin += detail::code_point_at(text, span.begin).size;
  }
  while (span.end > span.begin && trimmed_away(detail::code_point_before(text, span.end).value)) {
    span.end -= detail::code_point_before(text, span.end).size;
  }
  return span;
}

// Whether a report's words are those of an annotated attribution: their overlap is at least half
// their union, as benchmarks/eval_quotes.py matches (in bytes here, in code points there).
bool matches(std::string_view text, Span report, std::span<const Span> annotated) {
  const Span r = trimmed(text, report);
  return std::any_of(annotated.begin(), annotated.end(), [&](Span a) {
    a = trimmed(text, a);
    const std::uint32_t overlap = std::min(r.end, a.end) > std::max(r.begin, a.begin)
                                      ? std::min(r.end, a.end) - std::max(r.begin, a.begin)
                                      : 0;
    const std::uint32_t joined = std::max(r.end, a.end) - std::min(r.begin, a.begin);
    return joined > 0 && 2 * overlap >= joined;
  });
}

// The words the lists lack that annotators marked as cues often enough, and in a large enough
// share of their occurrences, sorted. Function words (stopwords, determiners, pronouns, days)
// never join: a cue is a word that says something ("endorsed"), not "to" of "wants to".
std::vector<std::string> learn_lexicon(std::span<const CueExample> examples,
                                       std::span<const Document> documents,
                                       const detail::QuoteResources& lists,
                                       const CueTrainingOptions& options) {
  std::map<std::string, std::pair<std::uint32_t, std::uint32_t>, std::less<>> counts;  // cue, all
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (examples[d].fold == options.leave_out) continue;
    const Document& document = documents[d];
    for (const Token& token : document.tokens()) {
      if (token.kind != TokenKind::kWord) continue;
      auto& [cue, all] = counts[document.key(token)];
      ++all;
      cue += std::any_of(examples[d].cues.begin(), examples[d].cues.end(),
                         [&](Span c) { return overlaps(c, token.span); })
                 ? 1
                 : 0;
    }
  }
  std::vector<std::string> lexicon;
  for (const auto& [word, count] : counts) {
    const auto listed = lists.word_classes.find(word);
    constexpr std::uint32_t kNoCue =
        detail::kSpeechVerbForm | detail::kAccordingStart | detail::kStopword |
        detail::kDeterminer | detail::kPronoun | detail::kUnresolvedPronoun | detail::kRelative |
        detail::kComplementiser | detail::kAuxiliary | detail::kCoordinator | detail::kDateName;
    if (listed != lists.word_classes.end() && (listed->second & kNoCue)) continue;
    if (count.first >= options.min_cues &&
        static_cast<float>(count.first) >=
            options.min_cue_share * static_cast<float>(count.second)) {
      lexicon.push_back(word);
    }
  }
  return lexicon;
}

}  // namespace

CueTraining train_cue_model(std::span<const CueExample> examples,
                            const CueTrainingOptions& options) {
  if (examples.empty()) throw InvalidArgument("no examples to train the cue model on");
  std::set<std::uint32_t> folds;
  for (const CueExample& example : examples) {
    if (example.lang != examples[0].lang) {
      throw InvalidArgument("a cue model is trained on one language; got '" + example.lang +
                            "' and '" + examples[0].lang + "'");
    }
    if (example.fold != options.leave_out) folds.insert(example.fold);
  }
  if (folds.size() < 2) throw InvalidArgument("the calibration needs at least two folds");
  Options analysis;
  analysis.lang = examples[0].lang;
  analysis.quotes = false;
  analysis.claims = false;
  analysis.syntax = false;
  const Analyzer analyzer(analysis);
  std::vector<Document> documents;
  documents.reserve(examples.size());
  for (const CueExample& example : examples) {
    // Replacing invalid UTF-8 would move the annotated spans.
    if (const auto error = find_invalid_utf8(example.text)) throw InvalidUtf8(*error);
    documents.push_back(analyzer.analyze(example.text));
    for (const auto* spans : {&example.cues, &example.reports}) {
      for (const Span span : *spans) {
        if (span.begin > span.end || span.end > documents.back().text().size()) {
          throw InvalidArgument("a cue or report span outside its text");
        }
      }
    }
  }
  LanguagePack pack = analyzer.language();
  const detail::QuoteResources lists(pack);
  const std::vector<std::string> lexicon = learn_lexicon(examples, documents, lists, options);
  detail::SparseRows none;
  none.width = 2;
  // A model that reads every candidate and takes every report, so that each is recorded.
  pack.set_model("cues", detail::CueModel::serialise(none, 1, 0, lexicon, 0, 0));
  const QuoteFinder finder(pack, Tokenizer(pack));

  CueTraining result;
  result.lexicon = lexicon;
  std::vector<detail::BinaryExample> all;
  std::vector<std::uint64_t> features;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (examples[d].fold == options.leave_out) continue;
    ++result.documents;
    for (const detail::CueCandidate& candidate : finder.cue_candidates(documents[d])) {
      features.clear();
      detail::cue_features(candidate.cues, features);
      const bool positive = matches(documents[d].text(), candidate.report, examples[d].reports);
      all.push_back({features, positive, examples[d].fold, true});
      result.positives += positive ? 1 : 0;
    }
  }
  result.candidates = all.size();
  if (result.positives == 0) throw InvalidArgument("no candidate word lies in an annotated cue");

  const detail::BinaryTrainingOptions binary{options.epochs, options.seed, 1};
  std::vector<std::pair<float, bool>> margins;
  for (const std::uint32_t fold : folds) {
    const detail::LinearModel model(detail::train_binary(all, fold, binary));
    for (const detail::BinaryExample& example : all) {
      if (example.fold == fold) {
        margins.emplace_back(detail::binary_margin(model, example.features), example.positive);
      }
    }
  }
  const auto [slope, intercept] = detail::fit_logistic(margins);
  double log_loss = 0;
  std::size_t accepted = 0, right = 0;
  for (const auto& [margin, positive] : margins) {
    const double p =
        detail::logistic(static_cast<float>(slope), static_cast<float>(intercept), margin);
    log_loss -= std::log(std::clamp(positive ? p : 1 - p, 1e-6, 1.0));
    if (p >= options.accept) {
      ++accepted;
      right += positive ? 1 : 0;
    }
  }
  result.cv_log_loss = log_loss / static_cast<double>(std::max<std::size_t>(1, margins.size()));
  result.cv_precision =
      static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(1, accepted));
  result.cv_recall = static_cast<double>(right) / static_cast<double>(result.positives);
  result.model = detail::CueModel::serialise(
      detail::train_binary(all, detail::kAllFolds, binary), static_cast<float>(slope),
      static_cast<float>(intercept), lexicon, options.accept, options.veto);
  return result;
}

}  // namespace presslens
