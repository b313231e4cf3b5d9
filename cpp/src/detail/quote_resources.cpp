// The word lists of the quote stage, compiled from a language pack.
#include "detail/quote_resources.hpp"

#include <algorithm>

namespace presslens::detail {

QuoteResources::QuoteResources(const LanguagePack& language)
    : speech_verbs(language.list("speech_verbs").begin(), language.list("speech_verbs").end()),
      auxiliaries(language.list("speech_auxiliaries").begin(),
                  language.list("speech_auxiliaries").end()),
      determiners(language.list("determiners").begin(), language.list("determiners").end()),
      speaker_particles(language.list("speaker_particles").begin(),
                        language.list("speaker_particles").end()),
      speaker_stops(language.list("speaker_stops").begin(), language.list("speaker_stops").end()),
      subject_first(language.language() == "ja" || language.language() == "zh"),
      title_cues(language.list("title_cues").begin(), language.list("title_cues").end()),
      coordinators(language.list("coordinators").begin(), language.list("coordinators").end()),
      noun_markers(language.list("noun_markers").begin(), language.list("noun_markers").end()),
      bylines(language.list("byline_prefixes").begin(), language.list("byline_prefixes").end()),
      participles(language.list("speech_participles").begin(),
                  language.list("speech_participles").end()),
      naming_verbs(language.list("naming_verbs").begin(), language.list("naming_verbs").end()),
      fragment_particles(language.list("fragment_particles").begin(),
                         language.list("fragment_particles").end()),
      quotatives(language.list("quote_continuations").begin(),
                 language.list("quote_continuations").end()),
      stopwords(language.list("stopwords").begin(), language.list("stopwords").end()),
      german_marks(language.language() == "de") {
  const auto& options = language.list("quote_options");
  title_case_titles =
      std::find(options.begin(), options.end(), "title-case-titles") != options.end();
  compound_title_cues =
      std::find(options.begin(), options.end(), "compound-title-cues") != options.end();
  white_corner_titles =
      std::find(options.begin(), options.end(), "white-corner-titles") != options.end();
  dropped_subjects = std::find(options.begin(), options.end(), "dropped-subjects") != options.end();
  // Determiners are connectors too in some lists ("la"): they already join a phrase; "and"
  // joins clauses as often as names, so it ends a speaker phrase.
  for (const auto& word : language.list("phrase_connectors")) {
    if (!determiners.contains(word) && !coordinators.contains(word)) connectors.insert(word);
  }
  for (const auto& cue : language.list("trailing_according_cues")) {
    trailing_according.insert(cue);
    according_cues.push_back({cue});
  }
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
  const std::pair<const StringSet*, WordClass> classes[] = {
      {&speech_verbs, kSpeechVerbForm},
      {&auxiliaries, kAuxiliary},
      {&determiners, kDeterminer},
      {&noun_markers, kNounMarker},
      {&coordinators, kCoordinator},
      {&participles, kParticiple},
      {&stopwords, kStopword},
      {&naming_verbs, kNamingVerb},
      {&date_names, kDateName},
      {&title_cues, kTitleCue},
      {&bylines, kByline},
      {&speaker_particles, kSpeakerParticle},
      {&speaker_stops, kSpeakerStop},
      {&fragment_particles, kFragmentParticle},
      {&connectors, kConnector},
      {&trailing_according, kTrailingAccording}};
  for (const auto& [set, word_class] : classes) {
    for (const auto& word : *set) word_classes[word] |= word_class;
  }
  for (const auto& cue : according_cues) {
    if (const auto apostrophe = cue[0].find('\''); apostrophe != std::string::npos) {
      word_classes[cue[0].substr(apostrophe + 1)] |= kAccordingStart;
    } else if (cue.size() == 2 || trailing_according.contains(cue[0])) {
      word_classes[cue[0]] |= kAccordingStart;
    }
  }
  for (const auto& verb : language.list("speech_verbs")) {
    if (static_cast<unsigned char>(verb[0]) >= 0xE2) cjk_speech_verbs.push_back(verb);
  }
}

}  // namespace presslens::detail
