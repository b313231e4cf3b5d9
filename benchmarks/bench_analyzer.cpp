// Throughput of the whole pipeline and of its building blocks, in bytes per second, on about 4 MB
// of news text (news_text.hpp).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "news_text.hpp"
#include "presslens/presslens.hpp"

namespace {

using presslens::bench::news_text;

void BM_ValidateUtf8(benchmark::State& state) {
  const std::string& text = news_text();
  for (auto _ : state) benchmark::DoNotOptimize(presslens::find_invalid_utf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ValidateUtf8);

void BM_OffsetMap(benchmark::State& state) {
  const std::string& text = news_text();
  for (auto _ : state) benchmark::DoNotOptimize(presslens::OffsetMap(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_OffsetMap);

void BM_Paragraphs(benchmark::State& state) {
  const std::string& text = news_text();
  const presslens::ParagraphSplitter splitter;
  for (auto _ : state) benchmark::DoNotOptimize(splitter.split(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Paragraphs);

void BM_Analyze(benchmark::State& state) {
  const std::string& text = news_text();
  const presslens::Analyzer analyzer;
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

// HTML pages: reading alone (text, blocks, metadata, source map), then the analysis up to the
// structure and sentences (tokens off), and everything. Argument 1: the page with 120 KB of inline
// script and style, as saved pages usually carry.
void BM_ReadHtml(benchmark::State& state) {
  const std::string& page = presslens::bench::sample_page(state.range(0) == 1);
  for (auto _ : state) benchmark::DoNotOptimize(presslens::read_html(page));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_ReadHtml)->Arg(0)->Arg(1);

void BM_AnalyzeHtml(benchmark::State& state) {
  const std::string& page = presslens::bench::sample_page(state.range(0) == 1);
  presslens::Options options;
  options.format = presslens::InputFormat::kHtml;
  options.tokens = state.range(1) == 1;
  const presslens::Analyzer analyzer(options);
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(page));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
  state.SetLabel(state.range(1) == 1 ? "every stage" : "structure+sentences");
}
BENCHMARK(BM_AnalyzeHtml)->ArgsProduct({{0, 1}, {0, 1}});

// Language identification of article-sized texts (about 8 KB each: 2 KB of each is read).
void BM_IdentifyLanguage(benchmark::State& state) {
  const auto& articles = presslens::bench::news_articles();
  std::size_t bytes = 0;
  for (const auto article : articles) bytes += article.size();
  const auto& identifier = presslens::LanguageIdentifier::builtin();
  for (auto _ : state) {
    for (const auto article : articles) benchmark::DoNotOptimize(identifier.identify(article));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_IdentifyLanguage)->Unit(benchmark::kMillisecond);

// The pipeline stage by stage: each run adds one stage, so a stage costs the difference.
// 0: structure, paragraphs and sentences; 1: + tokens; 2: + syntax, deferred (the layer is made
// only when read: BM_SyntaxLayer in bench_syntax.cpp times making it); 3: + quotes; 4: + claims
// (everything).
void BM_Stages(benchmark::State& state) {
  const auto& articles = presslens::bench::news_articles();
  std::size_t bytes = 0;
  for (const auto article : articles) bytes += article.size();
  const auto stages = state.range(0);
  presslens::Options options;
  options.tokens = stages >= 1;
  options.syntax = stages >= 2;
  options.quotes = stages >= 3;
  options.claims = stages >= 4;
  const presslens::Analyzer analyzer(options);
  for (auto _ : state) {
    for (const auto article : articles) benchmark::DoNotOptimize(analyzer.analyze(article));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetLabel(std::array{"structure+sentences", "+tokens", "+syntax (unread)", "+quotes",
                            "+claims"}[stages]);
}
BENCHMARK(BM_Stages)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

// The whole pipeline on 1, 10 and 100 MB of news prose in one text: the cost is linear when the
// throughput stays the same.
void BM_Scaling(benchmark::State& state) {
  const std::string& news = news_text();
  std::string text;
  while (text.size() < static_cast<std::size_t>(state.range(0))) text += news;
  text.resize(static_cast<std::size_t>(state.range(0)));
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
  const presslens::Analyzer analyzer;
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Scaling)
    ->Arg(1 << 20)
    ->Arg(10 << 20)
    ->Arg(100 << 20)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// Many article-sized documents on 1, 2, ... threads: analyze_batch's scaling.
void BM_AnalyzeBatch(benchmark::State& state) {
  const auto& articles = presslens::bench::news_articles();
  std::size_t bytes = 0;
  for (const auto article : articles) bytes += article.size();
  const presslens::Analyzer analyzer;
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze_batch(articles, threads));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_AnalyzeBatch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
