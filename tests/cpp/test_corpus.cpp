#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "presslens/analyzer.hpp"
#include "presslens/corpus.hpp"

namespace presslens {
namespace {

const std::vector<std::string> kArticles = {
    "Flood defences failed in the river town. The flood damaged homes.",
    "The council approved new flood defences. Homes will be protected.",
    "A new bridge opened in the river town. Traffic eased.",
    "Energy prices rose again. The council warned of higher bills.",
};

std::string saved(const Corpus& corpus) {
  std::ostringstream out;
  corpus.save(out);
  return out.str();
}

TEST(Corpus, CountsDocumentFrequenciesAndGroups) {
  const Analyzer analyzer;
  Corpus corpus;
  for (std::size_t i = 0; i < kArticles.size(); ++i) {
    const Document doc = analyzer.analyze(kArticles[i]);
    corpus.add(doc, analyzer.keywords(doc), i < 2 ? "2024-05" : "2024-06");
  }
  EXPECT_EQ(corpus.documents(), 4u);
  EXPECT_EQ(corpus.document_frequency("flood"), 2u);
  EXPECT_EQ(corpus.document_frequency("no-such-term"), 0u);
  const auto top = corpus.top(1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].key, "flood");
  EXPECT_EQ(top[0].count, 3u);
  EXPECT_EQ(top[0].text, "Flood");
  EXPECT_EQ(corpus.groups(), (std::vector<std::string>{"2024-05", "2024-06"}));
  EXPECT_EQ(corpus.group_documents("2024-06"), 2u);
  EXPECT_EQ(corpus.top(1, "2024-05")[0].key, "flood");
  EXPECT_TRUE(corpus.top(3, "nope").empty());
  const Document fresh = analyzer.analyze("Flood warnings and a bridge.");
  const auto ranked = corpus.tfidf(fresh, analyzer.keywords(fresh), 10);
  ASSERT_FALSE(ranked.empty());
  EXPECT_GT(ranked.front().score, 0.0);
  EXPECT_THROW(corpus.add(fresh, {}, "bad\ngroup"), InvalidArgument);
}

TEST(Corpus, MergedPartsEqualTheWholeAndBatchEqualsSequential) {
  const Analyzer analyzer;
  std::vector<std::string_view> texts(kArticles.begin(), kArticles.end());
  const std::vector<std::string> groups = {"a", "a", "b", "b"};
  Corpus whole;
  whole.add_texts(analyzer, texts, groups, 1);
  Corpus first, second;
  first.add_texts(analyzer, std::span(texts).first(2), std::span(groups).first(2), 2);
  second.add_texts(analyzer, std::span(texts).last(2), std::span(groups).last(2), 2);
  first.merge(second);
  EXPECT_EQ(saved(first), saved(whole));
  Corpus threaded;
  threaded.add_texts(analyzer, texts, groups, 4);
  EXPECT_EQ(saved(threaded), saved(whole));
}

TEST(Corpus, SavesAndLoadsExactly) {
  const Analyzer analyzer;
  std::vector<std::string_view> texts(kArticles.begin(), kArticles.end());
  Corpus corpus;
  corpus.add_texts(analyzer, texts, std::vector<std::string>{"x", "y", "x", "y"});
  std::istringstream in(saved(corpus));
  const Corpus loaded = Corpus::load(in);
  EXPECT_EQ(saved(loaded), saved(corpus));
  EXPECT_EQ(loaded.documents(), 4u);
  for (const char* bad : {"", "not a corpus\n", "presslens-corpus 1\nterm\tx\t1\tkey\ttext\n",
                          "presslens-corpus 1\nwhat\n", "presslens-corpus 1\ncount\t1\tkey\n"}) {
    std::istringstream broken(bad);
    EXPECT_THROW(Corpus::load(broken), InvalidArgument) << bad;
  }
}

TEST(Corpus, LoadsVersionOneFiles) {
  std::istringstream in(
      "presslens-corpus 1\ndocuments 2\nterm\t2\t3\tflood\tFlood\ngroup\t1\ta\ncount\t3\tflood\n");
  const Corpus corpus = Corpus::load(in);
  ASSERT_EQ(corpus.top(1).size(), 1u);
  EXPECT_EQ(corpus.top(1)[0].text, "Flood");
  EXPECT_EQ(corpus.count("flood", "a"), 3u);
}

// Who is quoted across articles: one speaker's mentions share the surname's key, the label is
// the fullest name most often written, and counts merge and save exactly.
TEST(Corpus, SpeakersAcrossArticles) {
  const Analyzer analyzer;
  const std::vector<std::string_view> texts = {
      "Prime Minister Fumio Kishida visited Osaka. \"We will act,\" Kishida said. \"Soon,\" he "
      "added.",
      "\"The budget is ready,\" Fumio Kishida told reporters.",
      "\"Prices will fall,\" said Ana Ruiz. Police said two men were held.",
      "The \"so-called\" reform stalled."};
  Corpus whole;
  whole.add_texts(analyzer, texts, std::vector<std::string>{"a", "b", "a", "b"});
  const auto top = whole.speakers(10);
  ASSERT_EQ(top.size(), 2u);  // police is named by no one: no speaker to count
  EXPECT_EQ(top[0].key, "kishida");
  EXPECT_EQ(top[0].name, "Fumio Kishida");
  EXPECT_EQ(top[0].type, SpeakerType::kPerson);
  EXPECT_EQ(top[0].quotes, 3u);
  EXPECT_EQ(top[0].documents, 2u);
  EXPECT_EQ(top[1].name, "Ana Ruiz");
  const auto in_b = whole.speakers(10, "b");
  ASSERT_EQ(in_b.size(), 1u);
  EXPECT_EQ(in_b[0].quotes, 1u);
  EXPECT_TRUE(whole.speakers(10, "nowhere").empty());

  Corpus first, second;
  first.add_texts(analyzer, std::span(texts).first(2), std::vector<std::string>{"a", "b"});
  second.add_texts(analyzer, std::span(texts).last(2), std::vector<std::string>{"a", "b"});
  first.merge(second);
  EXPECT_EQ(saved(first), saved(whole));
  std::istringstream in(saved(whole));
  EXPECT_EQ(saved(Corpus::load(in)), saved(whole));
  std::istringstream orphan("presslens-corpus 3\ngroup\t1\ta\nquotes\t1\tnobody\n");
  EXPECT_THROW(Corpus::load(orphan), InvalidArgument);
}

// A term is labelled with its most frequent spelling, whatever order the documents came in.
TEST(Corpus, LabelsAreTheMostFrequentSpelling) {
  const Analyzer analyzer;
  const std::vector<std::string> texts = {
      "Publication of the report was delayed.", "The publications sold well. Publications rose.",
      "Publications rose again. Publications fell later. Publications recovered."};
  Corpus forward, backward;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const Document doc = analyzer.analyze(texts[i]);
    forward.add(doc, analyzer.keywords(doc));
    const Document other = analyzer.analyze(texts[texts.size() - 1 - i]);
    backward.add(other, analyzer.keywords(other));
  }
  ASSERT_FALSE(forward.top(1).empty());
  EXPECT_EQ(forward.top(1)[0].text, "Publications");
  EXPECT_EQ(saved(forward), saved(backward));
}

// Keyness: a term the group says far more often than the rest ranks first with a positive score;
// one said evenly scores about zero.
TEST(Corpus, KeynessFindsWhatDistinguishesAGroup) {
  const Analyzer analyzer;
  Corpus corpus;
  const auto add = [&](const std::string& text, const char* group) {
    const Document doc = analyzer.analyze(text);
    corpus.add(doc, analyzer.keywords(doc, {.min_words = 1, .max_words = 1}), group);
  };
  for (int i = 0; i < 5; ++i) {
    add("The flood hit the town. Flood water rose. Council staff worked.", "spring");
    add("The strike closed the port. Strike talks failed. Council staff worked.", "autumn");
  }
  const auto spring = corpus.keyness("spring", 10);
  ASSERT_FALSE(spring.empty());
  EXPECT_EQ(spring[0].key, "flood");
  EXPECT_GT(spring[0].score, 2.0);
  EXPECT_EQ(spring[0].count, 10u);
  const auto autumn = corpus.keyness("autumn", 1);
  ASSERT_EQ(autumn.size(), 1u);
  EXPECT_EQ(autumn[0].key, "strike");
  for (const auto& term : spring) {
    if (term.key == "council") {
      EXPECT_NEAR(term.score, 0.0, 1e-9);
    }
  }
  EXPECT_TRUE(corpus.keyness("winter", 5).empty());
  EXPECT_EQ(corpus.group_terms("spring"), corpus.group_terms("autumn"));
}

}  // namespace
}  // namespace presslens
