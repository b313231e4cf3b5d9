#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "presslens/analyzer.hpp"
#include "presslens/syntax.hpp"

namespace presslens {
namespace {

// (form, pos, lemma, relation, head form) of each word, for compact expectations.
struct Row {
  std::string form, pos, lemma, relation, head;
  friend bool operator==(const Row&, const Row&) = default;
};

std::ostream& operator<<(std::ostream& out, const Row& r) {
  return out << r.form << "/" << r.pos << "/" << r.lemma << "/" << r.relation << "->" << r.head;
}

std::vector<Row> rows(const Document& doc) {
  const Syntax& s = doc.syntax();
  std::vector<Row> out;
  for (const Word& w : s.words) {
    out.push_back({std::string(s.form(w)), to_string(w.pos), std::string(s.lemma(w)),
                   std::string(s.relation(w)),
                   w.head == kNoHead ? "ROOT" : std::string(s.form(s.words[w.head]))});
  }
  return out;
}

Document analyze(const std::string& text, const std::string& lang = "en") {
  Options options;
  options.lang = lang;
  options.detect_structure = false;
  return Analyzer(options).analyze(text);
}

// Every word's head lies in its own sentence, every sentence has one root (one per window of
// kWindow words) and no cycle.
void expect_well_formed(const Document& doc) {
  constexpr std::size_t kWindow = 1024;
  const auto& words = doc.syntax().words;
  std::size_t roots = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    EXPECT_LE(w.span.end, doc.text().size());
    EXPECT_LT(w.span.begin, w.span.end);
    if (w.head == kNoHead) {
      ++roots;
      continue;
    }
    ASSERT_LT(w.head, words.size());
    EXPECT_EQ(words[w.head].sentence, w.sentence);
    std::size_t steps = 0;
    for (std::uint32_t at = static_cast<std::uint32_t>(i); at != kNoHead; at = words[at].head) {
      ASSERT_LT(++steps, words.size() + 1) << "a cycle through word " << i;
    }
  }
  std::map<std::uint32_t, std::size_t> units;  // words per sentence
  for (const Word& w : words) ++units[w.sentence];
  std::size_t windows = 0;
  for (const auto& [sentence, count] : units) windows += (count + kWindow - 1) / kWindow;
  EXPECT_EQ(roots, windows);
}

TEST(Syntax, EnglishWordsGetTagsLemmasFeaturesAndATree) {
  const Document doc = analyze("The minister said the new report was wrong.");
  ASSERT_TRUE(doc.has_syntax());
  expect_well_formed(doc);
  const auto r = rows(doc);
  ASSERT_EQ(r.size(), 9u);
  EXPECT_EQ(r[1], (Row{"minister", "NOUN", "minister", "nsubj", "said"}));
  EXPECT_EQ(r[2], (Row{"said", "VERB", "say", "root", "ROOT"}));
  EXPECT_EQ(r[0].pos, "DET");
  EXPECT_EQ(r[5].lemma, "report");
  EXPECT_EQ(r[6].lemma, "be");
  const Syntax& s = doc.syntax();
  EXPECT_EQ(s.feature(s.words[2], "Tense"), "Past");
  EXPECT_EQ(s.feature(s.words[2], "VerbForm"), "Fin");
  EXPECT_EQ(s.feature(s.words[1], "Number"), "Sing");
  EXPECT_EQ(s.feature(s.words[1], "Tense"), "");
  ASSERT_EQ(s.roots.size(), 1u);
  EXPECT_EQ(s.roots[0], 2u);
}

TEST(Syntax, NounChunksAndNames) {
  const Document doc =
      analyze("The city's own climate report warned Hannah Ruiz of higher sea levels.");
  std::vector<std::string> chunks, names;
  for (const Phrase& p : doc.syntax().noun_chunks) chunks.emplace_back(doc.text(p.span));
  for (const Phrase& p : doc.syntax().names) names.emplace_back(doc.text(p.span));
  EXPECT_EQ(names, (std::vector<std::string>{"Hannah Ruiz"}));
  EXPECT_EQ(chunks, (std::vector<std::string>{"The city's own climate report", "Hannah Ruiz",
                                              "higher sea levels"}));
  for (const Phrase& p : doc.syntax().noun_chunks) {
    EXPECT_LE(p.first, p.head);
    EXPECT_LT(p.head, p.end);
  }
}

// Contractions become the treebank's words: spelled-out pieces keep their own offsets, words the
// text does not spell out share their token's.
TEST(Syntax, ContractionsSplitIntoWordsWithExactOffsets) {
  const Document en = analyze("I don't think the mayor's plan works.");
  std::vector<std::string> forms, spans;
  for (const Word& w : en.syntax().words) {
    forms.emplace_back(en.syntax().form(w));
    spans.emplace_back(en.text(w.span));
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"I", "do", "n't", "think", "the", "mayor", "'s",
                                             "plan", "works", "."}));
  EXPECT_EQ(forms, spans);
  EXPECT_EQ(en.syntax().words[1].token, en.syntax().words[2].token);
  // A token takes the analysis of its first word whose head lies outside it ("do" of "don't");
  // a token's head is the token its main word's head lies in.
  const std::vector<std::uint32_t> main = en.syntax().main_words(en.tokens().size());
  ASSERT_EQ(main.size(), en.tokens().size());
  EXPECT_EQ(en.syntax().form(en.syntax().words[main[1]]), "do");
  EXPECT_EQ(en.syntax().form(en.syntax().words[main[0]]), "I");
  EXPECT_NE(en.syntax().head_token(en.syntax().words[main[0]]), 0u);  // never its own token

  const Document fr = analyze("Le président du conseil parle de l'Europe.", "fr");
  std::vector<std::string> fr_forms, fr_spans;
  for (const Word& w : fr.syntax().words) {
    fr_forms.emplace_back(fr.syntax().form(w));
    fr_spans.emplace_back(fr.text(w.span));
  }
  EXPECT_EQ(fr_forms, (std::vector<std::string>{"Le", "président", "de", "le", "conseil", "parle",
                                                "de", "l'", "Europe", "."}));
  EXPECT_EQ(fr_spans[2], "du");
  EXPECT_EQ(fr_spans[3], "du");
  EXPECT_EQ(fr_spans[7], "l'");
  expect_well_formed(fr);
}

// The tagger alone gives each token its tag: the tree's tag of a one-word token, a contraction's
// first content word's ("Europe" of "l'Europe"), or else its first word's ("do" of "don't").
TEST(Syntax, TagTokensAgreesWithTheLayer) {
  Options options;
  options.detect_structure = false;
  const Analyzer en_analyzer(options);
  const Document en = en_analyzer.analyze("I don't think the mayor's plan works. Nobody listened.");
  const std::vector<PartOfSpeech> tags = en_analyzer.syntax().tag_tokens(en);
  ASSERT_EQ(tags.size(), en.tokens().size());
  const Syntax& s = en.syntax();
  std::vector<std::size_t> words_of(en.tokens().size(), 0);
  for (const Word& w : s.words) ++words_of[w.token];
  for (const Word& w : s.words) {
    if (words_of[w.token] == 1) {
      EXPECT_EQ(tags[w.token], w.pos) << s.form(w);
    }
  }
  EXPECT_EQ(tags[1], PartOfSpeech::kAux);  // "don't"
  EXPECT_EQ(en.text(en.tokens()[4].span), "mayor's");
  EXPECT_EQ(tags[4], PartOfSpeech::kNoun);

  options.lang = "fr";
  const Analyzer fr_analyzer(options);
  const Document fr = fr_analyzer.analyze("Le président parle de l'Europe.");
  const std::vector<PartOfSpeech> fr_tags = fr_analyzer.syntax().tag_tokens(fr);
  EXPECT_EQ(fr.text(fr.tokens()[4].span), "l'Europe");
  EXPECT_EQ(fr_tags[4], PartOfSpeech::kPropn);

  options.lang = "ru";  // no model: no tags
  const Analyzer ru_analyzer(options);
  EXPECT_TRUE(ru_analyzer.syntax().tag_tokens(ru_analyzer.analyze("Мэр заявил.")).empty());
  EXPECT_TRUE(en_analyzer.syntax().tag_tokens(en_analyzer.analyze("")).empty());
}

TEST(Syntax, EveryLanguageWithAPackParses) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"de", "Die Regierung hat am Montag einen neuen Plan vorgestellt."},
      {"es", "El alcalde dijo que la ciudad no está preparada."},
      {"zh", "市长说，这座城市还没有准备好。"},
      {"ja", "市長は、この街はまだ準備ができていないと述べた。"},
  };
  for (const auto& [lang, text] : texts) {
    const Document doc = analyze(text, lang);
    ASSERT_TRUE(doc.has_syntax()) << lang;
    EXPECT_GE(doc.syntax().words.size(), doc.tokens().size()) << lang;
    expect_well_formed(doc);
    for (const Word& w : doc.syntax().words) EXPECT_FALSE(doc.syntax().lemma(w).empty()) << lang;
  }
}

TEST(Syntax, ALanguageWithoutAModelSaysSo) {
  const Document doc = analyze("Мэр заявил, что город не готов.", "ru");
  EXPECT_FALSE(doc.has_syntax());
  EXPECT_TRUE(doc.syntax().words.empty());
  Options options;
  options.lang = "ru";
  const Analyzer analyzer(options);
  EXPECT_FALSE(analyzer.syntax().available());
  const std::vector<std::string_view> words = {"Мэр", "заявил"};
  EXPECT_THROW(analyzer.syntax().parse_words(words), InvalidArgument);
}

// The layer is made on first use, once, whichever thread asks first; copies share it.
TEST(Syntax, TheLayerIsMadeOnceOnFirstUseFromAnyThread) {
  const Document doc = analyze("The minister said the new report was wrong. Nobody listened.");
  ASSERT_TRUE(doc.has_syntax());
  const Document copy = doc;
  std::vector<const Syntax*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] { seen[t] = &(t % 2 ? copy : doc).syntax(); });
  }
  for (auto& thread : threads) thread.join();
  for (const Syntax* s : seen) EXPECT_EQ(s, seen[0]);
  EXPECT_EQ(seen[0]->words.size(), 12u);
  EXPECT_EQ(seen[0]->roots.size(), 2u);
}

TEST(Syntax, SwitchedOffTheLayerIsEmpty) {
  Options options;
  options.syntax = false;
  const Document doc = Analyzer(options).analyze("The minister said so.");
  EXPECT_FALSE(doc.has_syntax());
  EXPECT_TRUE(doc.syntax().words.empty());
  EXPECT_FALSE(doc.tokens().empty());
}

TEST(Syntax, EmptyAndHugeSentences) {
  EXPECT_TRUE(analyze("").syntax().words.empty());
  // Ten thousand words without a sentence end: parsed in windows, each its own tree, linear time.
  std::string text;
  for (int i = 0; i < 10000; ++i) text += i % 7 == 0 ? "report " : "the city ";
  const Document doc = analyze(text);
  EXPECT_GE(doc.syntax().words.size(), 10000u);
  expect_well_formed(doc);
}

TEST(Syntax, ParseWordsTakesTreebankWords) {
  const Analyzer analyzer;
  const std::vector<std::string_view> words = {"She", "did", "n't", "go", "."};
  const auto parsed = analyzer.syntax().parse_words(words);
  ASSERT_EQ(parsed.size(), 5u);
  int roots = 0;
  for (const auto& w : parsed) {
    EXPECT_LE(w.head, 5u);
    roots += w.head == 0;
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(parsed[3].lemma, "go");
  EXPECT_EQ(to_string(parsed[2].pos), std::string("PART"));
  EXPECT_EQ(parsed[2].lemma, "not");
  EXPECT_TRUE(analyzer.syntax().parse_words({}).empty());
  const std::vector<std::string_view> empty_word = {"a", ""};
  EXPECT_THROW(analyzer.syntax().parse_words(empty_word), InvalidArgument);
  const std::vector<std::string_view> bad = {"a", "\xff"};
  EXPECT_THROW(analyzer.syntax().parse_words(bad), InvalidArgument);
}

// A tiny treebank, written here: the trainer learns it, gives the same bytes twice, and the model
// it makes replaces the built-in one through pack_dir.
constexpr const char* kTreebank =
    "# text = Dogs bark.\n"
    "1\tDogs\tdog\tNOUN\t_\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tbark\tbark\tVERB\t_\tTense=Pres\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Cats sleep.\n"
    "1\tCats\tcat\tNOUN\t_\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tsleep\tsleep\tVERB\t_\tTense=Pres\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n";

std::string repeated_treebank() {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kTreebank;
  return text;
}

TEST(SyntaxTraining, LearnsATinyTreebankDeterministically) {
  SyntaxTrainingOptions options;
  options.jackknife_folds = 2;
  options.min_updates = 0;  // a tiny treebank: keep every feature
  const std::string model = train_syntax_model(repeated_treebank(), options);
  EXPECT_EQ(model, train_syntax_model(repeated_treebank(), options));
  const auto dir = std::filesystem::temp_directory_path() / "presslens_syntax_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "syntax.model", std::ios::binary) << model;
  Options analyzer_options;
  analyzer_options.pack_dir = dir;
  const Analyzer analyzer(analyzer_options);
  const std::vector<std::string_view> words = {"Dogs", "bark", "."};
  const auto parsed = analyzer.syntax().parse_words(words);
  ASSERT_EQ(parsed.size(), 3u);
  EXPECT_EQ(to_string(parsed[0].pos), std::string("NOUN"));
  EXPECT_EQ(parsed[0].lemma, "dog");
  EXPECT_EQ(parsed[0].feats, "Number=Plur");
  EXPECT_EQ(parsed[0].head, 2u);
  EXPECT_EQ(parsed[0].relation, "nsubj");
  EXPECT_EQ(parsed[1].head, 0u);
  EXPECT_EQ(parsed[2].relation, "punct");
  std::filesystem::remove_all(dir);
}

TEST(SyntaxTraining, MalformedTreebanksAndModelsAreRefused) {
  EXPECT_THROW(train_syntax_model(""), LanguagePackError);
  EXPECT_THROW(train_syntax_model("1\tDogs\tdog\n\n"), LanguagePackError);
  EXPECT_THROW(train_syntax_model("1\tDogs\tdog\tNOUN\t_\t_\t7\tnsubj\t_\t_\n\n"),
               LanguagePackError);
  // Every truncation of a model is refused with an error, never read past its end.
  SyntaxTrainingOptions options;
  options.jackknife_folds = 0;
  const std::string model = train_syntax_model(kTreebank, options);
  LanguagePack pack = LanguagePack::builtin("en");
  const auto dir = std::filesystem::temp_directory_path() / "presslens_syntax_corrupt";
  std::filesystem::create_directories(dir);
  for (std::size_t size = 0; size < model.size(); size += 1 + size / 8) {
    std::ofstream(dir / "syntax.model", std::ios::binary | std::ios::trunc)
        << model.substr(0, size);
    pack.load_directory(dir);
    EXPECT_THROW(SyntaxParser{pack}, LanguagePackError) << size;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace presslens
