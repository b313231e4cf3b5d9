#include "presslens/claims.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <span>

#include "detail/claim_lexicon.hpp"
#include "detail/claim_model.hpp"
#include "detail/linear_model.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"
#include "presslens/syntax.hpp"

namespace presslens {

namespace detail {

// Features are hashed into this many buckets; a model file must say the same.
constexpr std::uint32_t kFeatureBuckets = 1u << 18;

// The cue lexicon and the model of one language.
class ClaimResources {
 public:
  ClaimResources(const LanguagePack& language, const Tokenizer& tokenizer)
      : lexicon(language, tokenizer) {
    const auto& own = language.list("claim_model");
    language_model = !own.empty();
    load_model(language_model ? own : LanguagePack::builtin("en").list("claim_model_generic"));
    if (language.has_model("claims")) {
      own_claim_model_.emplace(language.model("claims"), "claims");
      claim_model = &*own_claim_model_;
    }
  }

  ClaimLexicon lexicon;
  std::vector<float> weights;
  double bias = 0;
  double threshold = 0.5;
  // Platt scaling of the logistic model's logit: the training mixes debates judged by two
  // standards, so its own probabilities read low.
  double slope = 1;
  double intercept = 0;
  bool language_model = false;
  // The pack's own (claims.model), else the shipped one.
  const ClaimModel* claim_model = ClaimModel::builtin();

  double check_worthiness(double logit) const {
    return 1.0 / (1.0 + std::exp(-(slope * logit + intercept)));
  }

 private:
  // "bias B", "threshold T", "calibration SLOPE INTERCEPT", "features N", then "<index>
  // <weight>" lines.
  void load_model(const std::vector<std::string>& lines) {
    std::size_t size = 0;
    for (const auto& line : lines) {
      const char* text = line.c_str();
      if (line.starts_with("bias ")) {
        bias = std::strtod(text + 5, nullptr);
      } else if (line.starts_with("calibration ")) {
        char* end = nullptr;
        slope = std::strtod(text + 12, &end);
        intercept = std::strtod(end, nullptr);
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

  std::optional<ClaimModel> own_claim_model_;
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
  Span span;         // the words it stands for, to explain a score
  float weight = 0;  // in the model, once looked up
};

// Feature names are hashed with their prefix; the prefix's hash is worked out at compile time.
constexpr std::uint32_t kKindPrefix = fnv1a("k:");

// A word's feature of one family ('w': the word, 'b': a pair it starts) from the word's own
// 64-bit hash (murmur3's 64-bit finaliser spreads the combination).
constexpr std::uint32_t feature_hash(std::uint64_t word, char family) {
  std::uint64_t h = word ^ (static_cast<std::uint64_t>(family) * 0x9E3779B97F4A7C15ull);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return static_cast<std::uint32_t>(h ^ (h >> 33));
}

// The feature of a word pair, from its words' own hashes: a few operations per token instead of
// hashing the next word's bytes again.
constexpr std::uint32_t pair_hash(std::uint32_t first, std::uint32_t second) {
  return feature_hash((std::uint64_t{first} << 32) | second, 'p');
}

bool is_year(std::string_view digits) {
  return digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
}

// Reads the features and cues of one sentence at a time; its buffers serve every sentence of a
// document, so reading allocates nothing once they have grown.
class SentenceReader {
 public:
  SentenceReader(const Document& doc, const detail::ClaimResources& resources,
                 const SyntaxParser* grammar)
      : doc_(doc),
        lexicon_(resources.lexicon),
        grammar_(grammar && grammar->available() ? grammar : nullptr),
        facts_(doc.keys().size()) {
    fill(number_facts_, "<num>");
    number_facts_.tag = static_cast<std::uint8_t>(PartOfSpeech::kNum);
  }

  void read(Span span) {
    span_ = span;
    token_facts_.clear();
    const auto& tokens = doc_.tokens();
    const auto first =
        std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                         [](const Token& t, std::uint32_t at) { return t.span.begin < at; });
    // A claim is read from the sentence's first kMaxClaimTokens tokens: a sentence of a
    // million words is no claim to rank, and bounded work keeps the stage linear.
    auto last = first;
    while (last != tokens.end() && last->span.end <= span.end &&
           last - first < static_cast<std::ptrdiff_t>(kMaxClaimTokens)) {
      ++last;
    }
    tokens_ = std::span<const Token>(first, last);
    for (std::size_t i = 0; i < tokens_.size(); ++i) token_facts_.push_back(&facts_of(i));
    match_cues();
  }

  // Hashed features (into `out`): words, word pairs, cue kinds, hedges and boosters, numbers,
  // length. With `claim`, also its kinds, hedges and boosters.
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
    bool capitalised = false;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      const bool word = t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
      if (!word) {
        const std::string_view mark = doc_.text(t.span);
        if (mark == "%" || t.kind == TokenKind::kSymbol) add("d:symbol", t.span);
        continue;
      }
      ++words;
      if (t.kind == TokenKind::kNumber) {
        add("d:number", t.span);
      } else if (i > 0 && facts(i).capitalised) {
        if (!capitalised) add("d:capitalised", t.span);
        capitalised = true;
      }
      if (language_features) {
        add_hashed(facts(i).word_hash, t.span);
        if (i + 1 < tokens_.size() && tokens_[i + 1].kind <= TokenKind::kNumber) {
          const std::uint32_t pair = pair_hash(facts(i).pair_hash, facts(i + 1).word_hash);
          add_hashed(pair, {t.span.begin, tokens_[i + 1].span.end});
        }
      }
    }
    for (const detail::CueMatch& match : matches_) {
      if (match.role == detail::kHedge || match.role == detail::kBooster) {
        add(match.role == detail::kHedge ? "h:hedge" : "h:booster", match.span);
        if (claim)
          (match.role == detail::kHedge ? claim->hedges : claim->boosters).push_back(match.span);
      } else if (match.role < detail::kHedge) {
        const auto kind = static_cast<ClaimKind>(match.role);
        add_hashed(fnv1a(to_string(kind), kKindPrefix), match.span);
        if (claim) add_kind(*claim, kind, match.span);
      }
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
      if (const Token* quantity = first_quantity()) {
        add_kind(*claim, ClaimKind::kStatistical, quantity->span);
      }
      if (is_factual_event()) add_kind(*claim, ClaimKind::kFactualEvent, span_);
    }
  }

  // The claim model's features (ClaimModel's families), from what features() found: `claim`'s
  // kinds, hedges and boosters, and `check`, its check-worthiness.
  void claim_features(const Claim& claim, double check, std::uint32_t families, std::uint64_t lang,
                      std::vector<std::uint64_t>& out) const {
    out.clear();
    // Feature templates; their numbers are part of the model format.
    enum : std::uint32_t {
      kBias = 1,
      kEnd,
      kLength,
      kKind,
      kKinds,
      kHedged,
      kBoosted,
      kOpening,
      kProverb,
      kNumber,
      kQuantity,
      kNamed,
      kFirstTags,
      kTag,
      kFirstWord,
      kWord,
      kCheck,
      kEndFirstTag,
    };
    out.push_back(detail::feature(kBias, 0));
    std::uint32_t words = 0;
    std::uint64_t first_tags = 0;  // the known tags of the first two words, 0 for none
    std::uint64_t first_tag = 0;   // the first word's known tag + 1, 0 for none
    bool number = false, named = false;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      const std::uint64_t tag = facts(i).tag;
      if (words == 0) first_tag = tag + 1;
      if (words < 2) first_tags = first_tags * 33 + tag + 1;
      if (families & kClaimTags) out.push_back(detail::feature(kTag, tag));
      if (families & kClaimWords) {
        if (words == 0) out.push_back(detail::feature(kFirstWord, facts(i).key_hash));
        out.push_back(detail::feature(kWord, facts(i).key_hash));
      }
      number |= t.kind == TokenKind::kNumber;
      named |= words > 0 && t.kind == TokenKind::kWord && facts(i).capitalised;
      ++words;
    }
    const std::uint64_t end = ending();
    if (families & kClaimShape) {
      static constexpr std::array<std::uint32_t, 6> kLengths = {3, 6, 10, 15, 25, 40};
      out.push_back(detail::feature(kEnd, end));
      out.push_back(detail::feature(kLength, detail::bucket(words, kLengths)));
    }
    if (families & kClaimTags) {
      out.push_back(detail::feature(kFirstTags, first_tags));
      if (families & kClaimShape) {
        out.push_back(detail::feature(kEndFirstTag, end, first_tag));
      }
    }
    if (families & kClaimCues) {
      for (const KindCue& k : claim.kinds) {
        out.push_back(detail::feature(kKind, static_cast<std::uint64_t>(k.kind)));
      }
      out.push_back(detail::feature(kKinds, std::min<std::size_t>(claim.kinds.size(), 3)));
      out.push_back(detail::feature(kHedged, claim.hedges.empty() ? 0 : 1));
      out.push_back(detail::feature(kBoosted, claim.boosters.empty() ? 0 : 1));
      const std::string_view why = rule();
      out.push_back(detail::feature(kOpening, why == kOpeningRule ? 1 : 0));
      out.push_back(detail::feature(kProverb, why == kProverbRule ? 1 : 0));
      out.push_back(detail::feature(kNumber, number ? 1 : 0, first_quantity() ? 1 : 0));
      out.push_back(detail::feature(kNamed, named ? 1 : 0));
    }
    if (families & kClaimCheck) {
      out.push_back(detail::feature(kCheck, static_cast<std::uint64_t>(std::min(9.0, check * 10))));
    }
    if (families & kClaimLanguage) {
      const std::size_t shared = out.size();
      for (std::size_t i = 0; i < shared; ++i) out.push_back(detail::mix64(out[i] ^ lang));
    }
  }

  bool is_question() const { return ending() == kQuestion; }

  // Why the sentence claims nothing, whatever its scores, or "": a question; an exhortation
  // ("Let's ..."), wish ("I hope ...") or address to the reader ("Imagine ..."), by the
  // language's `nonclaim` phrases at its start; a proverb, anywhere.
  std::string_view rule() const {
    if (is_question()) return kQuestionRule;
    std::string_view why;
    for (const detail::CueMatch& m : matches_) {
      if (m.role == detail::kProverb) return kProverbRule;
      if (m.role == detail::kNonClaim && !tokens_.empty() &&
          m.span.begin == tokens_.front().span.begin) {
        why = kOpeningRule;
      }
    }
    return why;
  }

  static constexpr std::string_view kQuestionRule = "question";
  static constexpr std::string_view kOpeningRule = "exhortation, wish or address";
  static constexpr std::string_view kProverbRule = "proverb";

 private:
  enum Ending : std::uint64_t { kNoMark, kFullStop, kQuestion, kExclamation, kOtherMark };

  // How the sentence ends: its last mark of . ? ! (or their full-width forms) after its last word,
  // skipping the other punctuation after it (closing quotation marks and brackets, an ellipsis).
  Ending ending() const {
    for (auto t = tokens_.rbegin(); t != tokens_.rend(); ++t) {
      if (t->kind == TokenKind::kWord || t->kind == TokenKind::kNumber) return kNoMark;
      const std::string_view mark = doc_.text(t->span);
      if (mark == "?" || mark == "\xEF\xBC\x9F") return kQuestion;     // "？"
      if (mark == "!" || mark == "\xEF\xBC\x81") return kExclamation;  // "！"
      if (mark == "." || mark == "\xE3\x80\x82" || mark == "\xEF\xBC\x8E") return kFullStop;
      if (t->kind != TokenKind::kPunctuation) return kOtherMark;
    }
    return kNoMark;
  }

  // The key token i is matched by: numbers are "<num>".
  std::string_view key(std::size_t i) const {
    return tokens_[i].kind == TokenKind::kNumber ? std::string_view("<num>")
                                                 : std::string_view(doc_.key(tokens_[i]));
  }

  // Whether the phrase's words after its first follow token i.
  bool follows(const detail::CuePhrase& phrase, std::size_t i) const {
    for (std::size_t w = 1; w < phrase.words.size(); ++w) {
      if (phrase.words[w] != key(i + w)) return false;
    }
    return true;
  }

  // The cue phrases of the sentence, longest first and not overlapping, into matches_.
  void match_cues() {
    matches_.clear();
    for (std::size_t i = 0; i < tokens_.size();) {
      std::size_t matched = 0;
      if (const auto* phrases = facts(i).cues) {
        for (const detail::CuePhrase& phrase : *phrases) {
          const std::size_t size = phrase.words.size();
          if (size < matched) break;  // longest first: only equally long ones remain
          // Its first word is this token's key: the phrase was found by it.
          if (i + size > tokens_.size() || (size > 1 && facts(i + 1).key_hash != phrase.second) ||
              !follows(phrase, i)) {
            continue;
          }
          matched = size;
          if (phrase.role != detail::kNotACue) {
            matches_.push_back(
                {phrase.role, {tokens_[i].span.begin, tokens_[i + size - 1].span.end}});
          }
        }
      }
      if (matched == 0 && facts(i).suffix_kind >= 0) {
        matches_.push_back({facts(i).suffix_kind, tokens_[i].span});
      }
      i += std::max<std::size_t>(matched, 1);
    }
    // Unspaced phrases are looked for in the text the tokens read cover, no further.
    const Span read{span_.begin, tokens_.empty() ? span_.begin : tokens_.back().span.end};
    lexicon_.match_text(doc_.text(), read, matches_);
  }

  static void add_kind(Claim& claim, ClaimKind kind, Span cue) {
    const bool known = std::any_of(claim.kinds.begin(), claim.kinds.end(),
                                   [&](const KindCue& k) { return k.kind == kind; });
    if (!known) claim.kinds.push_back({kind, cue});
  }

  // A number that tells the time of day: a time word after it ("9 p.m.", "14 Uhr", "15時"), or
  // the hour or minutes of "10:30" or "14 h 30" (an hour to 24, two-digit minutes to 59: "52:48
  // Stimmen" is a tally).
  bool is_clock_number(std::size_t i) const {
    const auto text = [&](std::size_t j) { return doc_.text(tokens_[j].span); };
    const auto value = [&](std::size_t j) {
      if (tokens_[j].kind != TokenKind::kNumber) return -1;
      int v = 0;
      for (const char c : text(j)) {
        if (c < '0' || c > '9' || v > 99) return -1;
        v = 10 * v + (c - '0');
      }
      return v;
    };
    const auto clock = [&](std::size_t hour, std::size_t minutes) {
      return value(hour) >= 0 && value(hour) <= 24 && text(minutes).size() == 2 &&
             value(minutes) >= 0 && value(minutes) <= 59;
    };
    const auto separator = [&](std::size_t j) { return text(j) == ":" || text(j) == "h"; };
    if (i + 1 < tokens_.size() && facts(i + 1).time) return true;  // "14.30 Uhr" too
    if (i + 2 < tokens_.size() && separator(i + 1) && clock(i, i + 2)) return true;
    return i >= 2 && separator(i - 1) && clock(i - 2, i);
  }

  // A number that names a date ("3 mars", "12. Oktober", "2021年3月", "July 4"): a date word
  // right before it or within the next two tokens.
  bool is_date_number(std::size_t i) const {
    if (i > 0 && facts(i - 1).dated) return true;
    for (std::size_t j = i + 1; j < tokens_.size() && j <= i + 2; ++j) {
      if (facts(j).dated) return true;
    }
    return false;
  }

  // The first number that counts something: years ("in 2017"), dates, times of day and numbers
  // that name things ("Route 9", "Article 12") make no statistic.
  const Token* first_quantity() const {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kNumber) continue;
      const std::string_view digits = doc_.text(tokens_[i].span);
      // "Route 9", "Artikel 12"; but "Sommer 62.000" counts visitors (German capitalises nouns).
      const bool label =
          i > 0 && tokens_[i - 1].kind == TokenKind::kWord && facts(i - 1).capitalised &&
          digits.size() <= 3 &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!is_year(digits) && !label && !is_date_number(i) && !is_clock_number(i)) {
        return &tokens_[i];
      }
    }
    return nullptr;
  }

  // A past event, dated and with a named participant: a year, a month or a date word; a
  // capitalised name past the first word (any name, in scripts without capitals); a past form
  // of a verb; and nothing that looks ahead.
  bool is_factual_event() const {
    bool dated = false, named = false, cased = false, past = false;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      dated |= facts(i).dated || (t.kind == TokenKind::kNumber && is_year(doc_.text(t.span)));
      if (t.kind != TokenKind::kWord) continue;
      named |= i > 0 && facts(i).capitalised;
      cased |= facts(i).cased;
      past |= facts(i).past;
    }
    bool predictive = false;
    for (const detail::CueMatch& match : matches_) {
      predictive |= match.role == static_cast<int>(ClaimKind::kPredictive);
      past |= match.role == detail::kPast;  // 了, found in the text
    }
    return dated && (named || !cased) && past && !predictive;
  }

  // What a distinct key is, worked out the first time the document uses it: keys recur, and
  // hashing every token's key for every question cost a fifth of the stage.
  struct KeyFacts {
    bool known = false;
    bool dated = false;           // a month, weekday or date word
    bool time = false;            // a time-of-day word
    bool past = false;            // a past form of a verb
    bool cased = false;           // written in a script with capitals
    bool capitalised = false;     // as written (a Token::key stands for one written form)
    int suffix_kind = -1;         // the kind its ending marks, if any
    std::uint8_t tag = kNoTag;    // its part of speech when the treebank only ever gave it one
    std::uint64_t key_hash = 0;   // fnv1a of the key
    std::uint32_t word_hash = 0;  // of its word feature
    std::uint32_t pair_hash = 0;  // of the pairs it starts, combined with the next word_hash
    const std::vector<detail::CuePhrase>* cues = nullptr;  // cue phrases starting with it
  };

  // KeyFacts::tag of a word the treebank knows with several tags, or not at all.
  static constexpr std::uint8_t kNoTag = 31;

  const KeyFacts& facts(std::size_t i) const { return *token_facts_[i]; }

  const KeyFacts& facts_of(std::size_t i) const {
    const Token& token = tokens_[i];
    if (token.kind == TokenKind::kNumber) return number_facts_;  // keyed "<num>"
    KeyFacts& facts = facts_[token.key];
    if (!facts.known) {
      facts.known = true;
      fill(facts, key(i));
      const UChar32 first = detail::code_point_at(doc_.text(), token.span.begin).value;
      if (first < 0x80) {  // most words: no trip through ICU
        facts.capitalised = first >= 'A' && first <= 'Z';
        facts.cased = facts.capitalised || (first >= 'a' && first <= 'z');
      } else {
        facts.capitalised = u_isupper(first);
        facts.cased = u_hasBinaryProperty(first, UCHAR_CASED);
      }
      if (grammar_) {
        const auto tag = grammar_->known_tag(doc_.text(token.span));
        if (tag) facts.tag = static_cast<std::uint8_t>(*tag);
      }
    }
    return facts;
  }

  // What a key alone decides: its feature hashes and what the lexicon says of it, from one
  // pass over its bytes.
  void fill(KeyFacts& facts, std::string_view key) const {
    const std::uint64_t hash = detail::fnv1a(key);
    facts.key_hash = hash;
    facts.word_hash = feature_hash(hash, 'w');
    facts.pair_hash = feature_hash(hash, 'b');
    const detail::ClaimLexicon::Word word = lexicon_.word(key, hash);
    facts.cues = word.phrases;
    facts.dated = word.date;
    facts.time = word.time;
    facts.past = word.past;
    facts.suffix_kind = word.suffix_kind;
  }

  const Document& doc_;
  const detail::ClaimLexicon& lexicon_;
  const SyntaxParser* grammar_;          // null: no known tags
  mutable std::vector<KeyFacts> facts_;  // by Document key index
  KeyFacts number_facts_;
  Span span_;                                 // the sentence being read
  std::span<const Token> tokens_;             // the sentence's, in the document
  std::vector<const KeyFacts*> token_facts_;  // what each token's key is, looked up once
  std::vector<detail::CueMatch> matches_;     // its cue phrases
};

// Drops repeated features, keeping each index's first occurrence, in one pass over a small
// open-addressing table that serves every sentence (sorting them cost a tenth of the stage).
class FeatureDeduplicator {
 public:
  void keep_first(std::vector<Feature>& features) {
    std::size_t size = 64;
    while (size < 2 * features.size()) size *= 2;
    slots_.assign(size, kEmpty);
    const std::size_t mask = size - 1;
    auto kept = features.begin();
    for (const Feature& f : features) {
      std::size_t slot = (f.index * 0x9E3779B1u) & mask;
      while (slots_[slot] != kEmpty && slots_[slot] != f.index) slot = (slot + 1) & mask;
      if (slots_[slot] == f.index) continue;
      slots_[slot] = f.index;
      *kept++ = f;
    }
    features.erase(kept, features.end());
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;  // no feature index: they are < 2^18
  std::vector<std::uint32_t> slots_;
};

// The spans of the three strongest positive features, strongest first, each span once (a number
// is both a word feature and the "number" feature) and never the whole sentence (its length):
// they explain a score. One pass keeps the best three.
std::vector<Span> strongest_cues(const std::vector<Feature>& features, Span sentence) {
  const auto stronger = [](const Feature& a, const Feature& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.span.begin < b.span.begin;  // equal weights: in text order
  };
  std::array<const Feature*, 3> best{};
  std::size_t count = 0;
  for (const Feature& f : features) {
    if (f.weight <= 0 || f.span == sentence) continue;
    std::size_t at = 0;
    while (at < count && best[at]->span != f.span) ++at;
    if (at < count) {  // a span already kept: keep its stronger feature
      if (!stronger(f, *best[at])) continue;
    } else if (count < best.size()) {
      at = count++;
    } else if (stronger(f, *best[count - 1])) {
      at = count - 1;
    } else {
      continue;
    }
    best[at] = &f;
    for (; at > 0 && stronger(*best[at], *best[at - 1]); --at) std::swap(best[at], best[at - 1]);
  }
  std::vector<Span> cues;
  cues.reserve(count);
  for (std::size_t i = 0; i < count; ++i) cues.push_back(best[i]->span);
  return cues;
}

// The quote that covers most of a sentence, when that is more than half of it.
const Quote* covering_quote(const Document& doc, const SentenceQuotes& held, Span sentence) {
  const Quote* best = nullptr;
  std::uint32_t best_overlap = 0;
  for (const std::uint32_t q : held.quotes) {
    const Quote& quote = doc.quotes()[q];
    // A quote in parts covers its parts, not the attribution between them.
    const auto covered = [&](Span region) {
      return std::max(region.begin, sentence.begin) < std::min(region.end, sentence.end)
                 ? std::min(region.end, sentence.end) - std::max(region.begin, sentence.begin)
                 : 0u;
    };
    std::uint32_t overlap = 0;
    if (quote.parts.empty()) {
      overlap = covered(quote.marks.empty() ? quote.span : quote.marks);
    } else {
      for (const Span part : quote.parts) overlap += covered(part);
    }
    if (overlap > best_overlap) {
      best_overlap = overlap;
      best = &quote;
    }
  }
  return 2 * best_overlap > sentence.size() ? best : nullptr;
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

double ClaimScorer::claim_threshold() const noexcept {
  return resources_->claim_model ? resources_->claim_model->threshold() : resources_->threshold;
}

std::vector<std::uint32_t> ClaimScorer::features(const Document& document, Span span,
                                                 bool words) const {
  SentenceReader reader(document, *resources_, nullptr);
  reader.read(span);
  std::vector<Feature> features;
  reader.features(nullptr, words, features);
  std::vector<std::uint32_t> indices;
  for (const Feature& f : features) indices.push_back(f.index);
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  return indices;
}

namespace {

// Reads one sentence for both decisions: its check-worthiness (score, cues, kinds, hedges,
// boosters, rule) into `claim`, the check-worthiness model's features into `features`.
void read_sentence(SentenceReader& reader, const detail::ClaimResources& resources, Span span,
                   FeatureDeduplicator& unique_features, std::vector<Feature>& features,
                   Claim& claim) {
  reader.read(span);
  reader.features(&claim, resources.language_model, features);
  // Each feature counts once (binary features, as trained).
  unique_features.keep_first(features);
  double logit = resources.bias;
  for (Feature& f : features) {
    f.weight = f.index < resources.weights.size() ? resources.weights[f.index] : 0.0f;
    logit += f.weight;  // a model may be empty
  }
  claim.score = resources.check_worthiness(logit);
  claim.cues = strongest_cues(features, span);
  claim.rule = reader.rule();
  claim.check_worthy = claim.score >= resources.threshold && claim.rule.empty();
}

}  // namespace

std::vector<std::uint64_t> ClaimScorer::claim_features(const Document& document, Span span,
                                                       const SyntaxParser* grammar,
                                                       std::uint32_t families) const {
  const detail::ClaimResources& resources = *resources_;
  SentenceReader reader(document, resources, (families & kClaimTags) != 0 ? grammar : nullptr);
  FeatureDeduplicator unique_features;
  std::vector<Feature> features;
  Claim claim;
  read_sentence(reader, resources, span, unique_features, features, claim);
  std::vector<std::uint64_t> out;
  reader.claim_features(claim, claim.score, families, detail::fnv1a(document.lang()), out);
  return out;
}

std::vector<Claim> ClaimScorer::score(const Document& document, const SyntaxParser* grammar) const {
  const detail::ClaimResources& resources = *resources_;
  const detail::ClaimModel* model = resources.claim_model;
  std::vector<Claim> claims;
  claims.reserve(document.sentences().size());
  const std::vector<SentenceQuotes> held = sentence_quotes(document);
  // Known tags cost a few lookups per distinct word: only for a model that reads them.
  const bool tags = model != nullptr && (model->families() & kClaimTags) != 0;
  SentenceReader reader(document, resources, tags ? grammar : nullptr);
  std::vector<Feature> features;
  std::vector<std::uint64_t> claim_features;
  FeatureDeduplicator unique_features;
  const std::uint64_t lang = detail::fnv1a(document.lang());
  for (std::uint32_t s = 0; s < document.sentences().size(); ++s) {
    const Span span = document.sentences()[s].span;
    Claim claim;
    claim.sentence = s;
    read_sentence(reader, resources, span, unique_features, features, claim);
    if (model) {
      reader.claim_features(claim, claim.score, model->families(), lang, claim_features);
      claim.claim_score = model->probability(claim_features);
    } else {
      claim.claim_score = claim.score;  // a build without the model
    }
    claim.is_claim = claim.claim_score >= claim_threshold() && claim.rule.empty();
    if (const Quote* quote = covering_quote(document, held[s], span)) {
      claim.speaker = quote->speaker;
      claim.speaker_key = quote->speaker_key;
    }
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace presslens
