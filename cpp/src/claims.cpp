#include "presslens/claims.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "detail/sentence_lexicon.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"

namespace presslens {

namespace detail {

// A cue phrase as a sequence of keys ("due to" -> "due", "to").
struct CuePhrase {
  std::vector<std::string> words;
  int kind;  // a ClaimKind, or kHedge / kBooster
};
constexpr int kHedge = 100;
constexpr int kBooster = 101;
// Features are hashed into this many buckets; a model file must say the same.
constexpr std::uint32_t kFeatureBuckets = 1u << 18;

// The cue lexicons and the model of one language.
class ClaimResources {
 public:
  ClaimResources(const LanguagePack& language, const Tokenizer& tokenizer) {
    for (const auto& line : language.list("claim_cues")) {
      const auto space = line.find(' ');
      if (space == std::string::npos) continue;
      const int kind = kind_from_name(line.substr(0, space));
      if (kind >= 0) add(line.substr(space + 1), kind, tokenizer);
    }
    for (const auto& phrase : language.list("hedges")) add(phrase, kHedge, tokenizer);
    for (const auto& phrase : language.list("boosters")) add(phrase, kBooster, tokenizer);
    const auto& own = language.list("claim_model");
    language_model = !own.empty();
    load_model(language_model ? own : LanguagePack::builtin("en").list("claim_model_generic"));
  }

  // Phrases by their first word.
  std::unordered_map<std::string, std::vector<CuePhrase>, StringHash, std::equal_to<>> phrases;
  std::vector<float> weights;
  double bias = 0;
  double threshold = 0.5;
  bool language_model = false;

 private:
  static int kind_from_name(std::string_view name) {
    static constexpr std::string_view kNames[] = {"statistical",  "comparative", "causal",
                                                  "predictive",   "normative",   "evaluative",
                                                  "factual-event"};
    for (int k = 0; k < 7; ++k) {
      if (name == kNames[k]) return k;
    }
    return -1;
  }

  void add(std::string_view phrase, int kind, const Tokenizer& tokenizer) {
    CuePhrase cue{{}, kind};
    std::size_t start = 0;
    while (start < phrase.size()) {
      std::size_t end = phrase.find(' ', start);
      if (end == std::string_view::npos) end = phrase.size();
      if (end > start) cue.words.push_back(tokenizer.key(phrase.substr(start, end - start)));
      start = end + 1;
    }
    if (!cue.words.empty()) phrases[cue.words.front()].push_back(std::move(cue));
  }

  // "bias B", "threshold T", "features N", then "<index> <weight>" lines.
  void load_model(const std::vector<std::string>& lines) {
    std::size_t size = 0;
    for (const auto& line : lines) {
      const char* text = line.c_str();
      if (line.starts_with("bias ")) {
        bias = std::strtod(text + 5, nullptr);
      } else if (line.starts_with("threshold ")) {
        threshold = std::strtod(text + 10, nullptr);
      } else if (line.starts_with("features ")) {
        size = std::strtoul(text + 9, nullptr, 10);
        if (size != kFeatureBuckets) throw LanguagePackError("claim model: wrong feature count");
        weights.assign(size, 0.0f);
      } else {
        char* end = nullptr;
        const unsigned long index = std::strtoul(text, &end, 10);
        if (end == text || index >= size)
          throw LanguagePackError("claim model: bad line '" + line + "'");
        weights[index] = static_cast<float>(std::strtod(end, nullptr));
      }
    }
  }
};

}  // namespace detail

namespace {

constexpr std::size_t kMaxClaimTokens = 1000;

// FNV-1a, continuable: fnv1a(b, fnv1a(a)) == fnv1a(a + b).
constexpr std::uint32_t fnv1a(std::string_view text, std::uint32_t hash = 2166136261u) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

struct Feature {
  std::uint32_t index;
  Span span;  // the words it stands for, to explain a score
};

// Feature names are hashed with their prefix; the prefixes' hashes are worked out at compile time.
constexpr std::uint32_t kWordPrefix = fnv1a("w:");
constexpr std::uint32_t kPairPrefix = fnv1a("b:");
constexpr std::uint32_t kKindPrefix = fnv1a("k:");

// Reads the features and cues of one sentence at a time; its buffers serve every sentence of a
// document, so reading allocates nothing once they have grown.
class SentenceReader {
 public:
  SentenceReader(const Document& doc, const detail::ClaimResources& resources)
      : doc_(doc), resources_(resources), facts_(doc.keys().size()) {
    fill(number_facts_, "<num>");
  }

  void read(Span span) {
    span_ = span;
    tokens_.clear();
    keys_.clear();
    token_facts_.clear();
    const auto& tokens = doc_.tokens();
    auto first =
        std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                         [](const Token& t, std::uint32_t at) { return t.span.begin < at; });
    // A claim is read from the sentence's first kMaxClaimTokens tokens: a sentence of a
    // million words is no claim to rank, and bounded work keeps the stage linear.
    for (auto t = first;
         t != tokens.end() && t->span.end <= span.end && tokens_.size() < kMaxClaimTokens; ++t) {
      tokens_.push_back(&*t);
      keys_.push_back(t->kind == TokenKind::kNumber ? std::string_view("<num>")
                                                    : std::string_view(doc_.key(*t)));
      token_facts_.push_back(&facts_of(tokens_.size() - 1));
    }
  }

  // Hashed features (into `out`): words, word pairs, cue kinds, hedges and boosters, numbers,
  // length.
  void features(Claim* claim, bool language_features, std::vector<Feature>& out) const {
    out.clear();
    const auto add = [&](std::string_view name, Span span) {
      out.push_back({fnv1a(name) % detail::kFeatureBuckets, span});
    };
    // Word features hash "w:<key>" and "b:<key> <key>" without building the strings.
    const auto add_hashed = [&](std::uint32_t hash, Span span) {
      out.push_back({hash % detail::kFeatureBuckets, span});
    };
    std::uint32_t words = 0;
    bool number = false, capitalised = false;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = *tokens_[i];
      const bool word = t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
      if (!word) {
        const std::string_view mark = doc_.text(t.span);
        if (mark == "%" || t.kind == TokenKind::kSymbol) add("d:symbol", t.span);
        continue;
      }
      ++words;
      if (t.kind == TokenKind::kNumber) {
        // A quantity, not a label: years ("in 2017") and numbers that name things ("Route 9",
        // "Article 12") make no statistic.
        const std::string_view digits = doc_.text(t.span);
        const bool year =
            digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        const bool label =
            i > 0 && tokens_[i - 1]->kind == TokenKind::kWord && facts(i - 1).capitalised;
        number |= !year && !label;
        add("d:number", t.span);
      } else if (i > 0 && facts(i).capitalised) {
        if (!capitalised) add("d:capitalised", t.span);
        capitalised = true;
      }
      if (language_features) {
        add_hashed(facts(i).word_hash, t.span);
        if (i + 1 < tokens_.size() && tokens_[i + 1]->kind <= TokenKind::kNumber) {
          const std::uint32_t pair = fnv1a(keys_[i + 1], facts(i).pair_prefix);
          add_hashed(pair, {t.span.begin, tokens_[i + 1]->span.end});
        }
      }
      match_cues(i, claim, [&](int kind, Span cue) {
        if (kind == detail::kHedge || kind == detail::kBooster) {
          add(kind == detail::kHedge ? "h:hedge" : "h:booster", cue);
        } else {
          add_hashed(fnv1a(to_string(static_cast<ClaimKind>(kind)), kKindPrefix), cue);
        }
      });
    }
    static constexpr std::string_view kLengths[] = {"n:1-5", "n:6-10", "n:11-20", "n:21-40",
                                                    "n:41+"};
    const std::size_t bucket = words <= 5    ? 0
                               : words <= 10 ? 1
                               : words <= 20 ? 2
                               : words <= 40 ? 3
                                             : 4;
    add(kLengths[bucket], span_);
    if (is_question()) add("q:question", span_);
    if (claim) {
      if (number) add_kind(*claim, ClaimKind::kStatistical, first_number());
      if (is_factual_event()) add_kind(*claim, ClaimKind::kFactualEvent, span_);
    }
  }

  bool is_question() const { return !tokens_.empty() && doc_.text(tokens_.back()->span) == "?"; }

  // Questions, exhortations ("Let's ...") and wishes ("I hope ...") claim nothing.
  bool claims_nothing() const {
    if (is_question()) return true;
    if (keys_.size() >= 2 && ((keys_[0] == "let's") || (keys_[0] == "let" && keys_[1] == "us") ||
                              (keys_[0] == "i" && keys_[1] == "hope"))) {
      return true;
    }
    return false;
  }

 private:
  template <typename Report>
  void match_cues(std::size_t i, Claim* claim, Report report) const {
    const auto* phrases = facts(i).cues;
    if (!phrases) return;
    for (const detail::CuePhrase& phrase : *phrases) {
      if (i + phrase.words.size() > keys_.size()) continue;
      if (!std::equal(phrase.words.begin(), phrase.words.end(),
                      keys_.begin() + static_cast<std::ptrdiff_t>(i))) {
        continue;
      }
      const Span cue{tokens_[i]->span.begin, tokens_[i + phrase.words.size() - 1]->span.end};
      report(phrase.kind, cue);
      if (!claim) continue;
      if (phrase.kind == detail::kHedge) {
        claim->hedges.push_back(cue);
      } else if (phrase.kind == detail::kBooster) {
        claim->boosters.push_back(cue);
      } else {
        add_kind(*claim, static_cast<ClaimKind>(phrase.kind), cue);
      }
    }
  }

  static void add_kind(Claim& claim, ClaimKind kind, Span cue) {
    const bool known = std::any_of(claim.kinds.begin(), claim.kinds.end(),
                                   [&](const KindCue& k) { return k.kind == kind; });
    if (!known) claim.kinds.push_back({kind, cue});
  }

  Span first_number() const {
    for (const Token* t : tokens_) {
      const std::string_view digits = doc_.text(t->span);
      const bool year =
          digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
      if (t->kind == TokenKind::kNumber && !year) return t->span;
    }
    return span_;
  }

  // A past event with a date and a named participant: a year or month name, a capitalised
  // name past the first word, and a verb in -ed.
  bool is_factual_event() const {
    bool dated = false, named = false, past = false;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const std::string_view key = keys_[i];
      if (tokens_[i]->kind == TokenKind::kNumber) {
        const std::string_view digits = doc_.text(tokens_[i]->span);
        dated |= digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
      }
      dated |= facts(i).dated;
      named |= i > 0 && tokens_[i]->kind == TokenKind::kWord && facts(i).capitalised;
      past |= key.size() > 4 && key.ends_with("ed");
    }
    return dated && named && past;
  }

  // What a distinct key is, worked out the first time the document uses it: keys recur, and
  // hashing every token's key for every question cost a fifth of the stage.
  struct KeyFacts {
    bool known = false;
    bool dated = false;             // a month or weekday name
    bool capitalised = false;       // as written (a Token::key stands for one written form)
    std::uint32_t word_hash = 0;    // of the word feature "w:<key>"
    std::uint32_t pair_prefix = 0;  // of "b:<key> ", to be continued with the next key
    const std::vector<detail::CuePhrase>* cues = nullptr;  // cue phrases starting with it
  };

  const KeyFacts& facts(std::size_t i) const { return *token_facts_[i]; }

  const KeyFacts& facts_of(std::size_t i) const {
    const Token& token = *tokens_[i];
    if (token.kind == TokenKind::kNumber) return number_facts_;  // keyed "<num>"
    KeyFacts& facts = facts_[token.key];
    if (!facts.known) {
      static const detail::StringSet kDates = {
          "january", "february",  "march",    "april",    "june",     "july",
          "august",  "september", "october",  "november", "december", "monday",
          "tuesday", "wednesday", "thursday", "friday",   "yesterday"};
      facts.known = true;
      fill(facts, keys_[i]);
      facts.dated = kDates.contains(keys_[i]);
      facts.capitalised = u_isupper(detail::code_point_at(doc_.text(), token.span.begin).value);
    }
    return facts;
  }

  // What a key alone decides: its feature hashes and its cue phrases.
  void fill(KeyFacts& facts, std::string_view key) const {
    facts.word_hash = fnv1a(key, kWordPrefix);
    facts.pair_prefix = fnv1a(" ", fnv1a(key, kPairPrefix));
    facts.cues = cues_of(key);
  }

  const std::vector<detail::CuePhrase>* cues_of(std::string_view key) const {
    const auto found = resources_.phrases.find(key);
    return found == resources_.phrases.end() ? nullptr : &found->second;
  }

  const Document& doc_;
  const detail::ClaimResources& resources_;
  mutable std::vector<KeyFacts> facts_;  // by Document key index
  KeyFacts number_facts_;
  Span span_;  // the sentence being read
  std::vector<const Token*> tokens_;
  std::vector<std::string_view> keys_;        // views of the document's keys
  std::vector<const KeyFacts*> token_facts_;  // what each token's key is, looked up once
};

// For each sentence, the quote that covers most of it when that is more than half of it: each
// quote visits the sentences it overlaps (found by binary search), so the cost stays linear.
std::vector<const Quote*> covering_quotes(const Document& doc) {
  const auto& sentences = doc.sentences();
  std::vector<const Quote*> best(sentences.size(), nullptr);
  std::vector<std::uint32_t> best_overlap(sentences.size(), 0);
  for (const Quote& quote : doc.quotes()) {
    const Span region = quote.marks.empty() ? quote.span : quote.marks;
    auto s = std::upper_bound(sentences.begin(), sentences.end(), region.begin,
                              [](std::uint32_t at, const Sentence& x) { return at < x.span.end; });
    for (; s != sentences.end() && s->span.begin < region.end; ++s) {
      const std::uint32_t overlap =
          std::min(region.end, s->span.end) - std::max(region.begin, s->span.begin);
      const auto index = static_cast<std::size_t>(s - sentences.begin());
      if (overlap > best_overlap[index]) {
        best_overlap[index] = overlap;
        best[index] = &quote;
      }
    }
  }
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (2 * best_overlap[i] <= sentences[i].span.size()) best[i] = nullptr;
  }
  return best;
}

}  // namespace

const char* to_string(ClaimKind kind) noexcept {
  switch (kind) {
    case ClaimKind::kStatistical:
      return "statistical";
    case ClaimKind::kComparative:
      return "comparative";
    case ClaimKind::kCausal:
      return "causal";
    case ClaimKind::kPredictive:
      return "predictive";
    case ClaimKind::kNormative:
      return "normative";
    case ClaimKind::kEvaluative:
      return "evaluative";
    case ClaimKind::kFactualEvent:
      return "factual-event";
  }
  return "statistical";
}

ClaimScorer::ClaimScorer(const LanguagePack& language, Tokenizer tokenizer)
    : tokenizer_(std::move(tokenizer)),
      resources_(std::make_shared<const detail::ClaimResources>(language, tokenizer_)) {}

double ClaimScorer::threshold() const noexcept { return resources_->threshold; }
bool ClaimScorer::has_language_model() const noexcept { return resources_->language_model; }

std::vector<std::uint32_t> ClaimScorer::features(const Document& document, Span span,
                                                 bool words) const {
  SentenceReader reader(document, *resources_);
  reader.read(span);
  std::vector<Feature> features;
  reader.features(nullptr, words, features);
  std::vector<std::uint32_t> indices;
  for (const Feature& f : features) indices.push_back(f.index);
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  return indices;
}

std::vector<Claim> ClaimScorer::score(const Document& document) const {
  std::vector<Claim> claims;
  claims.reserve(document.sentences().size());
  const auto& weights = resources_->weights;
  const std::vector<const Quote*> covering = covering_quotes(document);
  SentenceReader reader(document, *resources_);
  std::vector<Feature> features;
  for (std::uint32_t s = 0; s < document.sentences().size(); ++s) {
    const Span span = document.sentences()[s].span;
    Claim claim;
    claim.sentence = s;
    reader.read(span);
    reader.features(&claim, resources_->language_model, features);
    // Each feature counts once; the strongest positive ones explain the score.
    std::sort(features.begin(), features.end(),
              [](const Feature& a, const Feature& b) { return a.index < b.index; });
    features.erase(
        std::unique(features.begin(), features.end(),
                    [](const Feature& a, const Feature& b) { return a.index == b.index; }),
        features.end());
    const auto weight = [&](const Feature& f) {
      return f.index < weights.size() ? static_cast<double>(weights[f.index]) : 0.0;
    };
    double logit = resources_->bias;
    for (const Feature& f : features) logit += weight(f);
    claim.score = 1.0 / (1.0 + std::exp(-logit));
    // The three cues come from the strongest few features (a cue stands for at most four: its
    // word, two pairs and its number), so only those are put in order.
    const auto strongest = features.begin() + std::min<std::ptrdiff_t>(features.size(), 12);
    std::partial_sort(features.begin(), strongest, features.end(),
                      [&](const Feature& a, const Feature& b) {
                        if (weight(a) != weight(b)) return weight(a) > weight(b);
                        return a.span.begin < b.span.begin;  // equal weights: in text order
                      });
    for (auto f = features.begin(); f != strongest && claim.cues.size() < 3; ++f) {
      if (weight(*f) <= 0) break;
      // Each cue once: a number is both a word feature and the "number" feature.
      const Span cue = f->span;
      if (cue != span && std::find(claim.cues.begin(), claim.cues.end(), cue) == claim.cues.end()) {
        claim.cues.push_back(cue);
      }
    }
    claim.is_claim = claim.score >= resources_->threshold && !reader.claims_nothing();
    if (const Quote* quote = covering[s]) {
      claim.speaker = quote->speaker;
      claim.speaker_key = quote->speaker_key;
    }
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace presslens
