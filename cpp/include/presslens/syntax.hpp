// Syntax: each word's part of speech (Universal Dependencies UPOS), lemma, morphological features
// and dependency relation to its head, each sentence's root, and the noun chunks and proper names
// built from them. Learned models per language (cpp/data/<lang>/syntax.model, trained from UD
// treebanks by tools/train_syntax.py); see docs/syntax.md.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/language.hpp"
#include "presslens/text.hpp"

namespace presslens {

class Document;

namespace detail {
struct SyntaxModel;
}

// The seventeen Universal Dependencies parts of speech.
enum class PartOfSpeech : std::uint8_t {
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
  kX,
};

// "ADJ", "ADP", ... as UD writes them.
const char* to_string(PartOfSpeech pos) noexcept;
// The part of speech UD calls `name`, if any.
std::optional<PartOfSpeech> part_of_speech(std::string_view name) noexcept;

// The head of a sentence's root word.
inline constexpr std::uint32_t kNoHead = UINT32_MAX;

// Where one of a word's strings lies in Syntax::strings.
struct TextRef {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
};

// A syntactic word. Most tokens are one word; a contraction is several ("don't" = "do" + "n't",
// French "du" = "de" + "le", "l'Europe" = "l'" + "Europe"). A word that is a piece of its token's
// text spans that piece; a word the text does not spell out ("le" of "du") spans the whole token.
struct Word {
  Span span;
  std::uint32_t token = 0;     // index into Document::tokens()
  std::uint32_t sentence = 0;  // index into Document::sentences(); kNoSentence for the title
  PartOfSpeech pos = PartOfSpeech::kX;
  std::uint32_t head = kNoHead;  // index into Syntax::words; kNoHead for a root
  TextRef form;                  // as written, or the expansion of a contraction ("le")
  TextRef lemma;
  TextRef feats;     // UD FEATS: "Mood=Ind|Number=Sing|Person=3|Tense=Pres"; empty for none
  TextRef relation;  // UD relation to the head: "nsubj", "obl:tmod", "root"
};

// A run of words: a base noun phrase ("the city's own climate report") or a proper name ("Hannah
// Ruiz", "New York Daily News").
struct Phrase {
  Span span;
  std::uint32_t first = 0;  // words [first, end)
  std::uint32_t end = 0;
  std::uint32_t head = 0;  // the word the phrase is about
};

// The syntax layer of a document.
struct Syntax {
  std::vector<Word> words;  // the title's, then each sentence's, in text order
  // The root word of each sentence (index into words; kNoHead for a sentence without words), and
  // of the title.
  std::vector<std::uint32_t> roots;
  std::uint32_t title_root = kNoHead;
  std::vector<Phrase> noun_chunks;
  std::vector<Phrase> names;
  std::string strings;  // the words' forms, lemmas, feats and relations

  std::string_view text(TextRef ref) const {
    return std::string_view(strings).substr(ref.begin, ref.size);
  }
  std::string_view form(const Word& word) const { return text(word.form); }
  std::string_view lemma(const Word& word) const { return text(word.lemma); }
  std::string_view feats(const Word& word) const { return text(word.feats); }
  std::string_view relation(const Word& word) const { return text(word.relation); }
  // The value of one feature ("Tense" -> "Past"); empty when the word does not have it.
  std::string_view feature(const Word& word, std::string_view name) const;
  // For each of a document's `tokens` tokens, the word that carries its analysis: the first
  // whose head lies outside the token (the one a contraction such as "don't" hangs from), else
  // its first word; kNoHead for a token without words.
  std::vector<std::uint32_t> main_words(std::size_t tokens) const;
  // The token a word's head lies in, or kNoHead for a root or a head inside the word's own token.
  std::uint32_t head_token(const Word& word) const {
    if (word.head == kNoHead || words[word.head].token == word.token) return kNoHead;
    return words[word.head].token;
  }
};

// A word of a pre-split sentence, analysed (see SyntaxParser::parse_words).
struct ParsedWord {
  PartOfSpeech pos = PartOfSpeech::kX;
  std::string lemma;
  std::string feats;
  std::uint32_t head = 0;  // 1-based within the sentence; 0 for the root (as CoNLL-U writes it)
  std::string relation;
};

// Tags, lemmatises and parses. Immutable after construction; serves any number of threads.
class SyntaxParser {
 public:
  // The pack's syntax model ("syntax.model"); a pack without one gives an unavailable parser.
  // Throws LanguagePackError for a corrupt model.
  explicit SyntaxParser(const LanguagePack& language);

  bool available() const noexcept { return model_ != nullptr; }

  // The syntax layer over a document's tokens (its title and sentences); an empty layer when
  // the parser is unavailable.
  Syntax parse(const Document& document) const;
  // The same for the sentences numbered in `sentences` only (ascending): the other sentences and
  // the title have no words. What a stage that needs a few sentences' grammar asks for.
  Syntax parse(const Document& document, std::span<const std::uint32_t> sentences) const;

  // Each token's part of speech (one per Document::tokens(), empty when the parser is
  // unavailable), from the tagger alone, several times faster than parse(): a token of several
  // words takes its first content word's tag ("Europe" of "l'Europe"), or else its first word's
  // ("do" of "don't"). What a stage that needs tags but no tree asks for (keyphrases).
  std::vector<PartOfSpeech> tag_tokens(const Document& document) const;

  // The part of speech of `form` when the treebank only ever gave it one ("the", "twice",
  // "basically"), or nothing (unknown or ambiguous). Lookups, no analysis.
  std::optional<PartOfSpeech> known_tag(std::string_view form) const;

  // Analyses one sentence given as its words, as a treebank splits them. Throws InvalidArgument
  // when the parser is unavailable or a word is empty or not valid UTF-8.
  std::vector<ParsedWord> parse_words(std::span<const std::string_view> words) const;

 private:
  Syntax parse_units(const Document& document, std::span<const std::uint32_t> units) const;

  std::shared_ptr<const detail::SyntaxModel> model_;
};

struct SyntaxTrainingOptions {
  unsigned tagger_epochs = 10;
  unsigned morph_epochs = 8;
  unsigned lemma_epochs = 6;
  unsigned parser_epochs = 15;
  unsigned labeller_epochs = 10;
  // The later stages learn from tags predicted by taggers trained on the other folds, as they will
  // see them at run time.
  unsigned jackknife_folds = 5;
  // Parser and labeller features that took part in fewer updates than this, for a treebank of
  // 200,000 words, are dropped (in proportion for other sizes: a feature of a small treebank takes
  // part in fewer updates): a model half the size and faster, hardly less accurate (docs/syntax.md
  // has the measurements). The tagger, morphology and lemma models are small and keep every
  // feature.
  std::uint32_t min_updates = 8;
  std::uint64_t seed = 1;
  std::ostream* log = nullptr;  // progress lines, when set
};

// Trains a syntax model from a CoNLL-U treebank and returns the model file's bytes (what
// cpp/data/<lang>/syntax.model holds). The same text and options give the same bytes. Throws
// LanguagePackError for malformed CoNLL-U.
std::string train_syntax_model(std::string_view conllu, const SyntaxTrainingOptions& options = {});

}  // namespace presslens
