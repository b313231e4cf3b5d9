// train_syntax_model: builds a language's syntax model from a CoNLL-U treebank. The order of
// work and every choice it makes are in docs/syntax.md ("Training").
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>
#include <random>
#include <set>

#include "detail/conllu.hpp"
#include "detail/dependency_parser.hpp"
#include "detail/lemmatizer.hpp"
#include "detail/perceptron.hpp"
#include "detail/syntax_model.hpp"
#include "detail/tagger.hpp"
#include "presslens/error.hpp"
#include "presslens/syntax.hpp"

namespace presslens {
namespace {

using detail::ConlluSentence;
using detail::PerceptronTrainer;
using detail::SentenceSyntax;
using detail::SyntaxModel;

constexpr std::uint32_t kNoRule = UINT32_MAX;
// A frequent form whose tag never varies skips the tagger (Honnibal's tag dictionary).
constexpr std::size_t kDictionaryMinCount = 20;
constexpr double kDictionaryMinShare = 0.97;
constexpr std::size_t kMaxLemmaRules = 200;
constexpr std::size_t kMinCliticCount = 3;
// After the first epoch the parser follows its own predictions this often, so it learns to
// recover from its mistakes (error exploration).
constexpr double kExploration = 0.9;

// One treebank sentence in the model's numbers.
struct Example {
  std::vector<std::string_view> forms;
  std::vector<std::uint8_t> tags;
  std::vector<std::uint8_t> morph;   // words x attributes
  std::vector<std::uint32_t> rules;  // lemma rule class, or kNoRule
  std::vector<std::uint32_t> heads;  // 0-based; size() for the root
  std::vector<std::uint16_t> labels;
  // What the run-time stages before each stage would give: jackknifed tags and morphology.
  std::vector<std::uint8_t> predicted_tags, predicted_morph;
};

bool less_case_insensitive(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) <
           std::tolower(static_cast<unsigned char>(y));
  });
}

// A form as the model keys contractions and clitics (detail::clitic_key).
std::string folded(std::string_view text) {
  std::string folded_case, key;
  detail::clitic_key(text, folded_case, key);
  return key;
}

bool has_apostrophe(std::string_view text) { return text.find('\'') != std::string_view::npos; }

class Trainer {
 public:
  Trainer(std::vector<ConlluSentence> sentences, const SyntaxTrainingOptions& options)
      : sentences_(std::move(sentences)), options_(options), random_(options.seed) {}

  std::string train() {
    build_tables();
    build_examples();
    log("treebank: " + std::to_string(sentences_.size()) + " sentences, " + std::to_string(words_) +
        " words; " + std::to_string(model_.relations.size()) + " relations, " +
        std::to_string(model_.attributes.size()) + " attributes, " +
        std::to_string(model_.lemma_rules.size()) + " lemma rules");
    jackknife();
    std::vector<detail::SparseRows> trained(6);
    trained[0] = train_tagger(all()).average();
    trained[1] = train_tagger(all(), true).average();
    trained[2] = train_morph(all(), true).average();
    model_.tagger = detail::LinearModel(trained[0]);
    model_.second_tagger = detail::LinearModel(trained[1]);
    model_.morph = detail::LinearModel(trained[2]);
    trained[3] = train_lemmatizer().average();
    model_.lemmatizer = detail::LinearModel(trained[3]);
    build_known_words();
    const auto min_updates = static_cast<std::uint32_t>(std::max<double>(
        1.0, std::round(options_.min_updates * static_cast<double>(words_) / 200000.0)));
    trained[4] = train_parser().average(min_updates);
    trained[5] = train_labeller().average(min_updates);
    for (std::size_t m = 0; m < trained.size(); ++m) {
      log("model " + std::to_string(m) + ": " + std::to_string(trained[m].keys.size()) +
          " features, " + std::to_string(trained[m].weights.size()) + " weights, " +
          std::to_string(trained[m].width) + " classes");
    }
    return model_.write(trained);
  }

 private:
  void log(const std::string& line) {
    if (options_.log) *options_.log << line << std::endl;
  }

  std::vector<std::size_t> all() const {
    std::vector<std::size_t> indices(examples_.size());
    for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i;
    return indices;
  }

  void build_tables() {
    static const char* kTags[] = {"ADJ",   "ADP",   "ADV", "AUX",  "CCONJ", "DET",
                                  "INTJ",  "NOUN",  "NUM", "PART", "PRON",  "PROPN",
                                  "PUNCT", "SCONJ", "SYM", "VERB", "X"};
    model_.tags.assign(std::begin(kTags), std::end(kTags));
    std::set<std::string> relations{"root"};
    std::map<std::string, std::set<std::string>, decltype(&less_case_insensitive)> attributes(
        &less_case_insensitive);
    std::map<std::string, std::map<std::uint8_t, std::size_t>> form_tags;
    std::map<std::string, std::size_t> rule_counts;
    std::map<std::string, detail::LemmaRule> rules;
    std::map<std::string, std::map<std::string, std::size_t>> expansions;
    std::map<std::string, std::size_t> token_counts, prefixes, suffixes;
    for (const auto& sentence : sentences_) {
      for (const auto& word : sentence.words) {
        ++words_;
        relations.insert(word.deprel);
        for_each_feature(word.feats, [&](const std::string& name, const std::string& value) {
          attributes[name].insert(value);
        });
        ++form_tags[word.form][tag_number(word.upos)];
        const detail::LemmaRule rule = rule_of(word);
        ++rule_counts[rule.name()];
        rules.emplace(rule.name(), rule);
      }
      learn_clitics(sentence, expansions, token_counts, prefixes, suffixes);
    }
    model_.relations.assign(relations.begin(), relations.end());
    std::uint32_t offset = 0;
    for (const auto& [name, values] : attributes) {
      detail::MorphAttribute attribute{name, {values.begin(), values.end()}, offset};
      offset += 1 + static_cast<std::uint32_t>(values.size());
      model_.attributes.push_back(std::move(attribute));
    }
    // An attribute belongs to a tag when the treebank gives it to the tag's words at least twice.
    std::vector<std::size_t> seen(model_.tags.size() * model_.attributes.size(), 0);
    for (const auto& sentence : sentences_) {
      for (const auto& word : sentence.words) {
        for_each_feature(word.feats, [&](const std::string& name, const std::string&) {
          ++seen[tag_number(word.upos) * model_.attributes.size() + attribute_number(name)];
        });
      }
    }
    model_.allowed.resize(seen.size());
    for (std::size_t i = 0; i < seen.size(); ++i) model_.allowed[i] = seen[i] >= 2;
    for (const auto& [form, tags] : form_tags) {
      std::size_t total = 0, top = 0;
      std::uint8_t best = 0;
      for (const auto& [tag, count] : tags) {
        total += count;
        if (count > top) top = count, best = tag;
      }
      if (total >= kDictionaryMinCount && top >= kDictionaryMinShare * total) {
        model_.tag_dictionary.emplace(form, best);
      }
    }
    // Lemma rules: the most frequent, seen at least twice; the identity rule always.
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [name, count] : rule_counts) {
      if (count >= 2) ranked.emplace_back(count, name);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (ranked.size() > kMaxLemmaRules) ranked.resize(kMaxLemmaRules);
    const std::string identity = detail::LemmaRule{}.name();
    if (std::none_of(ranked.begin(), ranked.end(),
                     [&](const auto& r) { return r.second == identity; })) {
      ranked.emplace_back(0, identity);
      rules.emplace(identity, detail::LemmaRule{});
    }
    for (const auto& [count, name] : ranked) {
      rule_classes_[name] = static_cast<std::uint32_t>(model_.lemma_rules.size());
      model_.lemma_rules.push_back(rules.at(name));
    }
    // A contraction is expanded when the treebank splits it at least as often as not.
    for (const auto& [form, splits] : expansions) {
      std::size_t total = 0, top = 0;
      std::string best;
      for (const auto& [words, count] : splits) {
        total += count;
        if (count > top) top = count, best = words;
      }
      if (top >= 2 && 2 * total >= token_counts[form]) {
        std::vector<std::string> words;
        for (std::size_t start = 0; start <= best.size();) {
          std::size_t end = best.find(' ', start);
          if (end == std::string::npos) end = best.size();
          words.push_back(best.substr(start, end - start));
          start = end + 1;
        }
        model_.expansions.emplace(form, std::move(words));
      }
    }
    for (const auto& [prefix, count] : prefixes) {
      if (count >= kMinCliticCount) model_.split_prefixes.push_back(prefix);
    }
    for (const auto& [suffix, count] : suffixes) {
      if (count >= kMinCliticCount) model_.split_suffixes.push_back(suffix);
    }
    // The longest clitic first: "n't" before "'t".
    const auto longer = [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    };
    std::sort(model_.split_prefixes.begin(), model_.split_prefixes.end(), longer);
    std::sort(model_.split_suffixes.begin(), model_.split_suffixes.end(), longer);
  }

  // Tokens as the treebank writes them: multiword tokens (expansions, and clitics inside them)
  // and apostrophe clitics written as tokens of their own with no space before or after.
  void learn_clitics(const ConlluSentence& sentence,
                     std::map<std::string, std::map<std::string, std::size_t>>& expansions,
                     std::map<std::string, std::size_t>& token_counts,
                     std::map<std::string, std::size_t>& prefixes,
                     std::map<std::string, std::size_t>& suffixes) {
    struct Surface {
      std::string form;
      bool space_after;
    };
    std::vector<Surface> tokens;
    std::size_t next_multiword = 0;
    for (std::size_t w = 0; w < sentence.words.size();) {
      if (next_multiword < sentence.multiwords.size() &&
          sentence.multiwords[next_multiword].first == w) {
        const auto& multiword = sentence.multiwords[next_multiword++];
        std::string joined;
        std::string concatenated;
        for (std::size_t k = multiword.first; k <= multiword.last && k < sentence.words.size();
             ++k) {
          joined += (joined.empty() ? "" : " ") + folded(sentence.words[k].form);
          concatenated += folded(sentence.words[k].form);
        }
        const std::string form = folded(multiword.form);
        ++expansions[form][joined];
        if (concatenated == form && multiword.last < sentence.words.size()) {
          const std::string last = folded(sentence.words[multiword.last].form);
          if (has_apostrophe(last) && last.size() < form.size()) ++suffixes[last];
        }
        tokens.push_back({multiword.form, multiword.space_after});
        w = multiword.last + 1;
      } else {
        tokens.push_back({sentence.words[w].form, sentence.words[w].space_after});
        ++w;
      }
    }
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      const std::string form = folded(tokens[t].form);
      ++token_counts[form];
      if (form.size() < 2 || form.size() > 8 || !has_apostrophe(form)) continue;
      if (form.back() == '\'' && !tokens[t].space_after && t + 1 < tokens.size()) {
        ++prefixes[form];
      }
      if (form.front() == '\'' && t > 0 && !tokens[t - 1].space_after) ++suffixes[form];
      if (form.starts_with("n'") && form.size() == 3 && t > 0 && !tokens[t - 1].space_after) {
        ++suffixes[form];
      }
    }
  }

  template <typename Visit>
  static void for_each_feature(const std::string& feats, Visit visit) {
    if (feats.empty() || feats == "_") return;
    for (std::size_t start = 0; start <= feats.size();) {
      std::size_t end = feats.find('|', start);
      if (end == std::string::npos) end = feats.size();
      const std::string pair = feats.substr(start, end - start);
      const std::size_t equals = pair.find('=');
      if (equals != std::string::npos && equals > 0) {
        visit(pair.substr(0, equals), pair.substr(equals + 1));
      }
      start = end + 1;
    }
  }

  std::uint8_t tag_number(const std::string& upos) const {
    const auto found = std::find(model_.tags.begin(), model_.tags.end(), upos);
    return static_cast<std::uint8_t>(found == model_.tags.end() ? model_.tags.size() - 1
                                                                : found - model_.tags.begin());
  }
  std::size_t attribute_number(const std::string& name) const {
    for (std::size_t a = 0; a < model_.attributes.size(); ++a) {
      if (model_.attributes[a].name == name) return a;
    }
    return 0;
  }
  static detail::LemmaRule rule_of(const detail::ConlluWord& word) {
    if (word.lemma.empty() || word.lemma == "_") return {};
    return detail::LemmaRule::between(word.form, word.lemma);
  }

  void build_examples() {
    const std::size_t attributes = model_.attributes.size();
    for (const auto& sentence : sentences_) {
      Example example;
      const std::size_t n = sentence.words.size();
      example.morph.assign(n * attributes, 0);
      for (std::size_t i = 0; i < n; ++i) {
        const auto& word = sentence.words[i];
        example.forms.push_back(word.form);
        example.tags.push_back(tag_number(word.upos));
        for_each_feature(word.feats, [&](const std::string& name, const std::string& value) {
          const std::size_t a = attribute_number(name);
          const auto& values = model_.attributes[a].values;
          const auto v = std::find(values.begin(), values.end(), value) - values.begin();
          example.morph[i * attributes + a] = static_cast<std::uint8_t>(v + 1);
        });
        const auto rule = rule_classes_.find(rule_of(word).name());
        example.rules.push_back(rule == rule_classes_.end() ? kNoRule : rule->second);
        example.heads.push_back(word.head == 0 ? static_cast<std::uint32_t>(n) : word.head - 1);
        const auto relation =
            std::find(model_.relations.begin(), model_.relations.end(), word.deprel);
        example.labels.push_back(static_cast<std::uint16_t>(relation - model_.relations.begin()));
      }
      example.predicted_tags = example.tags;
      example.predicted_morph = example.morph;
      examples_.push_back(std::move(example));
    }
  }

  // The sentence state of an example, with its predicted (or gold) tags and morphology.
  void load(const Example& example, SentenceSyntax& s, bool predicted) {
    s.reset(example.forms);
    s.tags = predicted ? example.predicted_tags : example.tags;
    s.morph = predicted ? example.predicted_morph : example.morph;
    s.morph_keys.resize(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) s.morph_keys[i] = detail::morph_key(model_, s, i);
  }

  std::vector<std::size_t> shuffled(std::vector<std::size_t> order) {
    std::shuffle(order.begin(), order.end(), random_);
    return order;
  }

  // Scores `features` with the current weights (never choosing the class `barred`), learns
  // `truth` when another class wins, and returns the winner.
  static std::uint32_t learn(PerceptronTrainer& trainer, const std::vector<std::uint64_t>& features,
                             std::uint32_t truth, std::vector<float>& scores,
                             std::uint32_t barred = UINT32_MAX) {
    scores.assign(trainer.width(), 0.0f);
    trainer.add_scores(features, scores);
    if (barred < scores.size()) scores[barred] = -INFINITY;
    const std::uint32_t guess = argmax(scores);
    trainer.update(features, truth, guess);
    trainer.tick();
    return guess;
  }

  static std::uint32_t argmax(const std::vector<float>& scores, std::size_t begin = 0,
                              std::size_t end = SIZE_MAX) {
    end = std::min(end, scores.size());
    std::size_t best = begin;
    for (std::size_t c = begin + 1; c < end; ++c) {
      if (scores[c] > scores[best]) best = c;
    }
    return static_cast<std::uint32_t>(best);
  }

  // One tagger pass. The second pass learns from first-pass tags of the words ahead as the
  // run-time tagger gives them: the jackknifed ones.
  PerceptronTrainer train_tagger(const std::vector<std::size_t>& subset, bool second = false) {
    PerceptronTrainer trainer(static_cast<std::uint32_t>(model_.tags.size()));
    SentenceSyntax s;
    std::vector<float> scores;
    for (unsigned epoch = 0; epoch < options_.tagger_epochs; ++epoch) {
      std::size_t right = 0, total = 0;
      for (const std::size_t e : shuffled(subset)) {
        const Example& example = examples_[e];
        s.reset(example.forms);
        if (second) s.tags = example.predicted_tags;
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (const auto known = model_.tag_dictionary.find(example.forms[i]);
              known != model_.tag_dictionary.end()) {
            s.tags[i] = known->second;
            continue;
          }
          if (second) {
            detail::second_pass_features(s, i, s.features);
          } else {
            detail::tag_features(s, i, s.features);
          }
          const std::uint32_t guess = learn(trainer, s.features, example.tags[i], scores);
          s.tags[i] = static_cast<std::uint8_t>(guess);
          right += guess == example.tags[i];
          ++total;
        }
      }
      log(std::string(second ? "second tagger" : "tagger") + " epoch " + std::to_string(epoch + 1) +
          ": " + percent(right, total) + " of the words outside the dictionary right");
    }
    return trainer;
  }

  PerceptronTrainer train_morph(const std::vector<std::size_t>& subset, bool predicted) {
    PerceptronTrainer trainer(model_.morph_width());
    SentenceSyntax s;
    std::vector<float> scores;
    const std::size_t attributes = model_.attributes.size();
    for (unsigned epoch = 0; epoch < options_.morph_epochs; ++epoch) {
      std::size_t right = 0, total = 0;
      for (const std::size_t e : shuffled(subset)) {
        const Example& example = examples_[e];
        load(example, s, predicted);
        for (std::size_t i = 0; i < s.size(); ++i) {
          const std::uint8_t tag = s.tags[i];
          detail::morph_features(s, i, s.features);
          scores.assign(trainer.width(), 0.0f);
          trainer.add_scores(s.features, scores);
          bool all_right = true;
          for (std::size_t a = 0; a < attributes; ++a) {
            if (!model_.is_allowed(tag, a)) continue;
            const auto& attribute = model_.attributes[a];
            const std::uint32_t guess =
                argmax(scores, attribute.offset, attribute.offset + 1 + attribute.values.size());
            const std::uint32_t truth = attribute.offset + example.morph[i * attributes + a];
            trainer.update(s.features, truth, guess);
            all_right &= truth == guess;
          }
          trainer.tick();
          right += all_right;
          ++total;
        }
      }
      log("morphology epoch " + std::to_string(epoch + 1) + ": " + percent(right, total) +
          " of the words right");
    }
    return trainer;
  }

  // Gives each example the tags and morphology that a tagger trained without it predicts.
  void jackknife() {
    const std::size_t folds = options_.jackknife_folds;
    if (folds < 2 || examples_.size() < folds) return;
    std::size_t right = 0, total = 0;
    for (std::size_t f = 0; f < folds; ++f) {
      const std::size_t begin = examples_.size() * f / folds;
      const std::size_t end = examples_.size() * (f + 1) / folds;
      std::vector<std::size_t> rest;
      for (std::size_t e = 0; e < examples_.size(); ++e) {
        if (e < begin || e >= end) rest.push_back(e);
      }
      SyntaxModel fold = model_;
      fold.tagger = detail::LinearModel(train_tagger(rest).average());
      fold.morph = detail::LinearModel(train_morph(rest, false).average());
      SentenceSyntax s;
      for (std::size_t e = begin; e < end; ++e) {
        Example& example = examples_[e];
        s.reset(example.forms);
        detail::tag_pass(fold, false, s);  // the second pass learns from these
        detail::analyse_morphology(fold, s);
        example.predicted_tags = s.tags;
        example.predicted_morph = s.morph;
        for (std::size_t i = 0; i < s.size(); ++i) right += s.tags[i] == example.tags[i];
        total += s.size();
      }
    }
    log("jackknifed tags: " + percent(right, total) + " right");
  }

  PerceptronTrainer train_lemmatizer() {
    PerceptronTrainer trainer(static_cast<std::uint32_t>(model_.lemma_rules.size()));
    SentenceSyntax s;
    std::vector<float> scores;
    for (unsigned epoch = 0; epoch < options_.lemma_epochs; ++epoch) {
      std::size_t right = 0, total = 0;
      for (const std::size_t e : shuffled(all())) {
        const Example& example = examples_[e];
        load(example, s, true);
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (example.rules[i] == kNoRule) continue;
          detail::lemma_features(s, i, s.features);
          right += learn(trainer, s.features, example.rules[i], scores) == example.rules[i];
          ++total;
        }
      }
      log("lemmatiser epoch " + std::to_string(epoch + 1) + ": " + percent(right, total) +
          " of the rules right");
    }
    return trainer;
  }

  // Each form with the tag the tagger gives it: its usual lemma, and its analysis when that never
  // varied (at least twice, 98% of the time).
  void build_known_words() {
    struct Tally {
      std::map<std::string, std::size_t> lemmas;
      std::map<std::string, std::size_t> analyses;  // rows of attribute values, as bytes
      std::size_t total = 0;
    };
    std::map<std::string, Tally> tallies;
    const std::size_t attributes = model_.attributes.size();
    for (std::size_t e = 0; e < examples_.size(); ++e) {
      const Example& example = examples_[e];
      for (std::size_t i = 0; i < example.forms.size(); ++i) {
        const std::string& gold = sentences_[e].words[i].lemma;
        std::string key(example.forms[i]);
        key += '\t';
        key += model_.tags[example.predicted_tags[i]];
        Tally& tally = tallies[key];
        ++tally.lemmas[gold.empty() || gold == "_" ? std::string(example.forms[i]) : gold];
        const auto row = example.morph.begin() + static_cast<std::ptrdiff_t>(i * attributes);
        ++tally.analyses[std::string(row, row + static_cast<std::ptrdiff_t>(attributes))];
        ++tally.total;
      }
    }
    for (auto& [key, tally] : tallies) {
      const auto most = [](const auto& counts) {
        auto best = counts.begin();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
          if (it->second > best->second) best = it;
        }
        return best;
      };
      detail::KnownWord known;
      const std::string& lemma = most(tally.lemmas)->first;
      if (lemma != key.substr(0, key.find('\t'))) known.lemma = lemma;
      const auto analysis = most(tally.analyses);
      if (tally.total >= 2 && analysis->second >= 0.98 * static_cast<double>(tally.total)) {
        known.morph.assign(analysis->first.begin(), analysis->first.end());
      }
      model_.known_words.emplace(key, std::move(known));
    }
    log("known words: " + std::to_string(model_.known_words.size()));
  }

  PerceptronTrainer train_parser() {
    PerceptronTrainer trainer(detail::kTransitions);
    SentenceSyntax s;
    detail::ArcHybridState state;
    const std::uint8_t punctuation = detail::punctuation_tag(model_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (unsigned epoch = 0; epoch < options_.parser_epochs; ++epoch) {
      std::size_t right = 0, total = 0;
      for (const std::size_t e : shuffled(all())) {
        const Example& example = examples_[e];
        load(example, s, true);
        state.reset(s, punctuation);
        while (!state.done()) {
          detail::arc_features(s, state, s.features);
          float scores[detail::kTransitions] = {0, 0, 0};
          trainer.add_scores(s.features, scores);
          int guess = -1, best_right = -1;
          std::uint32_t costs[detail::kTransitions];
          std::uint32_t least = UINT32_MAX;
          for (std::uint32_t t = 0; t < detail::kTransitions; ++t) {
            const auto transition = detail::Transition(t);
            if (!state.allowed(transition)) continue;
            costs[t] = state.cost(transition, example.heads);
            least = std::min(least, costs[t]);
            if (guess < 0 || scores[t] > scores[guess]) guess = static_cast<int>(t);
          }
          for (std::uint32_t t = 0; t < detail::kTransitions; ++t) {
            if (!state.allowed(detail::Transition(t)) || costs[t] != least) continue;
            if (best_right < 0 || scores[t] > scores[best_right]) best_right = static_cast<int>(t);
          }
          const bool wrong = costs[guess] != least;
          if (wrong)
            trainer.update(s.features, static_cast<std::uint32_t>(best_right),
                           static_cast<std::uint32_t>(guess));
          trainer.tick();
          right += !wrong;
          ++total;
          const bool explore = epoch > 0 && coin(random_) < kExploration;
          state.apply(detail::Transition(explore ? guess : best_right), s.heads);
        }
      }
      log("parser epoch " + std::to_string(epoch + 1) + ": " + percent(right, total) +
          " of the transitions right");
    }
    return trainer;
  }

  PerceptronTrainer train_labeller() {
    PerceptronTrainer trainer(static_cast<std::uint32_t>(model_.relations.size()));
    SentenceSyntax s;
    detail::DependentIndex dependents;
    std::vector<float> scores;
    const std::uint32_t root = detail::root_relation(model_);
    for (unsigned epoch = 0; epoch < options_.labeller_epochs; ++epoch) {
      std::size_t right = 0, total = 0;
      for (const std::size_t e : shuffled(all())) {
        const Example& example = examples_[e];
        load(example, s, true);
        s.heads = example.heads;
        s.labels = example.labels;
        dependents.build(s.heads);
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (s.heads[i] == s.size()) continue;
          detail::label_features(s, dependents, i, s.features);
          right += learn(trainer, s.features, example.labels[i], scores, root) == example.labels[i];
          ++total;
        }
      }
      log("labeller epoch " + std::to_string(epoch + 1) + ": " + percent(right, total) +
          " of the relations right");
    }
    return trainer;
  }

  static std::string percent(std::size_t part, std::size_t whole) {
    const double share = whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f%%", share);
    return buffer;
  }

  std::vector<ConlluSentence> sentences_;
  SyntaxTrainingOptions options_;
  std::mt19937_64 random_;
  SyntaxModel model_;
  std::map<std::string, std::uint32_t> rule_classes_;
  std::vector<Example> examples_;
  std::size_t words_ = 0;
};

}  // namespace

std::string train_syntax_model(std::string_view conllu, const SyntaxTrainingOptions& options) {
  std::vector<ConlluSentence> sentences = detail::read_conllu(conllu);
  if (sentences.empty()) throw LanguagePackError("CoNLL-U: no sentences to train on");
  return Trainer(std::move(sentences), options).train();
}

}  // namespace presslens
