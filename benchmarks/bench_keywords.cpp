// Tokens and keyword counts in bytes per second, and corpus building on 1 and 2 threads.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "news_text.hpp"
#include "presslens/presslens.hpp"

namespace {

using presslens::bench::news_articles;
using presslens::bench::news_text;

// The articles, analysed once, and their total size in bytes.
std::pair<std::vector<presslens::Document>, std::size_t> analysed_articles(
    const presslens::Analyzer& analyzer) {
  std::vector<presslens::Document> documents;
  std::size_t bytes = 0;
  for (const auto article : news_articles()) {
    documents.push_back(analyzer.analyze(article));
    bytes += article.size();
  }
  return {std::move(documents), bytes};
}

void BM_Tokenizer(benchmark::State& state) {
  const std::string& text = news_text();
  const presslens::Tokenizer tokenizer(presslens::LanguagePack::builtin("en"));
  std::vector<presslens::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    tokenizer.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, 0, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenizer)->Unit(benchmark::kMillisecond);

// Counting alone, on documents already analysed.
void BM_KeywordCounts(benchmark::State& state) {
  const presslens::Analyzer analyzer;
  const auto [documents, bytes] = analysed_articles(analyzer);
  for (auto _ : state) {
    for (const auto& doc : documents) benchmark::DoNotOptimize(analyzer.keywords(doc));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_KeywordCounts)->Unit(benchmark::kMillisecond);

// Unigram counts only (what collections.Counter over a regex computes).
void BM_UnigramCounts(benchmark::State& state) {
  const presslens::Analyzer analyzer;
  presslens::KeywordOptions unigrams;
  unigrams.max_words = 1;
  unigrams.names = false;
  const auto [documents, bytes] = analysed_articles(analyzer);
  for (auto _ : state) {
    for (const auto& doc : documents) benchmark::DoNotOptimize(analyzer.keywords(doc, unigrams));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_UnigramCounts)->Unit(benchmark::kMillisecond);

// From raw text to counts: analysis (with tokens) and counting, article by article.
void BM_TokensAndCounts(benchmark::State& state) {
  const presslens::Analyzer analyzer;
  std::size_t bytes = 0;
  for (const auto article : news_articles()) bytes += article.size();
  for (auto _ : state) {
    for (const auto article : news_articles()) {
      benchmark::DoNotOptimize(analyzer.keywords(analyzer.analyze(article)));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_TokensAndCounts)->Unit(benchmark::kMillisecond);

void BM_Keyphrases(benchmark::State& state) {
  const presslens::Analyzer analyzer;
  const auto [documents, bytes] = analysed_articles(analyzer);
  for (auto _ : state) {
    for (const auto& doc : documents) benchmark::DoNotOptimize(analyzer.keyphrases(doc, 10));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Keyphrases)->Unit(benchmark::kMillisecond);

void BM_CorpusBuild(benchmark::State& state) {
  const presslens::Analyzer analyzer;
  const auto& articles = news_articles();
  std::size_t bytes = 0;
  for (const auto article : articles) bytes += article.size();
  for (auto _ : state) {
    presslens::Corpus corpus;
    corpus.add_texts(analyzer, articles, {}, static_cast<unsigned>(state.range(0)));
    benchmark::DoNotOptimize(corpus.documents());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_CorpusBuild)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Counting only, as the Python Corpus(counting_only=True) does it: structure, sentences and
// tokens, then unigram counts; no syntax, quotes or claims.
void BM_CorpusCounting(benchmark::State& state) {
  presslens::Options options;
  options.syntax = false;
  options.quotes = false;
  options.claims = false;
  const presslens::Analyzer analyzer(options);
  presslens::KeywordOptions unigrams;
  unigrams.max_words = 1;
  const auto& articles = news_articles();
  std::size_t bytes = 0;
  for (const auto article : articles) bytes += article.size();
  for (auto _ : state) {
    presslens::Corpus corpus;
    corpus.add_texts(analyzer, articles, {}, static_cast<unsigned>(state.range(0)), unigrams);
    benchmark::DoNotOptimize(corpus.documents());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_CorpusCounting)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
