// The word lists of the quote stage, compiled from a language pack.
#include "detail/quote_resources.hpp"

#include <algorithm>
#include <string_view>

#include "presslens/error.hpp"

namespace presslens::detail {

namespace {

StringSet set_of(const std::vector<std::string>& list) { return {list.begin(), list.end()}; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool has_option(const std::vector<std::string>& options, std::string_view option) {
  return std::find(options.begin(), options.end(), option) != options.end();
}

}  // namespace

QuoteResources::QuoteResources(const LanguagePack& language)
    : speech_verbs(set_of(language.list("speech_verbs"))),
      determiners(set_of(language.list("determiners"))),
      speaker_particles(set_of(language.list("speaker_particles"))),
      title_cues(set_of(language.list("title_cues"))),
      fragment_particles(set_of(language.list("fragment_particles"))),
      quotatives(set_of(language.list("quote_continuations"))),
      stopwords(set_of(language.list("stopwords"))) {
  const auto& options = language.list("quote_options");
  subject_first = has_option(options, "subject-first");
  german_marks = has_option(options, "german-marks");
  title_case_titles = has_option(options, "title-case-titles");
  compound_title_cues = has_option(options, "compound-title-cues");
  white_corner_titles = has_option(options, "white-corner-titles");
  dropped_subjects = has_option(options, "dropped-subjects");
  pronoun_inversion = has_option(options, "pronoun-inversion");
  capitalised_nouns = has_option(options, "capitalised-nouns");
  single_character_given_names = has_option(options, "single-character-given-names");
  // The lists the reader tests only word by word live in word_classes alone.
  const StringSet coordinators = set_of(language.list("coordinators"));
  // Determiners are connectors too in some lists ("la"): they already join a phrase; "and"
  // joins clauses as often as names, so it ends a speaker phrase.
  StringSet connectors;
  for (const auto& word : language.list("phrase_connectors")) {
    if (!determiners.contains(word) && !coordinators.contains(word)) connectors.insert(word);
  }
  const StringSet trailing_according = set_of(language.list("trailing_according_cues"));
  for (const auto& cue : trailing_according) according_cues.push_back({cue});
  for (const auto& cue : language.list("according_cues")) {
    std::vector<std::string> words;
    for (std::size_t from = 0; from < cue.size();) {
      const std::size_t space = std::min(cue.find(' ', from), cue.size());
      words.push_back(cue.substr(from, space - from));
      from = space + 1;
    }
    if (words.size() <= 2) according_cues.push_back(std::move(words));
  }
  // Days and months (the claim lexicon's date words, the months' names): "said Sunday".
  StringSet date_names;
  for (const auto& line : language.list("claim_cues")) {
    if (line.starts_with("date ")) date_names.insert(line.substr(5));
  }
  for (const auto& line : language.list("months")) {
    for (std::size_t from = line.find(' '); from != std::string::npos && from + 1 < line.size();) {
      const std::size_t space = std::min(line.find(' ', from + 1), line.size());
      date_names.insert(line.substr(from + 1, space - from - 1));
      from = space < line.size() ? space : std::string::npos;
    }
  }
  source_markers = language.list("source_markers");
  // Pronouns by speaker_words.txt: subject pronouns that stand for someone named before ("he",
  // "elle"; in the languages with capitals: Chinese and Japanese speakers are read otherwise),
  // and those that speak for no one named ("I", "we"; "it", neuter, for a thing named before).
  StringSet pronouns;
  StringSet unresolved_pronouns;
  StringSet neuter_pronouns;
  StringSet cjk_pronouns;
  StringSet speaker_nouns;
  for (const auto& line : language.list("speaker_words")) {
    const std::size_t space = line.find_first_of(" \t");
    if (space == std::string::npos) continue;  // the speaker lexicon reports malformed lines
    const std::string word = line.substr(0, space);
    const std::string_view rest = std::string_view(line).substr(space + 1);
    const std::string_view word_class = rest.substr(0, rest.find_first_of(" \t"));
    if (word_class == "pronoun") (subject_first ? cjk_pronouns : pronouns).insert(word);
    if (word_class == "unresolved" || word_class == "neuter") unresolved_pronouns.insert(word);
    if (word_class == "neuter") neuter_pronouns.insert(word);
    if (word_class == "organisation" || word_class == "title" || word_class == "reference") {
      speaker_nouns.insert(word);
    }
  }
  // Words that open or shape a reported clause (clause_words.txt).
  StringSet relatives, complementisers, telling;
  for (const auto& line : language.list("clause_words")) {
    const std::size_t space = line.find_first_of(" \t");
    if (space == std::string::npos) {
      throw LanguagePackError("clause words: expected 'word class', got '" + line + "'");
    }
    const std::string word = line.substr(0, space);
    const std::string_view word_class = trim(std::string_view(line).substr(space + 1));
    if (word_class == "relative") {
      relatives.insert(word);
    } else if (word_class == "complementiser") {
      complementisers.insert(word);
    } else if (word_class == "telling") {
      telling.insert(word);
    } else {
      throw LanguagePackError("clause words: unknown class in '" + line +
                              "' (relative, complementiser or telling)");
    }
  }
  const StringSet stance_verbs = set_of(language.list("stance_verbs"));
  const std::pair<StringSet, WordClass> classes[] = {
      {pronouns, kPronoun},
      {unresolved_pronouns, kUnresolvedPronoun},
      {neuter_pronouns, kNeuterPronoun},
      {cjk_pronouns, kCjkPronoun},
      {speaker_nouns, kSpeakerNoun},
      {relatives, kRelative},
      {complementisers, kComplementiser},
      {telling, kTelling},
      {speech_verbs, kSpeechVerbForm},
      // Stance verbs are read as speech verbs are; their reports are stances.
      {stance_verbs, kSpeechVerbForm},
      {stance_verbs, kStanceVerb},
      {set_of(language.list("speech_auxiliaries")), kAuxiliary},
      {determiners, kDeterminer},
      {set_of(language.list("noun_markers")), kNounMarker},
      {coordinators, kCoordinator},
      {set_of(language.list("speech_participles")), kParticiple},
      {stopwords, kStopword},
      {set_of(language.list("naming_verbs")), kNamingVerb},
      {date_names, kDateName},
      {title_cues, kTitleCue},
      {set_of(language.list("byline_prefixes")), kByline},
      {speaker_particles, kSpeakerParticle},
      {set_of(language.list("speaker_stops")), kSpeakerStop},
      {fragment_particles, kFragmentParticle},
      {connectors, kConnector},
      {trailing_according, kTrailingAccording},
      {set_of(language.list("listener_markers")), kListenerMarker},
      {set_of(language.list("scare_cues")), kScareCue}};
  for (const auto& [set, word_class] : classes) {
    for (const auto& word : set) word_classes[word] |= word_class;
  }
  for (const auto& cue : according_cues) {
    if (const auto apostrophe = cue[0].find('\''); apostrophe != std::string::npos) {
      word_classes[cue[0].substr(apostrophe + 1)] |= kAccordingStart;
    } else if (cue.size() == 2 || trailing_according.contains(cue[0])) {
      word_classes[cue[0]] |= kAccordingStart;
    }
  }
  if (language.has_model("cues")) {
    cue_model.emplace(language.model("cues"), "cues");
    for (const auto& word : cue_model->lexicon()) word_classes[word] |= kLearnedCue;
  }
  for (const auto& [word, word_class] : word_classes) {
    const std::uint32_t bit = signature(word);
    listed_signatures_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  for (const auto& verb : language.list("speech_verbs")) {
    if (static_cast<unsigned char>(verb[0]) >= 0xE2) cjk_speech_verbs.push_back(verb);
  }
}

}  // namespace presslens::detail
