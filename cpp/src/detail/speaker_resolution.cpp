// Who each quote's speaker is. The attribution rules find the speaker phrase as written ("she",
// "the minister", "Kishida", "Ana Ruiz, a spokeswoman for Northwind"); this stage finds the names
// of the document (capitalised runs, titles and roles around them; for Chinese and Japanese the
// speakers' own phrases), groups a name's mentions by surname, and resolves each speaker to one:
// the name in its phrase, the nearest compatible person a pronoun can stand for, or the person
// named earlier with the role it names (docs/quotes.md, "Who the speaker is").
#include "detail/speaker_resolution.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "detail/quote_resources.hpp"
#include "detail/utf8.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"
#include "presslens/syntax.hpp"

namespace presslens::detail {
namespace {

// How many lower-case words before a name may be its role ("transport director Paul Ingram"),
// and how many an appositive after it may have ("Ana Ruiz, a spokeswoman for the ministry,").
constexpr std::uint32_t kRoleWordsBefore = 4;
constexpr std::uint32_t kAppositiveWords = 8;
// How many words a role phrase before a comma and the name may have ("The head coach of the
// national rugby team, Declan Forde").
constexpr std::uint32_t kRolePhraseWords = 12;
// How many tokens into its sentence a name may stand and still be taken for its subject.
constexpr std::uint32_t kSubjectReach = 48;
// How many earlier names with a role a role speaker is compared with.
constexpr std::size_t kRoleCandidates = 64;
// How far back a pronoun's antecedent may be, in sentences and in names.
constexpr std::uint32_t kAntecedentSentences = 6;
constexpr std::size_t kAntecedentNames = 64;
// How many names a Chinese or Japanese speaker is compared with when grouping, and the bytes of
// the longest phrase that is no name (one character: "他", "该").
constexpr std::size_t kCjkEntities = 256;
constexpr std::uint32_t kShortestCjkName = 3;
// The most characters a Japanese given name written after its surname has ("真理子").
constexpr std::size_t kJapaneseGivenName = 3;
// How many words and characters a Chinese or Japanese name found before a title or an
// organisation word may have ("岡部 直子", "北风 物流").
constexpr std::uint32_t kCjkNameWords = 3;
constexpr std::size_t kCjkNameCharacters = 6;
// The bytes of the shortest title a German compound may end in ("chef" of "Rathauschef").
constexpr std::size_t kShortestTitleEnding = 4;
// How many role words a German role speaker is compared with by ending.
constexpr std::size_t kCompoundRoles = 4096;

// Salience of an antecedent (docs/quotes.md): a name the previous quote's speaker has, one that
// stands where subjects stand, a known person (or organisation), one whose gender the pronoun's
// confirms, less with each sentence between it and the pronoun.
constexpr double kPreviousSpeaker = 1.0;
constexpr double kSubjectLike = 0.5;
constexpr double kGenderConfirmed = 0.4;
constexpr double kKnownPerson = 0.3;
constexpr double kKnownOrganisation = 0.5;
constexpr double kPossessor = -0.5;
constexpr double kPerSentence = -0.3;

Gender parse_gender(std::string_view field, std::string_view line) {
  if (field.empty()) return Gender::kUnknown;
  if (field == "m") return Gender::kMale;
  if (field == "f") return Gender::kFemale;
  if (field == "plural") return Gender::kPlural;
  throw LanguagePackError("speaker words: unknown gender '" + std::string(field) + "' in '" +
                          std::string(line) + "' (m, f or plural)");
}

SpeakerLexicon::Class parse_class(std::string_view field, std::string_view line) {
  using Class = SpeakerLexicon::Class;
  if (field == "title") return Class::kTitle;
  if (field == "person") return Class::kPerson;
  if (field == "organisation") return Class::kOrganisation;
  if (field == "thing") return Class::kThing;
  if (field == "pronoun" || field == "object-pronoun") return Class::kPronoun;
  if (field == "unresolved" || field == "neuter") return Class::kUnresolved;
  if (field == "reference") return Class::kReference;
  if (field == "surname") return Class::kSurname;
  if (field == "demonstrative") return Class::kDemonstrative;
  if (field == "subject-marker") return Class::kSubjectMarker;
  if (field == "given-name-ending") return Class::kGivenNameEnding;
  if (field == "place") return Class::kPlace;
  if (field == "indefinite") return Class::kIndefinite;
  throw LanguagePackError(
      "speaker words: unknown class '" + std::string(field) + "' in '" + std::string(line) +
      "' (title, person, organisation, thing, pronoun, object-pronoun, unresolved, neuter, "
      "reference, surname, demonstrative, "
      "subject-marker, given-name-ending, place or indefinite)");
}

// The white-space separated fields of a lexicon line.
std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    std::size_t end = at;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > at) fields.push_back(line.substr(at, end - at));
    at = end;
  }
  return fields;
}

bool is_word(const Token& token) { return token.kind == TokenKind::kWord; }

bool by_position(Span a, Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; }

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A name mention: its name's tokens [first, last) (titles left out) and its byte span.
struct Mention {
  Span name;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t sentence = 0;
  std::uint32_t entity = 0;
  bool possessor = false;  // "Austria's (interior minister)": it owns the phrase's head
  bool modifier = false;   // "the Eastfield school board": it describes the phrase's head
  // No content word in lower case before it in its sentence but its role ("Der Trainer des SV
  // Hohenfeld, Markus Engel, hat ..."): mostly the subject, not an object ("... seinen Torwart
  // Dominik Brandl gelobt").
  bool subject_like = false;
  bool one_word = false;  // "Croydon", "Kishida"
  bool titled = false;  // capitalised words before it are its title ("Ministre de la Santé Claire")
  Span role;  // Chinese and Japanese: the title next to it ("委員長" of "石川真理子委員長")
};

// What the lists say of one written form of a document.
struct WrittenForm {
  bool known = false;         // looked up yet
  bool possessive = false;    // "Austria's"
  std::uint32_t classes = 0;  // the quote lists' WordClass bits
  SpeakerLexicon::Entry entry;
  Gender given = Gender::kUnknown;  // as a given name
  std::string_view title_ending;    // German: the title a compound ends in
};

// What the words around a name tell of it: one vote per cue, and a gender.
struct Evidence {
  int person = 0;
  int organisation = 0;
  Gender gender = Gender::kUnknown;

  void learn(Gender g) {
    if (gender == Gender::kUnknown && (g == Gender::kMale || g == Gender::kFemale)) gender = g;
  }
  // A title or role word: "Minister", "spokeswoman", "a freight company".
  void role(const SpeakerLexicon::Entry& entry) {
    using Class = SpeakerLexicon::Class;
    if (entry.word_class == Class::kOrganisation) ++organisation;
    if (entry.word_class == Class::kTitle || entry.word_class == Class::kPerson) {
      ++person;
      learn(entry.gender);
    }
  }
};

// One named person or organisation: the mentions of one surname.
struct Entity : Evidence {
  std::string key;
  std::uint32_t fullest = 0;  // the mention with the longest name

  SpeakerType type() const {
    if (organisation > person) return SpeakerType::kOrganisation;
    return person > 0 ? SpeakerType::kPerson : SpeakerType::kUnknown;
  }
  void add(const Evidence& evidence) {
    person += evidence.person;
    organisation += evidence.organisation;
    learn(evidence.gender);
  }
};

class SpeakerResolver {
 public:
  SpeakerResolver(const Document& document, const Tokenizer& tokenizer, const SyntaxParser* syntax,
                  const QuoteResources& resources, const SpeakerLexicon& lexicon)
      : doc_(document),
        tokens_(document.tokens()),
        tokenizer_(tokenizer),
        syntax_(syntax),
        resources_(resources),
        lexicon_(lexicon) {}

  void resolve(std::vector<Quote>& quotes) {
    if (std::none_of(quotes.begin(), quotes.end(),
                     [](const Quote& q) { return !q.speaker.empty(); })) {
      return;
    }
    forms_.resize(doc_.keys().size());
    if (resources_.subject_first) {
      mark_quoted(quotes);
      find_cjk_names(quotes);
    } else {
      mark_quoted(quotes);
      if (resources_.capitalised_nouns && syntax_ && syntax_->available()) {
        tags_ = syntax_->tag_tokens(doc_);
      }
      find_names();
    }
    for (Quote& quote : quotes) resolve(quote);
  }

 private:
  static constexpr std::uint32_t kNoEntity = ~std::uint32_t{0};

  // --- The names of the document -----------------------------------------------------------

  // Tokens inside quotation marks: a name in someone's words is not who a pronoun stands for.
  // And the speakers' phrases: a lone capitalised word opening a sentence is a name when it
  // speaks ("Cruz said").
  void mark_quoted(const std::vector<Quote>& quotes) {
    quoted_.assign(tokens_.size(), false);
    for (const Quote& quote : quotes) {
      if (!quote.speaker.empty()) speaker_phrases_.push_back(quote.speaker);
      if (quote.marks.empty()) continue;
      // Piece by piece: the attribution between two pieces is the writer's ("A," said X, "B.").
      for (const Span piece : pieces(quote)) {
        for (std::size_t t = first_token_at(piece.begin);
             t < tokens_.size() && tokens_[t].span.end <= piece.end; ++t) {
          quoted_[t] = true;
        }
      }
    }
    std::sort(speaker_phrases_.begin(), speaker_phrases_.end(), by_position);
  }

  // Latin-script names: runs of capitalised words, joined by connectors ("Bank of England").
  void find_names() {
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    for (std::uint32_t t = 0; t < n;) {
      if (!is_name_word(t)) {
        ++t;
        continue;
      }
      std::uint32_t u = t + 1;
      while (u < n && tokens_[u].sentence == tokens_[t].sentence && !possessive(u - 1)) {
        if (is_name_word(u)) {
          ++u;
        } else if (is_dot(u) && is_title(u - 1)) {
          ++u;  // "Mr."
        } else if (u + 1 < n && tokens_[u + 1].sentence == tokens_[t].sentence && is_connector(u) &&
                   is_name_word(u + 1)) {
          u += 2;
        } else {
          break;
        }
      }
      add_mention(t, u);
      t = u;
    }
    // A lone word opening a sentence ("Ruiz said") is a name only as another mention's
    // surname; the others go, and the indices that point at mentions follow.
    std::vector<std::uint32_t> moved(mentions_.size(), kNoEntity);
    std::uint32_t kept = 0;
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      Mention& mention = mentions_[m];
      if (mention.entity == kNoEntity) {
        const auto found = known_entity(doc_.key(tokens_[mention.last - 1]), true);
        if (!found) continue;
        mention.entity = *found;
      }
      moved[m] = kept;
      mentions_[kept++] = mention;
    }
    mentions_.resize(kept);
    std::erase_if(roles_, [&](auto& role) {
      role.second = moved[role.second];
      return role.second == kNoEntity;
    });
    // By word, each word's mentions in text order.
    std::stable_sort(roles_.begin(), roles_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (Entity& entity : entities_) entity.fullest = moved[entity.fullest];
    finish_mentions();
  }

  // Each entity's fullest mention, and which mentions open their sentence.
  void finish_mentions() {
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      Entity& entity = entities_[mentions_[m].entity];
      if (mentions_[m].name.size() > mentions_[entity.fullest].name.size()) entity.fullest = m;
    }
  }

  void add_mention(std::uint32_t from, std::uint32_t to) {
    // "The", "On Monday", "She": sentence openers are no part of a name.
    // After an article, a capitalised stopword is a name ("The Times").
    bool after_article = from > 0 && tokens_[from - 1].sentence == tokens_[from].sentence &&
                         in(from - 1, kDeterminer);
    while (from < to && !is_title(from) &&
           (in(from, kDateName | kUnresolvedPronoun) || is_pronoun(from) ||
            (!after_article && in(from, kStopword)))) {
      after_article = in(from, kDeterminer);
      ++from;
    }
    // Titles: up to the last title word a name word follows ("Interior Minister Ana Ruiz").
    std::uint32_t last_name_word = to;
    while (last_name_word > from &&
           (!is_word(tokens_[last_name_word - 1]) || is_title(last_name_word - 1))) {
      --last_name_word;
    }
    if (last_name_word == from) return;  // titles only: "the Minister"
    // Titles after the last name word are no part of the name ("the Health Secretary").
    to = last_name_word;
    std::uint32_t first = from;
    for (std::uint32_t k = from; k + 1 < last_name_word; ++k) {
      if (is_title(k)) first = k + 1;
    }
    while (first < to && (!is_word(tokens_[first]) || is_connector(first))) ++first;
    // A given name further in starts the name ("Family Theresa May").
    if (given_name(first) == Gender::kUnknown) {
      for (std::uint32_t k = first + 1; k + 1 < to; ++k) {
        if (given_name(k) != Gender::kUnknown) {
          first = k;
          break;
        }
      }
    }
    Mention mention;
    mention.first = first;
    mention.last = to;
    mention.sentence = tokens_[first].sentence;
    mention.possessor = possessive(to - 1);
    mention.modifier = first == from && from > 0 &&
                       tokens_[from - 1].sentence == mention.sentence &&
                       (in(from - 1, kDeterminer) || possessive(from - 1)) && is_lower_word(to);
    mention.one_word = to - first == 1;
    mention.subject_like = before_any_verb(from);
    mention.titled = first > from;
    mention.name = {tokens_[first].span.begin,
                    tokens_[to - 1].span.end -
                        static_cast<std::uint32_t>(tokenizer_.possessive_suffix(text(to - 1)))};
    if ((to - first == 1 && first == from && opens_sentence(first) && !speaks(first)) ||
        (!tags_.empty() && first == from && given_name(first) == Gender::kUnknown &&
         std::none_of(tokens_.begin() + first, tokens_.begin() + to, [&](const Token& token) {
           const auto tag = tags_[static_cast<std::size_t>(&token - tokens_.data())];
           return tag == PartOfSpeech::kPropn || tag == PartOfSpeech::kX;
         }))) {
      // A lone word opening a sentence, or (German) words the tagger calls no proper noun:
      // names only as another name's surname ("Westphal sagte").
      mention.entity = kNoEntity;  // decided once every name is known
      mentions_.push_back(mention);
      return;
    }
    // Evidence of what the name is: its titles, its given name, its words, its roles.
    Evidence evidence;
    for (std::uint32_t k = from; k < first; ++k) {
      if (!is_title(k)) continue;
      const std::string_view ending = compound_title(k);
      evidence.role(lexicon_.word(ending.empty() ? std::string_view(key(k)) : ending));
      add_role(k);
    }
    if (const Gender given = given_name(first); given != Gender::kUnknown) {
      ++evidence.person;
      evidence.learn(given);
    }
    for (std::uint32_t k = first; k < to; ++k) {
      if (word_class(k) == SpeakerLexicon::Class::kOrganisation) {
        ++evidence.organisation;
        add_role(k);  // "the Ministry of Agriculture" is "the ministry"
      }
    }
    if (const auto head = roles_before(from)) evidence.role(form(*head).entry);
    role_phrase_before(from, evidence);
    if (const auto head = appositive(to)) evidence.role(form(*head).entry);

    const std::string& surname = doc_.key(tokens_[to - 1]);
    auto entity = known_entity(surname, mention.one_word);
    if (!entity) {
      entity = static_cast<std::uint32_t>(entities_.size());
      entity_of_.emplace(surname, *entity);
      entities_.emplace_back();
      entities_.back().key = surname;
      entities_.back().fullest = static_cast<std::uint32_t>(mentions_.size());
    }
    if (!mention.one_word) first_word_of_.try_emplace(doc_.key(tokens_[first]), *entity);
    entities_[*entity].add(evidence);
    mention.entity = *entity;
    mentions_.push_back(mention);
  }

  // Whether the word at token `t` is a quote's whole speaker, next to its speech verb ("Cruz
  // said").
  bool speaks(std::uint32_t t) const {
    const bool by_verb = (t + 1 < tokens_.size() && in(t + 1, kSpeechVerbForm)) ||
                         (t > 0 && in(t - 1, kSpeechVerbForm));
    // "Police said": a word the lists know is no name.
    return by_verb && word_class(t) == SpeakerLexicon::Class::kNone &&
           std::binary_search(speaker_phrases_.begin(), speaker_phrases_.end(), tokens_[t].span,
                              by_position);
  }

  // The entity a name keyed `surname` belongs to: the one with that surname, or for a name of
  // one word, the organisation whose name it begins ("Northwind" of "Northwind Logistics").
  std::optional<std::uint32_t> known_entity(std::string_view surname, bool one_word) const {
    if (const auto found = entity_of_.find(surname); found != entity_of_.end()) {
      return found->second;
    }
    if (one_word) {
      const auto found = first_word_of_.find(surname);
      if (found != first_word_of_.end() &&
          entities_[found->second].type() != SpeakerType::kPerson) {
        return found->second;
      }
    }
    return std::nullopt;
  }

  // The role words right before a name ("transport director Paul Ingram"); returns the head
  // (the word next to the name).
  std::optional<std::uint32_t> roles_before(std::uint32_t from) {
    std::optional<std::uint32_t> head;
    for (std::uint32_t k = from, words = 0; k > 0 && words < kRoleWordsBefore; ++words, --k) {
      const std::uint32_t w = k - 1;
      if (tokens_[w].sentence != tokens_[from].sentence || !is_role_word(w) ||
          in(w, kStopword | kSpeechVerbForm)) {
        break;
      }
      if (!head) head = w;
      add_role(w);
      if (possessive(w)) break;
    }
    return head;
  }

  // A role phrase that ends in a comma before the name ("The head coach of the national team,
  // Declan Forde"): its person words are roles and give evidence; its organisations do not
  // ("The head of the water board, Constance Albright").
  void role_phrase_before(std::uint32_t from, Evidence& evidence) {
    if (from < 2 || !is_comma(from - 1)) return;
    for (std::uint32_t k = from - 1, words = 0; k > 0 && words < kRolePhraseWords; ++words, --k) {
      const std::uint32_t w = k - 1;
      if (tokens_[w].sentence != tokens_[from].sentence || !is_word(tokens_[w]) ||
          in(w, kSpeechVerbForm)) {
        break;
      }
      const auto entry = form(w).entry;
      if (entry.word_class == SpeakerLexicon::Class::kTitle ||
          entry.word_class == SpeakerLexicon::Class::kPerson) {
        evidence.role(entry);
        add_role(w);
      } else if (is_lower_word(w) && !in(w, kStopword)) {
        add_role(w);
      }
    }
  }

  // The appositive after a name ("Ana Ruiz, a spokeswoman for Northwind,"): the words of its
  // first phrase are roles; returns its head, the last of them ("a freight company"). A phrase
  // that a speech verb follows is a speaker, not an appositive ("in the Midlands, the company
  // said").
  std::optional<std::uint32_t> appositive(std::uint32_t to) {
    if (to >= tokens_.size() || !is_comma(to)) return std::nullopt;
    std::optional<std::uint32_t> head;
    std::uint32_t end = to + 1;
    for (std::uint32_t words = 0; end < tokens_.size() && words < kAppositiveWords &&
                                  tokens_[end].sentence == tokens_[to].sentence;
         ++end, ++words) {
      if (!is_word(tokens_[end]) || in(end, kSpeechVerbForm)) break;
      if (in(end, kStopword)) {
        if (head) break;
        continue;  // "a", "the"
      }
      if (possessive(end)) {
        head.reset();  // "the company's chief executive": the owner is not the head
      } else if (is_lower_word(end)) {
        head = end;
      }
    }
    if (!head || (end < tokens_.size() && in(end, kSpeechVerbForm))) return std::nullopt;
    for (std::uint32_t k = to + 1; k < end; ++k) {
      if (is_word(tokens_[k]) && !in(k, kStopword)) add_role(k);
    }
    return head;
  }

  void add_role(std::uint32_t t) {
    const auto m = static_cast<std::uint32_t>(mentions_.size());
    roles_.emplace_back(doc_.key(tokens_[t]), m);
    if (const std::string_view ending = compound_title(t); !ending.empty())
      roles_.emplace_back(ending, m);
  }

  // Chinese and Japanese: a name is a known surname and its given name ("李秀兰", "鈴木隆"), a
  // title next to it telling what it is ("张文博教授", "市长陈志刚", "松本氏"); an organisation
  // is a speaker's phrase that ends in an organisation word ("北风物流公司").
  void find_cjk_names(const std::vector<Quote>& quotes) {
    std::vector<std::pair<Mention, Evidence>> found;
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    for (std::uint32_t t = 0; t < n; ++t) {
      if (!is_word(tokens_[t]) || quoted_[t] || tokens_[t].sentence == kNoSentence ||
          lexicon_.word(text(t)).word_class != SpeakerLexicon::Class::kSurname) {
        continue;
      }
      const std::uint32_t end = given_name_end(t);
      Mention mention;
      mention.name = {tokens_[t].span.begin, tokens_[end - 1].span.end};
      const auto after = lexicon_.affix_at(doc_.text(), mention.name.end, true);
      const auto before = lexicon_.affix_at(doc_.text(), mention.name.begin, false);
      if (end == t + 1 && !after) continue;  // a surname alone only before its title
      mention.first = t;
      mention.last = end;
      mention.sentence = tokens_[t].sentence;
      Evidence evidence;
      if (end > t + 1) evidence.learn(lexicon_.given_name_ending(text(end - 1)));
      std::uint32_t follows = mention.name.end;
      if (after) {
        evidence.role(after->entry);
        mention.role = {mention.name.end, mention.name.end + after->size};
        follows = mention.role.end;
      }
      if (before) {
        evidence.role(before->entry);
        if (mention.role.empty())
          mention.role = {mention.name.begin - before->size, mention.name.begin};
      }
      // "石川真理子委員長は": a name its topic or subject particle follows.
      mention.subject_like =
          lexicon_.word(word_at(follows)).word_class == SpeakerLexicon::Class::kSubjectMarker;
      found.emplace_back(mention, evidence);
      t = end - 1;
    }
    find_cjk_names_before_words(found);
    for (const Quote& quote : quotes) {
      if (quote.speaker.empty()) continue;
      const std::string_view phrase = doc_.text(quote.speaker);
      const auto ending = lexicon_.affix(phrase);
      if (!ending || ending->prefix ||
          ending->entry.word_class != SpeakerLexicon::Class::kOrganisation ||
          phrase.size() - ending->size <= kShortestCjkName || lexicon_.demonstrative(phrase) > 0) {
        continue;
      }
      Mention mention;
      mention.name = quote.speaker;
      mention.first = static_cast<std::uint32_t>(first_token_at(mention.name.begin));
      mention.last = mention.first + 1;
      mention.sentence = quote.sentence;
      mention.subject_like = true;
      Evidence evidence;
      evidence.role(ending->entry);
      found.emplace_back(mention, evidence);
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first.name.begin < b.first.name.begin; });
    std::vector<std::pair<Mention, Evidence>> kept;
    for (auto& candidate : found) {
      // Of overlapping names, the longer ("岡部直子" over "岡部").
      if (!kept.empty() && kept.back().first.name.end > candidate.first.name.begin) {
        if (candidate.first.name.size() <= kept.back().first.name.size()) continue;
        kept.pop_back();
      }
      kept.push_back(std::move(candidate));
    }
    for (auto& [mention, evidence] : kept) {
      // One person's mentions: one name begins the other ("岸田" and "岸田文雄"), or ends it
      // after a middle dot ("贝格" and "拉尔斯·贝格").
      const std::string_view written = doc_.text(mention.name);
      std::uint32_t same = kNoEntity;
      for (std::size_t e = entities_.size(); e > 0 && entities_.size() - e < kCjkEntities; --e) {
        const std::string_view other = doc_.text(mentions_[entities_[e - 1].fullest].name);
        if (other.starts_with(written) || written.starts_with(other) ||
            ends_after_dot(other, written) || ends_after_dot(written, other)) {
          same = static_cast<std::uint32_t>(e - 1);
          break;
        }
      }
      if (same == kNoEntity) {
        same = static_cast<std::uint32_t>(entities_.size());
        entities_.emplace_back();
        entities_.back().fullest = static_cast<std::uint32_t>(mentions_.size());
      }
      entities_[same].add(evidence);
      mention.entity = same;
      mentions_.push_back(mention);
    }
    finish_mentions();
    for (Entity& entity : entities_) {
      // Without the white space a name may hold between its words ("岡部 直子" is "岡部直子").
      entity.key = tokenizer_.key(doc_.text(mentions_[entity.fullest].name));
      std::erase_if(entity.key,
                    [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    }
    // Chinese marks no subject: the first name of a sentence mostly is one.
    if (resources_.single_character_given_names) {
      for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
        if (m == 0 || mentions_[m - 1].sentence != mentions_[m].sentence) {
          mentions_[m].subject_like = true;
        }
      }
    }
  }

  // Chinese and Japanese names no surname list knows: the words before a title in Japanese
  // ("岡部直子社長", "ベルグ選手"), the words before an organisation word with it ("北风物流公司",
  // "農林水産省"), and foreign names written with a middle dot ("拉尔斯·贝格").
  void find_cjk_names_before_words(std::vector<std::pair<Mention, Evidence>>& found) const {
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    const auto name_word = [&](std::uint32_t k) {
      return is_word(tokens_[k]) && !quoted_[k] && tokens_[k].sentence != kNoSentence &&
             !in(k, kStopword | kSpeechVerbForm) &&
             lexicon_.word(text(k)).word_class == SpeakerLexicon::Class::kNone;
    };
    for (std::uint32_t t = 1; t < n; ++t) {
      const auto entry = lexicon_.word(text(t));
      const bool dot = is_middle_dot(t) && t + 1 < n && name_word(t - 1) && name_word(t + 1);
      const bool organisation = entry.word_class == SpeakerLexicon::Class::kOrganisation;
      // Japanese: a foreign name in katakana before its title ("ベルグ選手").
      const bool title = entry.word_class == SpeakerLexicon::Class::kTitle &&
                         !resources_.single_character_given_names && is_katakana(t - 1);
      if (!dot && !organisation && !title) continue;
      std::uint32_t first = t;
      std::size_t characters = 0;
      while (first > 0 && t - first < kCjkNameWords && name_word(first - 1) &&
             (!dot || transliterated(first - 1)) &&
             tokens_[first - 1].sentence == tokens_[t].sentence &&
             characters + code_points(text(first - 1)) <= kCjkNameCharacters) {
        --first;
        characters += code_points(text(first));
      }
      if (characters < 2 || first == t) continue;
      Mention mention;
      mention.first = first;
      mention.sentence = tokens_[t].sentence;
      Evidence evidence;
      if (dot) {
        // "拉 尔 斯 · 贝 格": the words after each dot, as many as before it.
        mention.last = t;
        while (mention.last < n && is_middle_dot(mention.last)) {
          std::uint32_t end = mention.last + 1;
          std::size_t part = 0;
          while (end < n && end < mention.last + 1 + kCjkNameWords && name_word(end) &&
                 transliterated(end) && part + code_points(text(end)) <= kCjkNameCharacters) {
            part += code_points(text(end));
            ++end;
          }
          if (end == mention.last + 1) break;
          mention.last = end;
        }
        ++evidence.person;
      } else {
        mention.last = organisation ? t + 1 : t;
        evidence.role(entry);
        if (title) mention.role = tokens_[t].span;
      }
      mention.name = {tokens_[first].span.begin, tokens_[mention.last - 1].span.end};
      found.emplace_back(mention, evidence);
    }
  }

  // A piece of a foreign name: in Chinese characters the dictionary left alone ("拉 尔 斯"), in
  // Japanese katakana ("アラン").
  bool transliterated(std::uint32_t t) const {
    return resources_.single_character_given_names ? code_points(text(t)) == 1 : is_katakana(t);
  }

  bool is_katakana(std::uint32_t t) const {
    const UChar32 c = code_point_at(doc_.text(), tokens_[t].span.begin).value;
    return ublock_getCode(c) == UBLOCK_KATAKANA;
  }

  // "拉尔斯·贝格" ends with "贝格" after a middle dot.
  static bool ends_after_dot(std::string_view name, std::string_view part) {
    if (part.size() >= name.size() || !name.ends_with(part)) return false;
    const std::string_view before = name.substr(0, name.size() - part.size());
    return before.ends_with("·") || before.ends_with("・") || before.ends_with("•");
  }

  bool is_middle_dot(std::uint32_t t) const {
    const std::string_view written = text(t);
    return written == "·" || written == "・" || written == "•";
  }

  // The text of the word starting at byte `at`, or nothing.
  std::string_view word_at(std::uint32_t at) const {
    const std::size_t t = first_token_at(at);
    return t < tokens_.size() && tokens_[t].span.begin == at ? text(static_cast<std::uint32_t>(t))
                                                             : std::string_view();
  }

  // Chinese and Japanese: a speaker phrase that is part of a name found elsewhere, titles
  // stripped ("贝格" of "拉尔斯·贝格", "中村" of "中村大辉", "ウォーカー氏").
  std::optional<std::uint32_t> cjk_part_of_name(Span speaker) const {
    Span name = speaker;
    while (const auto affix = lexicon_.affix(doc_.text(name))) {
      if (affix->entry.word_class != SpeakerLexicon::Class::kTitle) break;
      (affix->prefix ? name.begin : name.end) += affix->prefix ? affix->size : -affix->size;
    }
    const std::string_view part = doc_.text(name);
    if (name.size() <= kShortestCjkName) return std::nullopt;
    for (std::size_t e = entities_.size(); e > 0 && entities_.size() - e < kCjkEntities; --e) {
      const std::string_view full = doc_.text(mentions_[entities_[e - 1].fullest].name);
      if (full.starts_with(part) || ends_after_dot(full, part)) {
        return static_cast<std::uint32_t>(e - 1);
      }
    }
    return std::nullopt;
  }

  // Chinese and Japanese: "这位发言人", "该部长", "同社長", "该公司": a demonstrative and a role
  // or an organisation word, standing for the one named before with it.
  std::optional<std::uint32_t> cjk_reference(Span speaker, std::uint32_t anchor) const {
    const std::string_view phrase = doc_.text(speaker);
    const std::size_t demonstrative = lexicon_.demonstrative(phrase);
    const auto whole = lexicon_.word(phrase).word_class;
    const bool reference = whole == SpeakerLexicon::Class::kReference;
    // "指揮官は": a title alone stands for the one named with it.
    if (demonstrative == 0 && !reference && whole != SpeakerLexicon::Class::kTitle) {
      return std::nullopt;
    }
    const std::string_view role = phrase.substr(demonstrative);
    const auto entry = lexicon_.word(role);
    const bool organisation = reference || entry.word_class == SpeakerLexicon::Class::kOrganisation;
    auto at = std::partition_point(mentions_.begin(), mentions_.end(),
                                   [&](const Mention& m) { return m.name.end <= anchor; });
    std::optional<std::uint32_t> fallback;
    for (std::size_t seen = 0; at != mentions_.begin() && seen < kAntecedentNames; ++seen) {
      --at;
      const Entity& entity = entities_[at->entity];
      if (organisation) {
        if (entity.type() != SpeakerType::kOrganisation) continue;
        if (doc_.text(at->name).ends_with(role)) return at->entity;
        if (!fallback) fallback = at->entity;
      } else if ((!at->role.empty() && doc_.text(at->role).ends_with(role)) ||
                 role_joined_before(at->name.begin, role)) {
        return at->entity;
      }
    }
    return fallback;
  }

  // Japanese "社長の河野直樹氏": the role stands before the name, joined by a particle (a speaker
  // stop), while the name's own role is the honorific after it.
  bool role_joined_before(std::uint32_t name, std::string_view role) const {
    const std::size_t t = first_token_at(name);
    return !role.empty() && t >= 2 && t < tokens_.size() && tokens_[t].span.begin == name &&
           in(static_cast<std::uint32_t>(t - 1), kSpeakerStop) &&
           text(static_cast<std::uint32_t>(t - 2)).ends_with(role);
  }

  // One past the last token of the given name after the surname at token `t`: in Chinese one
  // or two characters the dictionary left alone ("李 秀 兰"), or a word of two before a title
  // or after one ("张 文博 教授", "市长 刘 建国"); none when the surname is a preposition after a
  // word ("周一 向 公 交 司机": "to the bus driver on Monday"); in Japanese the next short word
  // ("鈴木 隆").
  std::uint32_t given_name_end(std::uint32_t t) const {
    // A given name's characters may be surnames too ("付凌晖", "毛宁"), written against the rest.
    const auto usable = [&](std::uint32_t k) {
      if (k >= tokens_.size() || !is_word(tokens_[k]) || quoted_[k] ||
          tokens_[k].sentence != tokens_[t].sentence || in(k, kStopword | kSpeechVerbForm) ||
          tokens_[k].span.begin != tokens_[k - 1].span.end) {
        return false;
      }
      const auto word_class = lexicon_.word(text(k)).word_class;
      return word_class == SpeakerLexicon::Class::kNone ||
             word_class == SpeakerLexicon::Class::kSurname;
    };
    const auto characters = [&](std::uint32_t k) { return code_points(text(k)); };
    if (!resources_.single_character_given_names) {
      return usable(t + 1) && characters(t + 1) <= kJapaneseGivenName ? t + 2 : t + 1;
    }
    // A surname that is also a preposition, after a word that is no title, is the preposition.
    const bool preposition = in(t, kSpeakerStop) && t > 0 && is_word(tokens_[t - 1]) &&
                             tokens_[t - 1].sentence == tokens_[t].sentence && !is_title(t - 1);
    if (preposition) return t + 1;
    const auto surname = [&](std::uint32_t k) {
      return lexicon_.word(text(k)).word_class == SpeakerLexicon::Class::kSurname;
    };
    std::uint32_t end = t + 1;
    while (end < t + 3 && usable(end) && characters(end) == 1) {
      // A surname after the first given character, with a character after it, starts the next
      // name: "张伟王芳" is two people.
      if (end == t + 2 && surname(end) && usable(end + 1) && characters(end + 1) == 1) break;
      ++end;
    }
    // After the word: a title, an appositive's parenthesis or dash ("陈 远航（…）", "许 文涛——…"),
    // or a speech verb ("马 卫东 说").
    const auto name_follows = [&](std::uint32_t k) {
      if (k >= tokens_.size() || tokens_[k].sentence != tokens_[t].sentence) return false;
      if (is_word(tokens_[k])) return is_title(k) || in(k, kSpeechVerbForm);
      const std::string_view mark = text(k);
      return mark == "（" || mark == "(" || mark.starts_with("—");
    };
    if (end == t + 1 && usable(end) && characters(end) == 2 &&
        (name_follows(end + 1) || (t > 0 && is_title(t - 1)))) {
      ++end;
    }
    return end;
  }

  // --- Resolving one quote's speaker ---------------------------------------------------------

  void resolve(Quote& quote) {
    if (quote.speaker.empty()) return;
    const std::uint32_t anchor =
        std::min({quote.speaker.begin, quote.span.begin,
                  quote.marks.empty() ? quote.span.begin : quote.marks.begin});
    const std::size_t first = first_token_at(quote.speaker.begin);
    std::size_t last = first;
    // The tokens the speaker overlaps: it may end inside one ("他" of "他在").
    while (last < tokens_.size() && tokens_[last].span.begin < quote.speaker.end) ++last;
    if (first == last) return;

    if (const auto entity = named_in(quote.speaker)) {
      settle(quote, *entity, SpeakerResolution::kName);
      return;
    }
    if (const auto pronoun = pronoun_entry(quote.speaker, first, last)) {
      if (const auto found = antecedent(anchor, quote.sentence, pronoun->gender, false)) {
        entities_[*found].learn(pronoun->gender);
        if (entities_[*found].type() == SpeakerType::kUnknown) ++entities_[*found].person;
        settle(quote, *found, SpeakerResolution::kPronoun);
      } else {
        quote.speaker_key.clear();
        quote.speaker_type =
            pronoun->gender == Gender::kPlural ? SpeakerType::kUnknown : SpeakerType::kPerson;
      }
      return;
    }
    const auto t = static_cast<std::uint32_t>(first);
    if (last - first == 1 && in(t, kUnresolvedPronoun)) {
      // "it": what the attribution already found it stands for ("the report"), or else an
      // organisation named just before; "I", "we": nobody named.
      if (in(t, kNeuterPronoun) && quote.speaker_key != key(t) && !quote.speaker_key.empty()) {
        return;
      }
      if (in(t, kNeuterPronoun)) {
        if (const auto found = antecedent(anchor, quote.sentence, Gender::kUnknown, true)) {
          settle(quote, *found, SpeakerResolution::kPronoun);
          return;
        }
      }
      if (quote.speaker_key == key(t)) quote.speaker_key.clear();
      return;
    }
    if (resources_.subject_first) {
      if (const auto found = cjk_part_of_name(quote.speaker)) {
        settle(quote, *found, SpeakerResolution::kName);
        return;
      }
      if (const auto found = cjk_reference(quote.speaker, anchor)) {
        settle(quote, *found, SpeakerResolution::kRole);
        return;
      }
    }
    const std::size_t head = head_word(first, last);
    if (head >= tokens_.size()) return;
    const auto head_class = word_class(static_cast<std::uint32_t>(head));
    if (head_class == SpeakerLexicon::Class::kOrganisation ||
        lexicon_.word(doc_.text(quote.speaker)).word_class == SpeakerLexicon::Class::kReference) {
      quote.speaker_type = SpeakerType::kOrganisation;
      // "the company", "该公司": the organisation named before (its name may open the reported
      // clause: "Northwind will cut 400 jobs, the company said"); "police": none.
      if (!refers_back(quote.speaker, t)) return;
      const std::uint32_t before = quote.speaker.begin;
      auto found = named_with_role(key(static_cast<std::uint32_t>(head)), before, true);
      if (!found) found = antecedent(before, quote.sentence, Gender::kUnknown, true);
      if (found) settle(quote, *found, SpeakerResolution::kRole);
      return;
    }
    if (head_class == SpeakerLexicon::Class::kThing) return;
    quote.speaker_type = SpeakerType::kPerson;
    if (const auto named = in_apposition(last)) {
      settle(quote, *named, SpeakerResolution::kRole);
      return;
    }
    // "the minister", "Su entrenador": a definite phrase points back; "a resident", "10
    // registered voters" do not.
    if (!in(t, kDeterminer) || word_class(t) == SpeakerLexicon::Class::kIndefinite) {
      return;
    }
    if (const auto found = named_with_role(key(static_cast<std::uint32_t>(head)), anchor, false)) {
      if (entities_[*found].type() == SpeakerType::kUnknown) ++entities_[*found].person;
      settle(quote, *found, SpeakerResolution::kRole);
    }
  }

  void settle(Quote& quote, std::uint32_t entity_index, SpeakerResolution how) {
    const Entity& entity = entities_[entity_index];
    quote.speaker_name = mentions_[entity.fullest].name;
    quote.speaker_type = entity.type();
    quote.resolution = how;
    quote.speaker_key = entity.key;
    last_entity_ = entity_index;
  }

  // The entity a speaker phrase names: its first mention that is no possessor ("Austria's")
  // and no modifier ("ABC News poll"); in Chinese and Japanese its first person, else its first
  // mention.
  std::optional<std::uint32_t> named_in(Span speaker) const {
    auto at = std::partition_point(mentions_.begin(), mentions_.end(),
                                   [&](const Mention& m) { return m.name.end <= speaker.begin; });
    std::optional<std::uint32_t> named;
    for (; at != mentions_.end() && at->name.begin < speaker.end; ++at) {
      // "Austria's interior minister" is the minister; "Rubio's" alone is Rubio.
      if (at->possessor && tokens_[at->last - 1].span.end < speaker.end) continue;
      if (!resources_.subject_first && !at->titled && in_complement(speaker, at->first)) continue;
      if (!resources_.subject_first && at->last < tokens_.size() &&
          tokens_[at->last].span.end <= speaker.end && is_lower_word(at->last)) {
        continue;
      }
      if (!resources_.subject_first) return at->entity;
      // Chinese and Japanese phrases put what describes a person before the person:
      // "国家统计局新闻发言人付凌晖" is the spokesman, not the bureau; of two people ("李强与王毅
      // 通话时") the first speaks.
      if (entities_[at->entity].type() != SpeakerType::kOrganisation) return at->entity;
      if (!named) named = at->entity;
    }
    return named;
  }

  // The name in apposition to a role phrase ending before token `end`, after the rest of the
  // phrase and a comma: "Su entrenador, Luis Cantero, no quiso ...", "El presidente de la
  // patronal hotelera de Lanzarote, Miguel Ángel Sosa, cifró ...".
  std::optional<std::uint32_t> in_apposition(std::size_t end) const {
    for (std::size_t k = end; k < tokens_.size() && k < end + kRolePhraseWords; ++k) {
      if (tokens_[k].sentence != tokens_[end - 1].sentence) break;
      const auto w = static_cast<std::uint32_t>(k);
      if (is_word(tokens_[w])) continue;
      if (!is_comma(w)) break;
      const auto at = std::partition_point(mentions_.begin(), mentions_.end(),
                                           [&](const Mention& m) { return m.first <= w; });
      if (at != mentions_.end() && at->first == w + 1 && !at->possessor) return at->entity;
      break;
    }
    return std::nullopt;
  }

  // Whether the name at token `first` is a complement in the speaker phrase, after its head
  // and a preposition ("La préfète du Var", "un vecino de la calle Guadiana"), not who speaks.
  bool in_complement(Span speaker, std::uint32_t first) const {
    bool head = false;
    for (std::size_t k = first_token_at(speaker.begin); k < first; ++k) {
      const auto w = static_cast<std::uint32_t>(k);
      if (!is_word(tokens_[w])) continue;
      if (in(w, kStopword)) {
        if (head) return true;
      } else if (is_lower_word(w)) {
        head = true;
      }
    }
    return false;
  }

  // "the company", "该公司", "同社": a phrase that points back at an organisation.
  bool refers_back(Span speaker, std::uint32_t first) const {
    return in(first, kDeterminer) || tokenizer_.elided_prefix(text(first)) > 0 ||
           lexicon_.word(doc_.text(speaker)).word_class == SpeakerLexicon::Class::kReference;
  }

  // The head of a speaker phrase: the last word of its first run of words that are no
  // stopwords ("the fire chief", "le président du département", "the company's chief
  // executive"); tokens_.size() when it has none.
  std::size_t head_word(std::size_t first, std::size_t last) const {
    std::size_t head = tokens_.size();
    for (std::size_t t = first; t < last; ++t) {
      const auto w = static_cast<std::uint32_t>(t);
      if (!is_word(tokens_[w]) || in(w, kStopword)) {
        if (head < tokens_.size()) break;
        continue;
      }
      head = t;
      if (possessive(w)) head = tokens_.size();
    }
    return head;
  }

  // The pronoun a speaker phrase is ("she", "a-t-elle", "他", "同氏"), if it is one.
  std::optional<SpeakerLexicon::Entry> pronoun_entry(Span speaker, std::size_t first,
                                                     std::size_t last) const {
    std::string_view word = doc_.text(speaker);
    if (!resources_.subject_first) {
      // "Afterwards he": words before a pronoun that are no determiner are no part of it.
      if (last - first > 1 && in(static_cast<std::uint32_t>(first), kDeterminer)) {
        return std::nullopt;
      }
      word = key(static_cast<std::uint32_t>(last - 1));
    }
    auto entry = lexicon_.word(word);
    if (resources_.subject_first && entry.word_class != SpeakerLexicon::Class::kPronoun) {
      // "他在颁奖仪式", "她则回应": a phrase that starts with a pronoun of one or two characters.
      for (const std::size_t bytes : {std::size_t{6}, std::size_t{3}}) {
        entry = lexicon_.word(word.substr(0, bytes));
        if (entry.word_class == SpeakerLexicon::Class::kPronoun) return entry;
      }
      return std::nullopt;
    }
    if (entry.word_class != SpeakerLexicon::Class::kPronoun) {
      // "a-t-il", "dit-elle": a verb carrying its pronoun.
      const auto hyphen = word.rfind('-');
      if (hyphen == std::string_view::npos) return std::nullopt;
      entry = lexicon_.word(word.substr(hyphen + 1));
      if (entry.word_class != SpeakerLexicon::Class::kPronoun) return std::nullopt;
    }
    return entry;
  }

  // The entity a pronoun at byte `anchor` of `sentence` most likely stands for: a compatible
  // name before it, scored by salience; an organisation for "it" and "the company".
  std::optional<std::uint32_t> antecedent(std::uint32_t anchor, std::uint32_t sentence,
                                          Gender gender, bool organisation) const {
    auto at = std::partition_point(mentions_.begin(), mentions_.end(),
                                   [&](const Mention& m) { return m.name.end <= anchor; });
    std::optional<std::uint32_t> best;
    double best_score = 0;
    for (std::size_t seen = 0; at != mentions_.begin() && seen < kAntecedentNames; ++seen) {
      --at;
      const std::uint32_t distance =
          sentence == kNoSentence || at->sentence == kNoSentence || at->sentence > sentence
              ? 0
              : sentence - at->sentence;
      if (distance > kAntecedentSentences) break;
      const Entity& entity = entities_[at->entity];
      if (at->modifier || !compatible(entity, gender, organisation)) continue;
      // A lone word nothing tells more of is as likely a place ("Croydon") as a person.
      if (!organisation && entity.type() == SpeakerType::kUnknown && one_word(entity)) continue;
      double score = kPerSentence * distance;
      if (entity.type() == SpeakerType::kPerson) score += kKnownPerson;
      if (entity.type() == SpeakerType::kOrganisation) score += kKnownOrganisation;
      if (last_entity_ == at->entity) score += kPreviousSpeaker;
      if (at->subject_like) score += kSubjectLike;
      if (gender != Gender::kUnknown && entity.gender == gender) score += kGenderConfirmed;
      if (at->possessor) score += kPossessor;
      if (!best || score > best_score) {
        best = at->entity;
        best_score = score;
      }
    }
    if (!best && last_entity_ != kNoEntity &&
        compatible(entities_[last_entity_], gender, organisation)) {
      best = last_entity_;
    }
    return best;
  }

  bool one_word(const Entity& entity) const { return mentions_[entity.fullest].one_word; }

  // Whether `entity` may be what a pronoun of `gender` stands for; for "it" and "the company"
  // (`organisation`), any name but a person's.
  static bool compatible(const Entity& entity, Gender gender, bool organisation) {
    if (organisation) return entity.type() == SpeakerType::kOrganisation;
    if (entity.type() == SpeakerType::kOrganisation || gender == Gender::kPlural) return false;
    return gender == Gender::kUnknown || entity.gender == Gender::kUnknown ||
           entity.gender == gender;
  }

  // The entity named with the role `word` nearest before byte `anchor` ("Interior Minister
  // Ana Ruiz" for "the minister"; "the Ministry of Agriculture" or "Northwind, a freight
  // company" for "the ministry", "the company"): an organisation or not, as `organisation` says.
  std::optional<std::uint32_t> named_with_role(std::string_view word, std::uint32_t anchor,
                                               bool organisation) const {
    const auto by_word = [](const auto& role, std::string_view w) { return role.first < w; };
    auto first = std::lower_bound(roles_.begin(), roles_.end(), word, by_word);
    if ((first == roles_.end() || first->first != word) && resources_.compound_title_cues &&
        word.size() >= kShortestTitleEnding && roles_.size() <= kCompoundRoles) {
      // German: "die Forscherin" for "Klimaforscherin Elena Fuchs".
      const auto compound = std::find_if(roles_.begin(), roles_.end(), [&](const auto& role) {
        return role.first.ends_with(word);
      });
      if (compound != roles_.end()) {
        word = compound->first;
        first = compound;
      }
    }
    // The word's mentions are in text order: from the last one before `anchor` back.
    const auto end =
        std::upper_bound(first, roles_.end(), word,
                         [](std::string_view w, const auto& role) { return w < role.first; });
    auto before = std::partition_point(
        first, end, [&](const auto& role) { return mentions_[role.second].name.begin < anchor; });
    for (std::size_t seen = 0; before != first && seen < kRoleCandidates; ++seen) {
      --before;
      const std::uint32_t entity = mentions_[before->second].entity;
      const SpeakerType type = entities_[entity].type();
      if (organisation ? type != SpeakerType::kPerson : type != SpeakerType::kOrganisation) {
        return entity;
      }
    }
    return std::nullopt;
  }

  // --- Tokens ---------------------------------------------------------------------------------

  std::size_t first_token_at(std::uint32_t at) const {
    return static_cast<std::size_t>(
        std::lower_bound(tokens_.begin(), tokens_.end(), at,
                         [](const Token& t, std::uint32_t a) { return t.span.begin < a; }) -
        tokens_.begin());
  }
  std::string_view text(std::uint32_t t) const { return doc_.text(tokens_[t].span); }
  const std::string& key(std::uint32_t t) const { return doc_.key(tokens_[t]); }
  // What the lists say of token `t`'s written form, looked up once per document.
  const WrittenForm& form(std::uint32_t t) const {
    WrittenForm& form = forms_[tokens_[t].key];
    if (!form.known) {
      form.known = true;
      const std::string& word = key(t);
      const auto found = resources_.word_classes.find(word);
      form.classes = found == resources_.word_classes.end() ? 0 : found->second;
      form.entry = lexicon_.word(word);
      form.given = lexicon_.given_name(word);
      if (resources_.compound_title_cues) form.title_ending = lexicon_.title_ending(word);
      form.possessive = is_word(tokens_[t]) && tokenizer_.possessive_suffix(text(t)) > 0;
    }
    return form;
  }
  bool in(std::uint32_t t, std::uint32_t classes) const { return (form(t).classes & classes) != 0; }
  SpeakerLexicon::Class word_class(std::uint32_t t) const { return form(t).entry.word_class; }
  bool is_capitalised(std::uint32_t t) const {
    const char first = doc_.text()[tokens_[t].span.begin];
    if (static_cast<unsigned char>(first) < 0x80) return first >= 'A' && first <= 'Z';
    const UChar32 c = code_point_at(doc_.text(), tokens_[t].span.begin).value;
    return u_isupper(c) || u_istitle(c);
  }
  bool is_name_word(std::uint32_t t) const {
    if (!is_word(tokens_[t]) || tokens_[t].sentence == kNoSentence || quoted_[t] ||
        !is_capitalised(t)) {
      return false;
    }
    if (!resources_.capitalised_nouns) return true;
    // German capitalises every noun: no word right after an article is a name ("die
    // Politikerin"), and a run the tagger calls no proper noun is one only as a known surname.
    return t == 0 || tokens_[t - 1].sentence != tokens_[t].sentence || !in(t - 1, kDeterminer);
  }
  bool is_lower_word(std::uint32_t t) const {
    return t < tokens_.size() && is_word(tokens_[t]) && !is_capitalised(t);
  }
  // A word that may be a role: in lower case, or in German any noun ("Grünen-Politikerin").
  bool is_role_word(std::uint32_t t) const {
    return is_lower_word(t) || (resources_.capitalised_nouns && is_word(tokens_[t]));
  }
  bool is_title(std::uint32_t t) const {
    return is_word(tokens_[t]) &&
           (word_class(t) == SpeakerLexicon::Class::kTitle || !compound_title(t).empty());
  }
  // German: the title a compound ends in ("Innenministerin" -> "ministerin").
  std::string_view compound_title(std::uint32_t t) const { return form(t).title_ending; }
  bool is_pronoun(std::uint32_t t) const {
    return word_class(t) == SpeakerLexicon::Class::kPronoun;
  }
  bool is_connector(std::uint32_t t) const { return !is_capitalised(t) && in(t, kConnector); }
  bool is_dot(std::uint32_t t) const { return text(t) == "."; }
  bool is_comma(std::uint32_t t) const { return text(t) == ","; }
  bool possessive(std::uint32_t t) const { return form(t).possessive; }
  Gender given_name(std::uint32_t t) const {
    return t < tokens_.size() && is_word(tokens_[t]) ? form(t).given : Gender::kUnknown;
  }
  // Whether no content word in lower case comes before token `from` in its sentence, but the
  // role words right before it.
  bool before_any_verb(std::uint32_t from) const {
    // A name further into its sentence than this is taken for no subject (and a sentence of a
    // million words costs no more than this per name).
    const std::uint32_t limit = from > kSubjectReach ? from - kSubjectReach : 0;
    if (!tags_.empty()) {
      // German: most of its lower-case words are stopwords; the tagger knows the verbs.
      for (std::uint32_t k = from; k > 0 && tokens_[k - 1].sentence == tokens_[from].sentence;
           --k) {
        if (k <= limit) return false;
        if (tags_[k - 1] == PartOfSpeech::kVerb || tags_[k - 1] == PartOfSpeech::kAux) return false;
      }
      return true;
    }
    std::uint32_t k = from;
    while (k > 0 && tokens_[k - 1].sentence == tokens_[from].sentence && is_lower_word(k - 1) &&
           !in(k - 1, kStopword)) {
      --k;  // "finance chief Oskar Brandt"
    }
    // "Le président du conseil départemental, Henri Delorme, a reçu ...": a role phrase that
    // opens the sentence, its title first.
    bool role_phrase = k > 0 && is_comma(k - 1);
    bool title = false;
    for (; k > 0 && tokens_[k - 1].sentence == tokens_[from].sentence; --k) {
      if (k <= limit) return false;
      const std::uint32_t w = k - 1;
      if (role_phrase && !title && is_word(tokens_[w]) && is_title(w)) {
        title = true;
      } else if (is_lower_word(w) && !in(w, kStopword) && (!role_phrase || title)) {
        return false;
      } else if (!is_word(tokens_[w]) && !is_comma(w)) {
        role_phrase = false;
      }
    }
    return !role_phrase || title;
  }

  // Whether token `t` is the first word of its sentence.
  bool opens_sentence(std::uint32_t t) const {
    std::uint32_t k = t;
    while (k > 0 && tokens_[k - 1].sentence == tokens_[t].sentence && !is_word(tokens_[k - 1])) {
      --k;
    }
    return k == 0 || tokens_[k - 1].sentence != tokens_[t].sentence;
  }

  const Document& doc_;
  const std::vector<Token>& tokens_;
  const Tokenizer& tokenizer_;
  const SyntaxParser* syntax_;
  const QuoteResources& resources_;
  const SpeakerLexicon& lexicon_;
  mutable std::vector<WrittenForm> forms_;  // by key index
  std::vector<bool> quoted_;
  std::vector<Span> speaker_phrases_;
  std::vector<PartOfSpeech> tags_;  // German only: which capitalised words are names
  std::vector<Mention> mentions_;   // in text order
  std::vector<Entity> entities_;
  std::unordered_map<std::string_view, std::uint32_t> entity_of_;      // by surname
  std::unordered_map<std::string_view, std::uint32_t> first_word_of_;  // by a name's first word
  // Role words and the mentions they describe: sorted by word once the names are found, each
  // word's mentions in text order.
  std::vector<std::pair<std::string_view, std::uint32_t>> roles_;
  std::uint32_t last_entity_ = kNoEntity;  // the previous quote's resolved speaker
};

}  // namespace

SpeakerLexicon::SpeakerLexicon(const LanguagePack& language, const Tokenizer& tokenizer) {
  for (const auto& line : language.list("speaker_words")) {
    const auto fields = fields_of(line);
    if (fields.size() < 2 || fields.size() > 3) {
      throw LanguagePackError("speaker words: expected 'word class [gender]', got '" + line + "'");
    }
    words_[std::string(fields[0])] = {parse_class(fields[1], line),
                                      parse_gender(fields.size() == 3 ? fields[2] : "", line)};
  }
  for (const auto& [word, entry] : words_) {
    // Scripts written without spaces: every byte of their characters is 0x80 or more.
    const bool unspaced = static_cast<unsigned char>(word.front()) >= 0xE2;
    if (unspaced &&
        (entry.word_class == Class::kTitle || entry.word_class == Class::kOrganisation)) {
      affixes_.emplace_back(word, entry);
    }
  }
  for (const auto& [word, entry] : words_) {
    if (entry.word_class == Class::kTitle && word.size() >= kShortestTitleEnding) {
      titles_.push_back(word);
    }
    if (entry.word_class == Class::kDemonstrative) demonstratives_.push_back(word);
  }
  std::sort(demonstratives_.begin(), demonstratives_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::sort(titles_.begin(), titles_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::sort(affixes_.begin(), affixes_.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
  });
  for (const auto& line : language.list("given_names")) {
    const auto fields = fields_of(line);
    if (fields.size() != 2 || (fields[1] != "m" && fields[1] != "f")) {
      throw LanguagePackError("given names: expected 'Name m' or 'Name f', got '" + line + "'");
    }
    given_names_[tokenizer.key(fields[0])] = parse_gender(fields[1], line);
  }
}

std::string_view SpeakerLexicon::title_ending(std::string_view key) const {
  for (const std::string& title : titles_) {
    if (title.size() < key.size() && key.ends_with(title)) return title;
  }
  return {};
}

std::optional<SpeakerLexicon::Affix> SpeakerLexicon::affix_at(std::string_view text,
                                                              std::uint32_t at, bool after) const {
  for (const auto& [word, entry] : affixes_) {
    const bool fits =
        after ? text.substr(at).starts_with(word) : text.substr(0, at).ends_with(word);
    if (fits) return Affix{entry, static_cast<std::uint32_t>(word.size()), !after};
  }
  return std::nullopt;
}

Gender SpeakerLexicon::given_name_ending(std::string_view given_name) const {
  if (given_name.empty()) return Gender::kUnknown;
  std::size_t last = given_name.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(given_name[last]) & 0xC0) == 0x80) --last;
  const Entry entry = word(given_name.substr(last));
  return entry.word_class == Class::kGivenNameEnding ? entry.gender : Gender::kUnknown;
}

std::size_t SpeakerLexicon::demonstrative(std::string_view phrase) const {
  for (const std::string& word : demonstratives_) {
    if (word.size() < phrase.size() && phrase.starts_with(word)) return word.size();
  }
  return 0;
}

std::optional<SpeakerLexicon::Affix> SpeakerLexicon::affix(std::string_view phrase) const {
  for (const auto& [word, entry] : affixes_) {
    if (word.size() >= phrase.size()) continue;
    const bool prefix = phrase.starts_with(word);
    if (prefix || phrase.ends_with(word)) {
      return Affix{entry, static_cast<std::uint32_t>(word.size()), prefix};
    }
  }
  return std::nullopt;
}

void resolve_speakers(const Document& document, const Tokenizer& tokenizer,
                      const SyntaxParser* syntax, const QuoteResources& resources,
                      const SpeakerLexicon& lexicon, std::vector<Quote>& quotes) {
  SpeakerResolver(document, tokenizer, syntax, resources, lexicon).resolve(quotes);
}

}  // namespace presslens::detail
