#include "presslens/corpus.hpp"

#include <algorithm>
#include <cmath>
#include <istream>
#include <ostream>
#include <sstream>

#include "detail/parallel.hpp"
#include "presslens/analyzer.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"

namespace presslens {
namespace {

constexpr std::string_view kHeader = "presslens-corpus 3";
// Version 1 kept one text per term (as first written), version 2 no speakers; both still load.
constexpr std::string_view kHeaderVersion1 = "presslens-corpus 1";
constexpr std::string_view kHeaderVersion2 = "presslens-corpus 2";

bool by_quotes(const SpeakerStatistics& a, const SpeakerStatistics& b) {
  if (a.quotes != b.quotes) return a.quotes > b.quotes;
  return a.key < b.key;
}

void keep_most_quoted(std::vector<SpeakerStatistics>& all, std::size_t n) {
  const std::size_t keep = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                    by_quotes);
  all.resize(keep);
}

void check_group(std::string_view group) {
  if (group.find_first_of("\r\n") != std::string_view::npos) {
    throw InvalidArgument("a corpus group name cannot hold a line break");
  }
}

// A surface form on one line of the file: tabs and line breaks become spaces.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return text;
}

bool by_count(const TermStatistics& a, const TermStatistics& b) {
  if (a.count != b.count) return a.count > b.count;
  return a.key < b.key;
}

// Keeps the `n` best-scored terms, best first (ties by key).
void keep_best_scored(std::vector<TermStatistics>& ranked, std::size_t n) {
  const std::size_t keep = std::min(n, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const TermStatistics& a, const TermStatistics& b) {
                      return a.score != b.score ? a.score > b.score : a.key < b.key;
                    });
  ranked.resize(keep);
}

}  // namespace

void Corpus::Term::add_form(std::string_view text, std::uint64_t times) {
  for (auto& [form, count] : forms) {
    if (form == text) {
      count += times;
      return;
    }
  }
  forms.emplace_back(std::string(text), times);
}

SpeakerStatistics Corpus::Speaker::statistics(const std::string& key, std::uint64_t quotes) const {
  SpeakerStatistics stats{key, names.text(), SpeakerType::kUnknown, quotes, names.documents};
  // The type most of its quotes had; a known type wins a tie with unknown.
  const auto count = [&](SpeakerType type) { return types[static_cast<std::size_t>(type)]; };
  const SpeakerType known = count(SpeakerType::kOrganisation) > count(SpeakerType::kPerson)
                                ? SpeakerType::kOrganisation
                                : SpeakerType::kPerson;
  if (count(known) > 0 && count(known) >= count(SpeakerType::kUnknown)) stats.type = known;
  return stats;
}

const std::string& Corpus::Term::text() const {
  static const std::string kNone;
  const std::pair<std::string, std::uint64_t>* best = nullptr;
  for (const auto& form : forms) {
    if (!best || form.second > best->second ||
        (form.second == best->second && form.first < best->first)) {
      best = &form;
    }
  }
  return best ? best->first : kNone;
}

void Corpus::add(const Document& document, const std::vector<Keyword>& terms,
                 std::string_view group) {
  check_group(group);
  ++documents_;
  Group* counts = nullptr;
  if (!group.empty()) {
    auto found = groups_.find(group);
    if (found == groups_.end()) found = groups_.emplace(std::string(group), Group{}).first;
    counts = &found->second;
    ++counts->documents;
  }
  for (const Keyword& keyword : terms) {
    Term& term = terms_[keyword.key];
    term.add_form(document.text(keyword.first), keyword.count);
    term.count += keyword.count;
    ++term.documents;
    if (counts) counts->counts[keyword.key] += keyword.count;
  }
  std::vector<std::string_view> spoke;  // the speakers of this document, once each
  for (const Quote& quote : document.quotes()) {
    if (!is_speech(quote) || quote.speaker_name.empty() || quote.speaker_key.empty()) continue;
    Speaker& speaker = speakers_[quote.speaker_key];
    speaker.names.add_form(document.text(quote.speaker_name), 1);
    ++speaker.names.count;
    ++speaker.types[static_cast<std::size_t>(quote.speaker_type)];
    if (std::find(spoke.begin(), spoke.end(), quote.speaker_key) == spoke.end()) {
      spoke.push_back(quote.speaker_key);
      ++speaker.names.documents;
    }
    if (counts) ++counts->speaker_quotes[quote.speaker_key];
  }
}

void Corpus::add_texts(const Analyzer& analyzer, std::span<const std::string_view> texts,
                       std::span<const std::string> groups, unsigned threads,
                       const KeywordOptions& options) {
  if (!groups.empty() && groups.size() != texts.size()) {
    throw InvalidArgument("add_texts needs one group per text, or none");
  }
  // Each worker thread builds a partial corpus; merging them equals adding in order.
  std::vector<Document> documents(texts.size());
  std::vector<std::vector<Keyword>> terms(texts.size());
  detail::parallel_for(texts.size(), threads, [&](std::size_t i) {
    documents[i] = analyzer.analyze(texts[i]);
    terms[i] = analyzer.keywords(documents[i], options);
  });
  for (std::size_t i = 0; i < texts.size(); ++i) {
    add(documents[i], terms[i], groups.empty() ? std::string_view() : std::string_view(groups[i]));
  }
}

void Corpus::merge(const Corpus& other) {
  documents_ += other.documents_;
  for (const auto& [key, term] : other.terms_) {
    Term& mine = terms_[key];
    for (const auto& [form, count] : term.forms) mine.add_form(form, count);
    mine.count += term.count;
    mine.documents += term.documents;
  }
  for (const auto& [key, speaker] : other.speakers_) {
    Speaker& mine = speakers_[key];
    for (const auto& [name, count] : speaker.names.forms) mine.names.add_form(name, count);
    mine.names.count += speaker.names.count;
    mine.names.documents += speaker.names.documents;
    for (std::size_t t = 0; t < mine.types.size(); ++t) mine.types[t] += speaker.types[t];
  }
  for (const auto& [name, group] : other.groups_) {
    Group& mine = groups_[name];
    mine.documents += group.documents;
    for (const auto& [key, count] : group.counts) mine.counts[key] += count;
    for (const auto& [key, count] : group.speaker_quotes) mine.speaker_quotes[key] += count;
  }
}

std::vector<SpeakerStatistics> Corpus::speakers(std::size_t n) const {
  std::vector<SpeakerStatistics> all;
  all.reserve(speakers_.size());
  for (const auto& [key, speaker] : speakers_) {
    all.push_back(speaker.statistics(key, speaker.names.count));
  }
  keep_most_quoted(all, n);
  return all;
}

std::vector<SpeakerStatistics> Corpus::speakers(std::size_t n, std::string_view group) const {
  std::vector<SpeakerStatistics> all;
  const auto found = groups_.find(group);
  if (found == groups_.end()) return all;
  for (const auto& [key, quotes] : found->second.speaker_quotes) {
    all.push_back(speakers_.at(key).statistics(key, quotes));
  }
  keep_most_quoted(all, n);
  return all;
}

std::uint32_t Corpus::document_frequency(std::string_view key) const {
  const auto found = terms_.find(std::string(key));
  return found == terms_.end() ? 0 : found->second.documents;
}

std::vector<TermStatistics> Corpus::top(std::size_t n) const {
  std::vector<TermStatistics> all;
  all.reserve(terms_.size());
  for (const auto& [key, term] : terms_)
    all.push_back({key, term.text(), term.count, term.documents});
  const std::size_t keep = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                    by_count);
  all.resize(keep);
  return all;
}

std::vector<TermStatistics> Corpus::top(std::size_t n, std::string_view group) const {
  std::vector<TermStatistics> all;
  const auto found = groups_.find(group);
  if (found == groups_.end()) return all;
  for (const auto& [key, count] : found->second.counts) {
    const Term& term = terms_.at(key);
    all.push_back({key, term.text(), count, term.documents});
  }
  const std::size_t keep = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                    by_count);
  all.resize(keep);
  return all;
}

std::vector<std::string> Corpus::groups() const {
  std::vector<std::string> names;
  for (const auto& [name, group] : groups_) names.push_back(name);
  return names;
}

std::uint64_t Corpus::group_documents(std::string_view group) const {
  const auto found = groups_.find(group);
  return found == groups_.end() ? 0 : found->second.documents;
}

std::vector<TermStatistics> Corpus::tfidf(const Document& document,
                                          const std::vector<Keyword>& terms, std::size_t n) const {
  std::vector<TermStatistics> ranked;
  ranked.reserve(terms.size());
  const double total = static_cast<double>(documents_);
  for (const Keyword& keyword : terms) {
    const double df = document_frequency(keyword.key);
    TermStatistics stats{keyword.key, std::string(document.text(keyword.first)), keyword.count,
                         static_cast<std::uint32_t>(df)};
    stats.score = keyword.count * (std::log((1.0 + total) / (1.0 + df)) + 1.0);
    ranked.push_back(std::move(stats));
  }
  keep_best_scored(ranked, n);
  return ranked;
}

std::vector<TermStatistics> Corpus::keyness(std::string_view group, std::size_t n) const {
  std::vector<TermStatistics> ranked;
  const auto found = groups_.find(group);
  if (found == groups_.end()) return ranked;
  double all = 0;
  for (const auto& [key, term] : terms_) all += static_cast<double>(term.count);
  double in_group = 0;
  for (const auto& [key, count] : found->second.counts) in_group += static_cast<double>(count);
  const double in_rest = all - in_group;
  // The prior: each term's count in the whole corpus, so alpha_0 = all.
  for (const auto& [key, count] : found->second.counts) {
    const Term& term = terms_.at(key);
    const double prior = static_cast<double>(term.count);
    const double group_count = static_cast<double>(count);
    const double rest_count = prior - group_count;
    const double odds_group = (group_count + prior) / (in_group + all - group_count - prior);
    const double odds_rest = (rest_count + prior) / (in_rest + all - rest_count - prior);
    const double variance = 1.0 / (group_count + prior) + 1.0 / (rest_count + prior);
    TermStatistics stats{key, term.text(), count, term.documents};
    stats.score = (std::log(odds_group) - std::log(odds_rest)) / std::sqrt(variance);
    ranked.push_back(std::move(stats));
  }
  keep_best_scored(ranked, n);
  return ranked;
}

std::uint64_t Corpus::count(std::string_view key, std::string_view group) const {
  const auto found = groups_.find(group);
  if (found == groups_.end()) return 0;
  const auto term = found->second.counts.find(std::string(key));
  return term == found->second.counts.end() ? 0 : term->second;
}

std::uint64_t Corpus::group_terms(std::string_view group) const {
  const auto found = groups_.find(group);
  if (found == groups_.end()) return 0;
  std::uint64_t total = 0;
  for (const auto& [key, count] : found->second.counts) total += count;
  return total;
}

void Corpus::save(std::ostream& out) const {
  out << kHeader << '\n' << "documents " << documents_ << '\n';
  std::vector<const std::pair<const std::string, Term>*> sorted;
  for (const auto& entry : terms_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* entry : sorted) {
    out << "term\t" << entry->second.documents << '\t' << entry->second.count << '\t'
        << entry->first << '\n';
    auto forms = entry->second.forms;
    std::sort(forms.begin(), forms.end());
    for (const auto& [form, count] : forms) {
      out << "form\t" << count << '\t' << one_line(form) << '\n';
    }
  }
  const std::map<std::string, const Speaker*> speakers = [&] {
    std::map<std::string, const Speaker*> sorted;
    for (const auto& [key, speaker] : speakers_) sorted.emplace(key, &speaker);
    return sorted;
  }();
  for (const auto& [key, speaker] : speakers) {
    out << "speaker\t" << speaker->names.documents << '\t' << speaker->names.count;
    for (const std::uint64_t count : speaker->types) out << '\t' << count;
    out << '\t' << one_line(key) << '\n';
    auto names = speaker->names.forms;
    std::sort(names.begin(), names.end());
    for (const auto& [name, count] : names)
      out << "name\t" << count << '\t' << one_line(name) << '\n';
  }
  for (const auto& [name, group] : groups_) {
    out << "group\t" << group.documents << '\t' << name << '\n';
    std::map<std::string, std::uint64_t> counts(group.counts.begin(), group.counts.end());
    for (const auto& [key, count] : counts) out << "count\t" << count << '\t' << key << '\n';
    std::map<std::string, std::uint64_t> quotes(group.speaker_quotes.begin(),
                                                group.speaker_quotes.end());
    for (const auto& [key, count] : quotes) out << "quotes\t" << count << '\t' << key << '\n';
  }
}

Corpus Corpus::load(std::istream& in) {
  Corpus corpus;
  std::string line;
  std::size_t number = 0;
  const auto fail = [&](const char* why) {
    throw InvalidArgument("corpus file, line " + std::to_string(number) + ": " + why);
  };
  if (!std::getline(in, line) ||
      (line != kHeader && line != kHeaderVersion1 && line != kHeaderVersion2)) {
    fail("not a presslens corpus file");
  }
  ++number;
  Group* group = nullptr;
  Term* term = nullptr;        // the term the form lines below belong to
  Speaker* speaker = nullptr;  // the speaker the name lines below belong to
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos;
         tab = line.find('\t', start)) {
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(line.substr(start));
    try {
      if (line.starts_with("documents ")) {
        corpus.documents_ = std::stoull(line.substr(10));
      } else if (fields[0] == "term" && (fields.size() == 4 || fields.size() == 5)) {
        term = &corpus.terms_[fields[3]];
        term->documents = static_cast<std::uint32_t>(std::stoul(fields[1]));
        term->count = std::stoull(fields[2]);
        if (fields.size() == 5) term->add_form(fields[4], term->count);  // version 1
      } else if (fields[0] == "form" && fields.size() == 3 && term) {
        term->add_form(fields[2], std::stoull(fields[1]));
      } else if (fields[0] == "speaker" && fields.size() == 7) {
        speaker = &corpus.speakers_[fields[6]];
        speaker->names.documents = static_cast<std::uint32_t>(std::stoul(fields[1]));
        speaker->names.count = std::stoull(fields[2]);
        for (std::size_t t = 0; t < speaker->types.size(); ++t) {
          speaker->types[t] = std::stoull(fields[3 + t]);
        }
      } else if (fields[0] == "name" && fields.size() == 3 && speaker) {
        speaker->names.add_form(fields[2], std::stoull(fields[1]));
      } else if (fields[0] == "quotes" && fields.size() == 3 && group) {
        if (!corpus.speakers_.contains(fields[2]))
          fail("a group counts a speaker the corpus lacks");
        group->speaker_quotes[fields[2]] = std::stoull(fields[1]);
      } else if (fields[0] == "group" && fields.size() == 3) {
        group = &corpus.groups_[fields[2]];
        group->documents = std::stoull(fields[1]);
      } else if (fields[0] == "count" && fields.size() == 3 && group) {
        if (!corpus.terms_.contains(fields[2])) fail("a group counts a term the corpus lacks");
        group->counts[fields[2]] = std::stoull(fields[1]);
      } else {
        fail("unexpected line");
      }
    } catch (const std::logic_error&) {  // stoul and friends on a malformed number
      fail("malformed number");
    }
  }
  return corpus;
}

}  // namespace presslens
