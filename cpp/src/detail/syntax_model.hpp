// A language's syntax model: the tables and the linear models that tag, analyse, lemmatise and
// parse its words. One file per language (cpp/data/<lang>/syntax.model, replaceable through
// pack_dir); the layout is in docs/model-format.md. Made by train_syntax_model (syntax.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detail/binary_io.hpp"
#include "detail/linear_model.hpp"
#include "detail/perceptron.hpp"
#include "detail/string_hash.hpp"
#include "presslens/language.hpp"

namespace presslens::detail {

// How a word becomes its lemma: fold its case or not, drop code points at either end, add text
// there. Learned from the treebank's (form, lemma) pairs ("gemacht" -> "machen": strip the prefix
// "ge" and the suffix "t", add "en").
struct LemmaRule {
  bool fold = false;
  std::uint8_t strip_prefix = 0;  // code points
  std::uint8_t strip_suffix = 0;
  std::string add_prefix;
  std::string add_suffix;

  // The rule that turns `form` into `lemma` with the least change.
  static LemmaRule between(std::string_view form, std::string_view lemma);
  // Applies the rule to `form` (`folded`: its case folding); false when the form is too short.
  bool apply(std::string_view form, std::string_view folded, std::string& lemma) const;
  std::string name() const;  // a readable, unique key: "fold|2|ge|1|en"
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

// A morphological feature (UD FEATS attribute) and its values. Its columns in the morph model are
// [offset] for "absent" and [offset + 1 + v] for values[v].
struct MorphAttribute {
  std::string name;
  std::vector<std::string> values;
  std::uint32_t offset = 0;
};

// What training saw of a form with a tag: its usual lemma and, when it never varied, its
// morphology (a row of attribute values: 0 absent, v + 1 values[v]; empty when it varied).
struct KnownWord {
  std::string lemma;  // empty: the form itself
  std::vector<std::uint8_t> morph;
};

struct SyntaxModel {
  static constexpr std::string_view kMagic = "presslens-syntax";
  static constexpr std::uint32_t kVersion = 2;

  std::vector<std::string> tags;       // UPOS names, in the tagger's class order
  std::vector<std::string> relations;  // dependency relations, in the labeller's class order
  std::vector<MorphAttribute> attributes;
  std::vector<std::uint8_t> allowed;  // tags.size() x attributes.size(): attribute seen with tag
  StringMap<std::uint8_t> tag_dictionary;          // frequent unambiguous form -> tag
  StringMap<KnownWord> known_words;                // form + '\t' + tag
  StringMap<std::vector<std::string>> expansions;  // folded form -> its words ("du" -> de, le)
  // Clitics the treebank writes as words of their own where presslens keeps one token: folded,
  // with "'" for any apostrophe ("l'", "'s").
  std::vector<std::string> split_prefixes, split_suffixes;
  std::vector<LemmaRule> lemma_rules;  // the lemmatiser's classes
  LinearModel tagger, second_tagger, morph, lemmatizer, arcs, labels;

  std::uint32_t morph_width() const {
    return attributes.empty() ? 1
                              : attributes.back().offset + 1 +
                                    static_cast<std::uint32_t>(attributes.back().values.size());
  }
  bool is_allowed(std::size_t tag, std::size_t attribute) const {
    return allowed[tag * attributes.size() + attribute] != 0;
  }

  // Throws LanguagePackError for a file that is not a syntax model of this version.
  static std::shared_ptr<const SyntaxModel> read(std::string_view bytes, std::string_view source);
  // The pack's model ("syntax"), or null when it has none. A built-in model is read once per
  // process and shared; a user's file is read each time.
  static std::shared_ptr<const SyntaxModel> of(const LanguagePack& language);
  // The file of a model whose tables are filled and whose linear models are `trained` (tagger,
  // second tagger, morph, lemmatizer, arcs, labels).
  std::string write(const std::vector<SparseRows>& trained) const;

  // The known word of a form with a tag, or null; `key` is scratch space.
  const KnownWord* find_known(std::string_view form, std::uint8_t tag, std::string& key) const {
    key.assign(form);
    key += '\t';
    key += tags[tag];
    const auto found = known_words.find(key);
    return found == known_words.end() ? nullptr : &found->second;
  }

 private:
  static constexpr std::uint16_t kVaries = 0xFFFF;
  void write_known_words(ByteWriter& out) const;
  void read_known_words(ByteReader& in);
};

}  // namespace presslens::detail
