// Sentence splitting, side by side with ICU's plain sentence BreakIterator on the same text, and
// the splitter's cost on pathological inputs of growing size (it must stay linear).
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

#include "news_text.hpp"
#include "presslens/presslens.hpp"

namespace {

using presslens::bench::news_text;

void BM_SentenceSplitter(benchmark::State& state) {
  const std::string& text = news_text();
  const auto paragraphs = presslens::ParagraphSplitter().split(text);
  const presslens::SentenceSplitter splitter(presslens::LanguagePack::builtin("en"));
  for (auto _ : state) benchmark::DoNotOptimize(splitter.split(text, paragraphs));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SentenceSplitter)->Unit(benchmark::kMillisecond);

// Paragraphs and sentences together: what presslens does that ICU's iterator alone does not.
void BM_ParagraphsAndSentences(benchmark::State& state) {
  const std::string& text = news_text();
  const presslens::ParagraphSplitter paragraphs;
  const presslens::SentenceSplitter splitter(presslens::LanguagePack::builtin("en"));
  for (auto _ : state) benchmark::DoNotOptimize(splitter.split(text, paragraphs.split(text)));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParagraphsAndSentences)->Unit(benchmark::kMillisecond);

std::unique_ptr<icu::BreakIterator> icu_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return iterator;
}

// ICU on UTF-16, its native form (the conversion from UTF-8 is not timed: ICU's best case).
void BM_IcuSentenceIteratorUtf16(benchmark::State& state) {
  const std::string& text = news_text();
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text);
  auto iterator = icu_sentence_iterator();
  for (auto _ : state) {
    iterator->setText(utf16);
    int32_t count = 0;
    for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next())
      ++count;
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IcuSentenceIteratorUtf16)->Unit(benchmark::kMillisecond);

// ICU straight on the UTF-8 bytes through a UText, as a UTF-8 library would call it.
void BM_IcuSentenceIteratorUtf8(benchmark::State& state) {
  const std::string& text = news_text();
  auto iterator = icu_sentence_iterator();
  for (auto _ : state) {
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    iterator->setText(&utext, status);
    int32_t count = 0;
    for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next())
      ++count;
    utext_close(&utext);
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IcuSentenceIteratorUtf8)->Unit(benchmark::kMillisecond);

// Pathological inputs at 1, 10 and 100 MB: time per byte must not grow with the size.
void run_pathological(benchmark::State& state, const std::string& text) {
  const presslens::Analyzer analyzer;
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_NoPunctuation(benchmark::State& state) {
  std::string text;
  const std::string words = "words without any punctuation at all ";
  while (text.size() < static_cast<std::size_t>(state.range(0))) text += words;
  run_pathological(state, text);
}
BENCHMARK(BM_NoPunctuation)
    ->Arg(1 << 20)
    ->Arg(10 << 20)
    ->Arg(100 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_OnlyPeriods(benchmark::State& state) {
  run_pathological(state, std::string(static_cast<std::size_t>(state.range(0)), '.'));
}
BENCHMARK(BM_OnlyPeriods)
    ->Arg(1 << 20)
    ->Arg(10 << 20)
    ->Arg(100 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_SpacedPeriods(benchmark::State& state) {
  std::string text;
  while (text.size() < static_cast<std::size_t>(state.range(0))) text += "Mr. . 1. a) :) ";
  run_pathological(state, text);
}
BENCHMARK(BM_SpacedPeriods)->Arg(1 << 20)->Arg(10 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
