// Throughput of the whole pipeline and of its building blocks, in bytes per second, on about 4 MB
// of news text (news_text.hpp).
#include <benchmark/benchmark.h>

#include <algorithm>
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
