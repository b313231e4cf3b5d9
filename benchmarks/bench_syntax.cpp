// Throughput of the syntax stage in words per second, step by step (tagging, morphology,
// lemmas, parsing, labelling) on the sentences of about 4 MB of news text (news_text.hpp), and
// the whole layer as the analyzer makes it from a document.
#include <benchmark/benchmark.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "detail/dependency_parser.hpp"
#include "detail/lemmatizer.hpp"
#include "detail/sentence_syntax.hpp"
#include "detail/syntax_model.hpp"
#include "detail/tagger.hpp"
#include "news_text.hpp"
#include "presslens/presslens.hpp"

namespace {

using namespace presslens;

// The news text's sentences as the syntax stage sees them: lists of word forms.
struct Corpus {
  Document document;
  std::vector<std::vector<std::string_view>> sentences;
  std::size_t words = 0;
};

const Corpus& corpus() {
  static const Corpus corpus = [] {
    Corpus c;
    Options options;
    options.quotes = options.claims = false;
    c.document = Analyzer(options).analyze(bench::news_text());
    const Syntax& syntax = c.document.syntax();
    std::uint32_t last = 0;
    for (const Word& w : syntax.words) {
      if (c.sentences.empty() || w.sentence != last) c.sentences.emplace_back();
      last = w.sentence;
      c.sentences.back().push_back(syntax.form(w));
      ++c.words;
    }
    return c;
  }();
  return corpus;
}

const detail::SyntaxModel& english_model() {
  static const auto model =
      detail::SyntaxModel::read(LanguagePack::builtin("en").model("syntax"), "en/syntax.model");
  return *model;
}

// Runs the steps up to `last` (0 tag, 1 + morphology, 2 + lemmas, 3 + parse, 4 + labels) over
// every sentence.
void BM_SyntaxSteps(benchmark::State& state) {
  const Corpus& c = corpus();
  const detail::SyntaxModel& model = english_model();
  detail::SentenceSyntax sentence;
  detail::ArcHybridState transitions;
  detail::DependentIndex dependents;
  std::string lemma;
  const auto last = state.range(0);
  for (auto _ : state) {
    for (const auto& words : c.sentences) {
      sentence.reset(words);
      detail::tag_sentence(model, sentence);
      if (last >= 1) detail::analyse_morphology(model, sentence);
      if (last >= 2) {
        for (std::size_t i = 0; i < sentence.size(); ++i)
          detail::lemmatize(model, sentence, i, lemma);
      }
      if (last >= 3) detail::parse_sentence(model, sentence, transitions);
      if (last >= 4) detail::label_sentence(model, sentence, dependents);
      benchmark::DoNotOptimize(sentence.tags.data());
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.words),
                                                 benchmark::Counter::kIsRate);
  state.SetLabel(std::array{"tag", "+morphology", "+lemmas", "+parse", "+labels"}[last]);
}
BENCHMARK(BM_SyntaxSteps)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

// Only the parser and the labeller, on tags already made.
void BM_ParseOnly(benchmark::State& state) {
  const Corpus& c = corpus();
  const detail::SyntaxModel& model = english_model();
  std::vector<detail::SentenceSyntax> tagged(c.sentences.size());
  for (std::size_t s = 0; s < c.sentences.size(); ++s) {
    tagged[s].reset(c.sentences[s]);
    detail::tag_sentence(model, tagged[s]);
    detail::analyse_morphology(model, tagged[s]);
  }
  detail::ArcHybridState transitions;
  for (auto _ : state) {
    for (auto& sentence : tagged) detail::parse_sentence(model, sentence, transitions);
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.words),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

// The syntax layer of a whole document, from its tokens (word splitting, strings, phrases).
void BM_SyntaxLayer(benchmark::State& state) {
  const Corpus& c = corpus();
  const SyntaxParser parser(LanguagePack::builtin("en"));
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse(c.document));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.words),
                                                 benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.document.text().size()));
}
BENCHMARK(BM_SyntaxLayer)->Unit(benchmark::kMillisecond);

}  // namespace
