#include "presslens/structure.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "detail/author_model.hpp"
#include "detail/block_model.hpp"
#include "detail/date_model.hpp"
#include "detail/dates.hpp"
#include "detail/page_evidence.hpp"
#include "detail/phrases.hpp"
#include "detail/sentence_chars.hpp"
#include "detail/title_model.hpp"

namespace presslens {

namespace detail {

// The cue lists of one language plus English's (scraped pages mix English chrome into any
// language), compiled for matching.
class StructureLexicon {
 public:
  explicit StructureLexicon(const LanguagePack& language)
      : dates(month_lists(language), language.list("date_options")) {
    if (language.has_model("structure")) {
      own_model_.emplace(language.model("structure"), "structure");
      model = &*own_model_;
    }
    for (const LanguagePack* pack : packs(language, english_)) {
      chrome.add(pack->list("chrome_phrases"));
      chrome.add(pack->list("comment_headings"));
      comment_headings.add(pack->list("comment_headings"));
      legal.add(pack->list("legal_phrases"));
      byline.add(pack->list("byline_prefixes"));
      byline_roles.add(pack->list("byline_roles"));
      bio_openers.add(pack->list("bio_openers"));
      bio.add(pack->list("bio_cues"));
    }
    // "Ana\tf": the name before the tab, folded.
    for (const std::string& line : language.list("given_names")) {
      const std::string_view name = std::string_view(line).substr(0, line.find('\t'));
      given_names.insert(FoldedText(name, {0, static_cast<std::uint32_t>(name.size())}).chars);
    }
  }

  PhraseList chrome;
  PhraseList comment_headings;
  PhraseList legal;
  PhraseList byline;
  PhraseList byline_roles;
  PhraseList bio_openers;
  PhraseList bio;
  DateFinder dates;
  std::unordered_set<std::u32string> given_names;    // folded: "ana", "jürgen"
  const BlockModel* model = &BlockModel::builtin();  // the pack's own, else the shipped one

 private:
  static std::vector<const LanguagePack*> packs(const LanguagePack& language,
                                                const LanguagePack& english) {
    if (language.language() == "en") return {&language};
    return {&language, &english};
  }
  static std::vector<std::vector<std::string>> month_lists(const LanguagePack& language) {
    std::vector<std::vector<std::string>> lists{language.list("months")};
    if (language.language() != "en") lists.push_back(LanguagePack::builtin("en").list("months"));
    return lists;
  }

  LanguagePack english_ = LanguagePack::builtin("en");
  std::optional<BlockModel> own_model_;
};

}  // namespace detail

namespace {

using detail::FoldedText;

// Lines of at most this many words can be chrome by phrase; longer lines are prose that happens
// to say "share" or "comment".
constexpr std::uint32_t kMaxChromeWords = 12;
// Copyright and licence notices run to a few sentences at most.
constexpr std::uint32_t kMaxLegalWords = 80;
// No cue line is longer than this, whatever its word count (a run of a million periods is one
// "word"): longer paragraphs skip the phrase and date checks, which keeps the stage linear.
constexpr std::uint32_t kMaxCueBytes = 2000;
// How far before the body the title and byline are looked for.
constexpr std::uint32_t kHeaderReach = 15;
// Lines of at most this many words can be a byline that gives a date, or carry a date or an
// author outside the byline proper.
constexpr std::uint32_t kMaxHeaderWords = 25;
// A byline names a few people: "By A, B and C"; past this many, the rest of the line is not read.
constexpr std::uint32_t kMaxBylineNames = 8;
// A comments heading is short: "Comments (37)", "Leave a reply", "Kommentare".
constexpr std::uint32_t kMaxCommentHeadingWords = 4;

struct Features {
  std::uint32_t words = 0;  // spaced words, plus one per two CJK characters
  bool terminal = false;    // ends with a sentence terminator (before closing marks)
  std::optional<Span> legal;
  std::optional<Span> byline;  // a byline opener ("By", "Von") or a date: see find_byline
  // On lines of at most kMaxHeaderWords, found once for the rules and the choosers: the first
  // date, and the first byline opener anywhere in the line.
  std::optional<detail::FoundDate> date;
  std::optional<Span> opener;
  std::optional<Span> link_list;  // the first of two or more menu separators
  std::optional<Span> chrome;
  bool comment_heading = false;  // a chrome line that opens the reader comments
  bool layout = false;           // HTML: the page's menus, header, footer, sidebars or forms
  bool links = false;            // HTML: mostly link text
  bool outside_content = false;  // HTML: outside the page's main content element
};

std::uint32_t count_words(std::string_view text, Span span) {
  std::uint32_t words = 0;
  std::uint32_t cjk = 0;
  bool in_word = false;
  for (std::uint32_t i = span.begin; i < span.end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ASCII without asking ICU
      const bool space = byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' ||
                         byte == '\f' || byte == '\v';
      if (!space && !in_word) ++words;
      in_word = !space;
      ++i;
      continue;
    }
    const detail::SentenceChar c = detail::sentence_char_at(text, i);
    if (detail::is_cjk(c)) {
      ++cjk;
      in_word = false;
    } else {
      const bool space = detail::is_space(c);
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    i += c.size;
  }
  return words + (cjk + 1) / 2;
}

bool ends_with_terminator(std::string_view text, Span span) {
  std::uint32_t end = span.end;
  while (end > span.begin) {
    const detail::SentenceChar c = detail::sentence_char_before(text, end);
    if (c.kind != U_SB_CLOSE) return detail::is_terminator(c);
    end -= c.size;
  }
  return false;
}

// Two or more menu separators (" / ", " | ", " · ", " • ", " » ", " > ", " › ", "||") between
// short items: a navigation bar or breadcrumb. One pass over the line's spaces.
std::optional<Span> find_link_list(std::string_view text, Span span, std::uint32_t words) {
  static constexpr std::string_view kSeparators[] = {" / ", " | ", " · ", " • ",
                                                     " » ", " > ", " › "};
  if (words > 60) return std::nullopt;  // prose, whatever its slashes
  std::optional<Span> first;
  std::uint32_t count = 0;
  for (std::uint32_t i = span.begin; i + 1 < span.end; ++i) {
    std::uint32_t size = 0;
    if (text[i] == '|' && text[i + 1] == '|') {
      size = 2;
    } else if (text[i] == ' ' &&
               std::string_view("/|>\xC2\xE2").find(text[i + 1]) != std::string_view::npos) {
      for (const std::string_view separator : kSeparators) {
        if (text.substr(i, separator.size()) == separator && i + separator.size() <= span.end) {
          size = static_cast<std::uint32_t>(separator.size());
          break;
        }
      }
    }
    if (size == 0) continue;
    if (!first) first = Span{i, i + size};
    ++count;
    i += size - 2;  // the separator's last space may open the next one
  }
  if (count >= 2 && words <= 4 * (count + 1)) return first;
  return std::nullopt;
}

// Prose scores by its length, chrome against it; the body is the stretch with the best total.
int score(const Features& f) {
  if (f.legal) return -30 - static_cast<int>(f.words);
  if (f.layout || f.links || f.outside_content) return -10 - static_cast<int>(f.words);
  if (f.byline) return -5;
  if (f.link_list || f.chrome) return -10 - static_cast<int>(f.words);
  if (f.terminal && f.words >= 6) return static_cast<int>(std::min<std::uint32_t>(f.words, 80));
  if (f.terminal && f.words >= 2) return 1;  // a short sentence: weak prose
  if (f.words >= 20) return static_cast<int>(f.words / 2);
  return -2;
}

// [begin, end) of the contiguous run with the largest total score (Kadane), or an empty run.
std::pair<std::uint32_t, std::uint32_t> best_run(const std::vector<int>& scores) {
  int best = 0, current = 0;
  std::uint32_t best_begin = 0, best_end = 0, begin = 0;
  for (std::uint32_t i = 0; i < scores.size(); ++i) {
    if (current <= 0) {
      current = 0;
      begin = i;
    }
    current += scores[i];
    if (current > best) {
      best = current;
      best_begin = begin;
      best_end = i + 1;
    }
  }
  return {best_begin, best_end};
}

class PageReader {
 public:
  PageReader(std::string_view text, std::span<const Paragraph> paragraphs,
             const detail::StructureLexicon& lexicon, std::span<const PageBlock> blocks,
             const PageMetadata* metadata)
      : text_(text),
        paragraphs_(paragraphs),
        lexicon_(lexicon),
        evidence_(detail::paragraph_evidence(paragraphs, blocks)),
        metadata_(metadata) {}

  // Titles of plain-text pages, and dates and authors of pages with chrome, chosen by `choosers`
  // (null: by the rules alone); each candidate's features go to its log when given (training).
  PageReader& with_choosers(const detail::PageChoosers& choosers) {
    choosers_ = choosers;
    return *this;
  }

  // The structure: the rules' reading, then each body and chrome paragraph decided again by the
  // block model, which reads the rules' roles and cues around it (clean text stays all body).
  Structure read() {
    const auto [body_begin, body_end] = read_rules();
    if (!clean_) apply_model(block_cues(body_begin, body_end));
    collect(body_begin, body_end);
    return std::move(structure_);
  }

  // What the block model reads of each paragraph after the rules, for training it; empty for
  // clean text, which the model never reads.
  std::vector<detail::BlockCues> rule_cues() {
    const auto [body_begin, body_end] = read_rules();
    if (clean_) return {};
    return block_cues(body_begin, body_end);
  }

 private:
  // The rules' reading: roles for every paragraph; returns the body's range.
  std::pair<std::uint32_t, std::uint32_t> read_rules() {
    const auto count = static_cast<std::uint32_t>(paragraphs_.size());
    structure_.roles.assign(count, ParagraphRole::kBoilerplate);
    features_.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) features_.push_back(analyse(i));

    // Plain text with no chrome at all is all body (but for a headline); otherwise the body is
    // the run of paragraphs with the most prose net of chrome.
    std::uint32_t body_begin = 0, body_end = count;
    if (const auto content = content_range()) {
      std::tie(body_begin, body_end) = *content;
    } else if (clean_ = looks_clean(); !clean_) {
      std::vector<int> scores;
      for (const auto& f : features_) scores.push_back(score(f));
      std::tie(body_begin, body_end) = best_run(scores);
      if (body_begin == body_end) std::tie(body_begin, body_end) = std::pair{0u, count};
      body_end = end_before_comments(body_begin, body_end, scores);
    }
    body_end = find_bio(body_begin, body_end, &PageReader::has_bio_cue);
    body_begin = find_title(body_begin, body_end);
    find_bylines(body_begin, body_end);
    if (metadata_) take_metadata();
    find_name_bylines(body_begin);
    if (!structure_.authors.empty() && structure_.author_source == ChoiceSource::kNone) {
      structure_.author_source = ChoiceSource::kRules;
    }
    if (!bio_index_) body_end = find_bio(body_begin, body_end, &PageReader::opens_with_author);
    // After the bio, which the rules' (and the page's) authors find: the chooser's authors never
    // move the body, so the block model does not depend on them.
    if (!clean_ && (choosers_.authors || choosers_.author_log)) {
      choose_authors(body_begin, body_end);
    }
    for (std::uint32_t i = body_begin; i < body_end; ++i) {
      if (structure_.roles[i] == ParagraphRole::kBoilerplate && !is_chrome(features_[i]) &&
          !features_[i].outside_content) {
        structure_.roles[i] = ParagraphRole::kBody;
      }
    }
    return {body_begin, body_end};
  }

  std::vector<detail::BlockCues> block_cues(std::uint32_t body_begin,
                                            std::uint32_t body_end) const {
    using detail::BlockCues;
    const auto count = static_cast<std::uint32_t>(paragraphs_.size());
    std::vector<BlockCues> cues(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      const Features& f = features_[i];
      const Span span = paragraphs_[i].span;
      BlockCues& c = cues[i];
      c.words = f.words;
      c.rule_role = static_cast<std::uint8_t>(structure_.roles[i]);
      c.position = static_cast<std::uint8_t>(10 * i / count);
      const auto flag = [&](bool on, BlockCues::Flag bit) {
        if (on) c.flags |= bit;
      };
      flag(f.terminal, BlockCues::kTerminal);
      flag(f.legal.has_value(), BlockCues::kLegal);
      flag(f.byline.has_value(), BlockCues::kByline);
      flag(f.link_list.has_value(), BlockCues::kLinkList);
      flag(f.chrome.has_value(), BlockCues::kChromePhrase);
      flag(f.comment_heading, BlockCues::kCommentHeading);
      flag(i >= body_begin && i < body_end, BlockCues::kInRuleBody);
      c.body_distance = distance_bucket(i, body_begin, body_end);
      if (f.words <= kMaxChromeWords && span.size() <= kMaxCueBytes) {
        c.first_word = first_word_hash(span);
      }
      flag(text_[span.end - 1] == ':', BlockCues::kEndsWithColon);
      const UChar32 first = detail::code_point_at(text_, span.begin).value;
      flag(u_islower(first) != 0, BlockCues::kStartsLower);
      flag(u_isdigit(first) != 0, BlockCues::kStartsDigit);
      if (const auto cue = f.legal ? f.legal : f.chrome) {
        c.cue = detail::cue_hash(FoldedText(text_, *cue).chars);
      }
      if (evidence_.empty()) continue;
      const detail::ParagraphEvidence& e = evidence_[i];
      c.link_quarters = e.link_quarters;
      c.flags |= BlockCues::kHtml;
      flag(e.layout, BlockCues::kLayout);
      flag(e.in_content, BlockCues::kInContent);
      flag(e.outside_content, BlockCues::kOutsideContent);
      flag((e.flags & PageBlock::kHeading) != 0, BlockCues::kHeading);
      flag(e.top_heading, BlockCues::kTopHeading);
      flag((e.flags & PageBlock::kListItem) != 0, BlockCues::kListItem);
      flag((e.flags & PageBlock::kQuote) != 0, BlockCues::kQuote);
      flag((e.flags & PageBlock::kCaption) != 0, BlockCues::kCaption);
      flag((e.flags & PageBlock::kArticle) != 0, BlockCues::kArticle);
      flag((e.flags & PageBlock::kChromeClass) != 0, BlockCues::kChromeClass);
      flag((e.flags & PageBlock::kTime) != 0, BlockCues::kTime);
    }
    return cues;
  }

  // How far paragraph i lies before (negative) or after the body [begin, end): 0 inside, then
  // 1, 2, 3, 4 for up to 1, 2, 5, 10 paragraphs away, 5 beyond.
  static std::int8_t distance_bucket(std::uint32_t i, std::uint32_t begin, std::uint32_t end) {
    if (i >= begin && i < end) return 0;
    const std::uint32_t away = i < begin ? begin - i : i - end + 1;
    const std::int8_t bucket = away <= 1 ? 1 : away <= 2 ? 2 : away <= 5 ? 3 : away <= 10 ? 4 : 5;
    return i < begin ? static_cast<std::int8_t>(-bucket) : bucket;
  }

  // The paragraph's first word (letters and digits), case-folded, hashed; 0 when it opens with
  // none.
  std::uint64_t first_word_hash(Span span) const {
    std::uint32_t end = span.begin;
    while (end < span.end) {
      const detail::CodePoint c = detail::code_point_at(text_, end);
      if (!u_isalnum(c.value)) break;
      end += c.size;
    }
    if (end == span.begin) return 0;
    return detail::cue_hash(FoldedText(text_, {span.begin, end}).chars);
  }

  // Body or chrome, as the block model says, for each paragraph the rules took for either; the
  // title, bylines and bio keep the roles the rules gave. A page keeps a body: when the model
  // finds none where the rules found one (a brief of one paragraph between its byline and the
  // copyright line), the rules' body stands.
  void apply_model(const std::vector<detail::BlockCues>& cues) {
    lexicon_.model->body_probabilities(cues, structure_.body_scores);
    std::vector<ParagraphRole> roles = structure_.roles;
    bool any_body = false;
    for (std::size_t i = 0; i < cues.size(); ++i) {
      if (roles[i] != ParagraphRole::kBody && roles[i] != ParagraphRole::kBoilerplate) continue;
      const bool body = structure_.body_scores[i] >= 0.5f;
      roles[i] = body ? ParagraphRole::kBody : ParagraphRole::kBoilerplate;
      any_body |= body;
    }
    if (any_body) structure_.roles = std::move(roles);
  }

  Features analyse(std::uint32_t index) const {
    const Span span = paragraphs_[index].span;
    Features f;
    f.words = count_words(text_, span);
    f.terminal = ends_with_terminator(text_, span);
    if (!evidence_.empty()) {
      f.layout = evidence_[index].layout;
      f.links = evidence_[index].links;
      f.outside_content = evidence_[index].outside_content;
    }
    // Long paragraphs are prose: an article about copyright law is not a copyright notice, and
    // skipping them keeps the cost of this stage on the short lines where chrome lives.
    if (f.words > kMaxLegalWords || span.size() > kMaxCueBytes) return f;
    const FoldedText folded(text_, span);
    f.legal = lexicon_.legal.find(folded);
    if (f.words <= kMaxHeaderWords) {
      f.date = lexicon_.dates.find(text_, span);
      f.opener = lexicon_.byline.find(folded);
      f.byline = find_byline(span, folded, f);
    }
    if (f.words <= kMaxChromeWords && !f.byline) {
      f.chrome = lexicon_.chrome.find(folded);
      f.comment_heading =
          f.chrome && f.words <= kMaxCommentHeadingWords && lexicon_.comment_headings.find(folded);
    }
    if (!f.byline) f.link_list = find_link_list(text_, span, f.words);
    return f;
  }

  // A byline opener and a name on a short line ("By Ravi Menon · 4 June 2026"), or on a longer
  // line that gives a date and is no sentence ("Par Julien Marchetti | Publié le 08/07/2026 à
  // 07h15 | Mis à jour à 11h30"); else a date on a short line.
  std::optional<Span> find_byline(Span span, const FoldedText& folded, const Features& f) const {
    const bool short_line = f.words <= kMaxChromeWords;
    const auto opener = lexicon_.byline.prefix(folded);
    // "By 2030, ..." opens a sentence, not a byline: a name follows a byline opener.
    if (opener && starts_name(opener->end, span.end) && (short_line || (!f.terminal && f.date))) {
      return opener;
    }
    if (!short_line || !f.date) return std::nullopt;
    return f.date->span;
  }

  bool starts_name(std::uint32_t at, std::uint32_t end) const {
    while (at < end && detail::is_space(detail::sentence_char_at(text_, at))) ++at;
    if (at >= end) return false;
    const detail::SentenceChar c = detail::sentence_char_at(text_, at);
    return c.kind == U_SB_UPPER || detail::is_cjk(c);
  }

  static bool is_chrome(const Features& f) {
    return f.legal || f.link_list || f.chrome || f.layout || f.links;
  }
  static bool is_prose(const Features& f) { return score(f) > 0; }

  // Clean text: no chrome cue anywhere, and at most one line that is not prose (a headline)
  // before the first prose paragraph and after the last.
  bool looks_clean() const {
    if (std::any_of(features_.begin(), features_.end(), [](const Features& f) {
          return f.byline || is_chrome(f) || f.outside_content;
        })) {
      return false;
    }
    const auto first = std::find_if(features_.begin(), features_.end(), is_prose);
    const auto last = std::find_if(features_.rbegin(), features_.rend(), is_prose);
    return first != features_.end() && first - features_.begin() <= 1 &&
           last - features_.rbegin() <= 1;
  }

  // On an HTML page with a main content element, the paragraphs from its first to its last.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> content_range() const {
    const auto in_content = [](const detail::ParagraphEvidence& e) { return e.in_content; };
    const auto first = std::find_if(evidence_.begin(), evidence_.end(), in_content);
    if (first == evidence_.end()) return std::nullopt;
    const auto last = std::find_if(evidence_.rbegin(), evidence_.rend(), in_content);
    return std::pair{static_cast<std::uint32_t>(first - evidence_.begin()),
                     static_cast<std::uint32_t>(evidence_.rend() - last)};
  }

  // Reader comments under their heading ("Comments (37)") can outweigh that short line and join
  // the body. The body ends at a heading when the prose before it outweighs what follows (a
  // comment count above the article, or a thread longer than the article, tells nothing).
  std::uint32_t end_before_comments(std::uint32_t body_begin, std::uint32_t body_end,
                                    const std::vector<int>& scores) const {
    const int total = std::accumulate(scores.begin() + body_begin, scores.begin() + body_end, 0);
    int before = 0;
    for (std::uint32_t i = body_begin; i < body_end; ++i) {
      if (features_[i].comment_heading && before > total - before - scores[i]) return i;
      before += scores[i];
    }
    return body_end;
  }

  // The author's bio near the end of the article, told by `is_bio`; the body stops before it.
  // Returns the body's new end.
  std::uint32_t find_bio(std::uint32_t body_begin, std::uint32_t body_end,
                         bool (PageReader::*is_bio)(std::uint32_t) const) {
    const auto count = static_cast<std::uint32_t>(paragraphs_.size());
    const std::uint32_t from = std::max(body_begin + 1, body_end > 3 ? body_end - 3 : 0);
    for (std::uint32_t i = from; i < std::min(count, body_end + 2); ++i) {
      if (is_chrome(features_[i]) || features_[i].words > 120 || !(this->*is_bio)(i)) continue;
      structure_.roles[i] = ParagraphRole::kBio;
      bio_index_ = i;
      return std::min(i, body_end);
    }
    return body_end;
  }

  // A bio opens with a cue ("The author ...") or says what the writer is ("X is a professor").
  bool has_bio_cue(std::uint32_t i) const {
    const FoldedText folded(text_, paragraphs_[i].span);
    return lexicon_.bio_openers.prefix(folded) || lexicon_.bio.find(folded);
  }

  // Without a cue, a bio is a sentence that opens with the name of an author of the byline,
  // perhaps after a title ("Dr. Farah Quist is a hydrologist ...", "Owen Brennagh has written
  // ...").
  bool opens_with_author(std::uint32_t i) const {
    if (features_[i].byline || !features_[i].terminal) return false;
    const Span name = leading_name(paragraphs_[i].span);
    const std::string_view lead = text_.substr(name.begin, name.size());
    return std::any_of(structure_.authors.begin(), structure_.authors.end(), [&](Span author) {
      const std::string_view written = text_.substr(author.begin, author.size());
      return lead.ends_with(written) &&
             (lead.size() == written.size() || lead[lead.size() - written.size() - 1] == ' ');
    });
  }

  // The headline: of the lines shortly before the body (and the page's first lines, where the
  // document title stands), the one that best reads as a headline: repeated elsewhere on the
  // page (document title, breadcrumb, share text), without a closing period, close to the body.
  // A heading-like first body paragraph is a candidate too. Returns the body's start.
  std::uint32_t find_title(std::uint32_t body_begin, std::uint32_t body_end) {
    if (const auto marked = find_marked_title(body_end)) {
      set_title(*marked, ChoiceSource::kMarkup);
      return *marked == body_begin ? body_begin + 1 : body_begin;
    }
    std::vector<std::uint32_t> candidates;
    const std::uint32_t from = body_begin > kHeaderReach ? body_begin - kHeaderReach : 0;
    for (std::uint32_t i = 0; i < std::min(from, 3u); ++i) candidates.push_back(i);
    for (std::uint32_t i = from; i < body_begin; ++i) candidates.push_back(i);
    if (body_end - body_begin >= 2) candidates.push_back(body_begin);

    // The rules score each candidate; on a plain-text page with chrome the title model, when
    // there is one, chooses among them with the rules' scores as evidence.
    std::vector<std::pair<std::uint32_t, double>> scored;
    for (const std::uint32_t i : candidates) {
      const Features& f = features_[i];
      const Span span = paragraphs_[i].span;
      if (f.byline || is_chrome(f) || f.words < 1 || f.words > 30 || span.size() > kMaxCueBytes) {
        continue;
      }
      if (text_[span.end - 1] == ':') continue;
      if (i == body_begin && f.terminal) continue;
      double score = 0;
      if (is_repeated(i)) score += 4;
      if (!f.terminal || text_[span.end - 1] == '?' || text_[span.end - 1] == '!') score += 2;
      // Headlines run six to twenty words; labels ("Opinion", "PRESS RELEASE") and names
      // ("Helen Marsh") are shorter.
      if (f.words >= 6 && f.words <= 20) score += 1.5;
      if (f.words < 3) score -= 2;
      if (is_all_caps(span)) score -= 2;
      if (u_islower(detail::code_point_at(text_, span.begin).value)) score -= 3;
      score -= i < body_begin ? 0.25 * (body_begin - 1 - i) : 1.0;
      scored.emplace_back(i, score);
    }
    std::optional<std::uint32_t> best;
    double best_score = 0;
    for (const auto& [i, score] : scored) {
      if (!best || score > best_score) {
        best = i;
        best_score = score;
      }
    }
    const bool by_model =
        best && evidence_.empty() && !clean_ && (choosers_.titles || choosers_.title_log);
    if (by_model) best = choose_title(scored, *best, body_begin);
    if (!best) return body_begin;
    set_title(*best, by_model && choosers_.titles ? ChoiceSource::kModel : ChoiceSource::kRules);
    return *best == body_begin ? body_begin + 1 : body_begin;
  }

  // The candidate the title model scores highest (each candidate's features go to the training
  // log when there is one); `rule_choice` when there is no model.
  std::uint32_t choose_title(const std::vector<std::pair<std::uint32_t, double>>& scored,
                             std::uint32_t rule_choice, std::uint32_t body_begin) {
    std::vector<std::uint64_t> features;
    std::uint32_t best = rule_choice;
    float best_margin = 0;
    for (const auto& [i, score] : scored) {
      detail::TitleCues c;
      const Features& f = features_[i];
      const Span span = paragraphs_[i].span;
      c.words = f.words;
      c.terminal = f.terminal;
      const char last = text_[span.end - 1];
      c.last = std::string_view(".?!:\"')").find(last) != std::string_view::npos ? last : 0;
      c.repeated = is_repeated(i);
      c.all_caps = is_all_caps(span);
      const UChar32 first = detail::code_point_at(text_, span.begin).value;
      c.starts_lower = u_islower(first) != 0;
      c.starts_digit = u_isdigit(first) != 0;
      c.first_lines = i < 3;
      c.from_body = static_cast<std::int32_t>(i) - static_cast<std::int32_t>(body_begin);
      c.rule_score = static_cast<std::int32_t>(std::lround(score));
      for (const auto& other : scored) c.rule_rank += other.second > score ? 1 : 0;
      if (i > 0) {
        c.before_words = features_[i - 1].words;
        c.before_byline = features_[i - 1].byline.has_value();
      }
      if (i + 1 < features_.size()) {
        c.after_words = features_[i + 1].words;
        c.after_byline = features_[i + 1].byline.has_value();
      }
      features.clear();
      detail::title_features(c, features);
      if (choosers_.title_log) choosers_.title_log->push_back({i, features, i == rule_choice, {}});
      if (!choosers_.titles) continue;
      const float margin = choosers_.titles->margin(features);
      if (i == scored.front().first || margin > best_margin) {
        best = i;
        best_margin = margin;
      }
    }
    return best;
  }

  // On an HTML page, the line that gives the page's own title (og:title, the JSON-LD headline,
  // <title>: "Headline | Outlet" holds the line "Headline"), an h1 first; else the h1 closest
  // before the body's end.
  std::optional<std::uint32_t> find_marked_title(std::uint32_t body_end) const {
    if (evidence_.empty()) return std::nullopt;
    std::u32string title;
    if (metadata_ && !metadata_->title.empty()) {
      const FoldedText folded(metadata_->title,
                              Span{0, static_cast<std::uint32_t>(metadata_->title.size())});
      for (const char32_t c : folded.chars) {
        if (!u_isUWhiteSpace(static_cast<UChar32>(c))) title.push_back(c);
      }
    }
    std::optional<std::uint32_t> best, last_h1;
    int best_score = 0;
    for (std::uint32_t i = 0; i < body_end; ++i) {
      const Features& f = features_[i];
      if (f.words < 1 || f.words > 40 || paragraphs_[i].span.size() > kMaxCueBytes) continue;
      if (evidence_[i].top_heading) last_h1 = i;
      if (title.size() < 5) continue;
      const std::u32string& line = squeezed(i);
      if (line.size() < 5) continue;
      int score = 0;
      if (line == title) {
        score = 3;
      } else if (title.find(line) != title.npos && 2 * line.size() >= title.size()) {
        score = 2;  // "Headline | Outlet" holds "Headline"
      } else if (line.find(title) != line.npos && line.size() <= 2 * title.size()) {
        score = 1;  // "Opinion: Headline" holds "Headline"
      }
      if (score == 0) continue;
      if (evidence_[i].top_heading) score += 3;
      if (score > best_score) {
        best = i;
        best_score = score;
      }
    }
    return best ? best : last_h1;
  }

  // On an HTML page, the page's own date and authors, where it gives them: its date wins over
  // one read from the text (and the text's date keeps its span only when it gives the same day),
  // but for a timestamp one day off the text's date that some time zone puts on the text's day:
  // the page shows its local day, the metadata a time in another zone ("2022-05-04T00:44Z" for a
  // page dated 3 May in Brasília; "…T18:00Z" is 3 May nowhere). Its authors win where the text
  // names them too.
  void take_metadata() {
    std::optional<std::string> date = detail::iso_date(metadata_->date);
    if (!date && metadata_->date.size() <= kMaxCueBytes) {  // "Wed, 02 Feb 2022", "11/01/2023"
      const auto found = lexicon_.dates.find(
          metadata_->date, {0, static_cast<std::uint32_t>(metadata_->date.size())});
      if (found) date = found->iso;
    }
    const std::optional<int> apart =
        date && structure_.date_span ? detail::days_between(*date, structure_.date) : std::nullopt;
    const bool other_zone =
        apart && std::abs(*apart) == 1 && detail::in_some_zone_on(*date, *apart);
    if (date && !other_zone) {
      if (structure_.date.compare(0, 10, *date, 0, 10) != 0) structure_.date_span.reset();
      structure_.date = *date;
      structure_.date_source = ChoiceSource::kMarkup;
    }
    std::vector<Span> authors;
    const std::uint32_t from = title_index_ ? paragraphs_[*title_index_].span.begin : 0;
    for (const std::string& name : metadata_->authors) {
      std::size_t at = text_.find(name, from);
      if (at == text_.npos) at = text_.find(name);
      if (at != text_.npos) {
        authors.push_back(
            {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + name.size())});
      }
    }
    if (!authors.empty()) {
      structure_.authors = std::move(authors);
      structure_.author_source = ChoiceSource::kMarkup;
    }
  }

  bool is_all_caps(Span span) const {
    bool any_letter = false;
    for (std::uint32_t i = span.begin; i < span.end;) {
      const detail::CodePoint c = detail::code_point_at(text_, i);
      if (u_islower(c.value)) return false;
      any_letter |= u_isupper(c.value) != 0;
      i += c.size;
    }
    return any_letter;
  }

  // Whether the paragraph's text (ten characters or more, ignoring case and spaces) stands again
  // inside another, not much longer paragraph: "Headline | Outlet", a repeated h1 (copyright
  // lines, which repeat the outlet's name, do not count).
  bool is_repeated(std::uint32_t index) const {
    const std::u32string& needle = squeezed(index);
    if (needle.size() < 10) return false;
    for (std::uint32_t j = 0; j < paragraphs_.size(); ++j) {
      if (j == index || features_[j].legal ||
          features_[j].words > 3 * features_[index].words + 10 ||
          paragraphs_[j].span.size() > kMaxCueBytes) {
        continue;
      }
      if (squeezed(j).find(needle) != std::u32string::npos) return true;
    }
    return false;
  }

  // The paragraph folded and without spaces, computed once.
  const std::u32string& squeezed(std::uint32_t index) const {
    if (squeezed_.empty()) squeezed_.resize(paragraphs_.size());
    if (squeezed_[index].empty()) {
      const FoldedText folded(text_, paragraphs_[index].span);
      for (const char32_t c : folded.chars) {
        if (!u_isUWhiteSpace(static_cast<UChar32>(c))) squeezed_[index].push_back(c);
      }
    }
    return squeezed_[index];
  }

  void set_title(std::uint32_t index, ChoiceSource source) {
    structure_.roles[index] = ParagraphRole::kTitle;
    structure_.title = paragraphs_[index].span;
    structure_.title_source = source;
    title_index_ = index;
  }

  // Bylines near the title or at the top of the body give the authors and the date. When they do
  // not, the date is the first one on a short line around the title and the top of the body,
  // then anywhere before the body (copyright lines excepted); authors are looked for after a
  // byline opener on short lines around the title and just after the body ("Text: ...").
  void find_bylines(std::uint32_t body_begin, std::uint32_t body_end) {
    const auto count = static_cast<std::uint32_t>(paragraphs_.size());
    const std::uint32_t anchor = title_index_.value_or(body_begin);
    const std::uint32_t from = anchor > 3 ? anchor - 3 : 0;
    const std::uint32_t to = std::min(body_end, body_begin + 3);
    for (std::uint32_t i = from; i < to; ++i) {
      if (!features_[i].byline || structure_.roles[i] != ParagraphRole::kBoilerplate) continue;
      structure_.roles[i] = ParagraphRole::kByline;
      take_date(i);
      take_authors(i);
    }
    for (std::uint32_t i = from; i < std::min(count, body_begin + 3) && !structure_.date_span;
         ++i) {
      if (features_[i].words <= kMaxHeaderWords && !features_[i].legal) take_date(i);
    }
    for (std::uint32_t i = body_begin; i > 0 && !structure_.date_span; --i) {
      if (features_[i - 1].words <= kMaxHeaderWords && !features_[i - 1].legal) take_date(i - 1);
    }
    if (!clean_ && (choosers_.dates || choosers_.date_log)) choose_date(body_begin, body_end);
    const std::uint32_t after_body = std::min(count, body_end + 5);
    for (std::uint32_t i = from; i < after_body && structure_.authors.empty(); ++i) {
      if (i == to) i = body_end;  // skip the body itself
      // Reader comments carry bylines of their own ("Par Jean Dupont, le 15 mai 2019").
      if (i >= after_body || features_[i].comment_heading) break;
      if (features_[i].words <= kMaxHeaderWords && !features_[i].legal) take_authors(i);
    }
  }

  // A short line between the title and the body that opens with a capitalised name and has no
  // closing punctuation ("Helen Marsh, Local Democracy Reporter", "Joel Whitcombe at Fenwick
  // Park") is a byline without an opener.
  void find_name_bylines(std::uint32_t body_begin) {
    if (!title_index_) return;
    for (std::uint32_t i = *title_index_ + 1; i < body_begin; ++i) {
      const Features& f = features_[i];
      if (f.terminal || f.words < 2 || f.words > 8 || is_chrome(f) ||
          structure_.roles[i] != ParagraphRole::kBoilerplate) {
        continue;
      }
      const Span name = leading_name(paragraphs_[i].span);
      if (name.empty()) continue;
      structure_.roles[i] = ParagraphRole::kByline;
      if (structure_.authors.empty() && !names_role(name)) structure_.authors.push_back(name);
    }
  }

  // Two to four capitalised words at the start of `span`, or an empty span.
  Span leading_name(Span span) const {
    std::uint32_t words = 0;
    std::uint32_t end = span.begin;
    for (std::uint32_t i = span.begin; i < span.end && words < 4;) {
      const detail::CodePoint first = detail::code_point_at(text_, i);
      if (!u_isupper(first.value)) break;
      std::uint32_t j = i;
      while (j < span.end) {
        const detail::CodePoint c = detail::code_point_at(text_, j);
        if (!u_isalpha(c.value) && c.value != '-' && c.value != '\'' && c.value != '.') break;
        j += c.size;
      }
      ++words;
      end = j;
      if (j >= span.end || text_[j] != ' ') break;
      i = j + 1;
    }
    return words >= 2 ? Span{span.begin, end} : Span{span.begin, span.begin};
  }

  void take_date(std::uint32_t i) {
    if (structure_.date_span) return;
    if (const auto& date = features_[i].date) {
      structure_.date_span = date->span;
      structure_.date = date->iso;
      structure_.date_source = ChoiceSource::kRules;
    }
  }

  // On a page with chrome, every line of at most kMaxHeaderWords that gives a date is a candidate
  // for the page's date: the date chooser scores each from where it stands, what introduces the
  // date and how the date compares with the page's others, and the best gives the date. Each
  // candidate's features go to the training log when there is one.
  void choose_date(std::uint32_t body_begin, std::uint32_t body_end) {
    std::vector<std::pair<std::uint32_t, const detail::FoundDate&>> dated;
    for (std::uint32_t i = 0; i < paragraphs_.size(); ++i) {
      if (features_[i].date) dated.emplace_back(i, *features_[i].date);
    }
    if (dated.empty()) return;
    const auto day = [](const detail::FoundDate& date) {
      return std::string_view(date.iso).substr(0, 10);
    };
    std::vector<std::string_view> all_days;  // latest first
    for (const auto& entry : dated) all_days.push_back(day(entry.second));
    std::sort(all_days.begin(), all_days.end(), std::greater<>());
    std::vector<std::string_view> days = all_days;  // distinct
    days.erase(std::unique(days.begin(), days.end()), days.end());
    const auto year = [](std::string_view iso) {
      return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
    };
    std::vector<std::uint64_t> features;
    std::optional<std::size_t> best;
    float best_margin = 0;
    for (std::size_t k = 0; k < dated.size(); ++k) {
      const auto& [i, date] = dated[k];
      const Features& f = features_[i];
      const Span span = paragraphs_[i].span;
      detail::DateCues c;
      c.words = f.words;
      c.date_quarters = static_cast<std::uint32_t>(4 * date.span.size() / span.size());
      c.time = date.iso.size() > 10;
      if (title_index_) {
        c.from_title = static_cast<std::int32_t>(i) - static_cast<std::int32_t>(*title_index_);
      }
      c.body_distance = distance_bucket(i, body_begin, body_end);
      if (c.body_distance == 0) c.into_body = i - body_begin;
      c.position = static_cast<std::uint8_t>(10 * i / paragraphs_.size());
      c.opener = f.byline && f.byline->begin == span.begin && f.byline->end <= date.span.begin;
      c.legal = f.legal.has_value();
      c.chrome = f.chrome || f.link_list || f.layout || f.links;
      c.terminal = f.terminal;
      if (!evidence_.empty()) {
        c.html_time = (evidence_[i].flags & PageBlock::kTime) != 0;
        c.outside_content = evidence_[i].outside_content;
      }
      if (f.words <= kMaxChromeWords) c.first_word = first_word_hash(span);
      c.word_before = word_hash_before(span.begin, date.span.begin);
      c.order = static_cast<std::uint32_t>(k);
      c.recency = static_cast<std::uint32_t>(
          std::lower_bound(days.begin(), days.end(), day(date), std::greater<>()) - days.begin());
      const auto same =
          std::equal_range(all_days.begin(), all_days.end(), day(date), std::greater<>());
      c.same_day = static_cast<std::uint32_t>(same.second - same.first);
      c.years_before_latest = static_cast<std::uint32_t>(year(days.front()) - year(day(date)));
      c.rule_choice = structure_.date_span && structure_.date_span->begin >= span.begin &&
                      structure_.date_span->begin < span.end;
      features.clear();
      detail::date_features(c, features);
      if (choosers_.date_log) choosers_.date_log->push_back({i, features, c.rule_choice, date.iso});
      if (!choosers_.dates) continue;
      const float margin = choosers_.dates->margin(features);
      if (!best || margin > best_margin) {
        best = k;
        best_margin = margin;
      }
    }
    if (!best) return;
    structure_.date_span = dated[*best].second.span;
    structure_.date = dated[*best].second.iso;
    structure_.date_source = ChoiceSource::kModel;
  }

  // The word (letters and digits) that ends before `at` in the paragraph from `begin`, past any
  // spaces and punctuation, case-folded and hashed; 0 when there is none.
  std::uint64_t word_hash_before(std::uint32_t begin, std::uint32_t at) const {
    std::uint32_t end = at;
    while (end > begin && !u_isalnum(detail::code_point_before(text_, end).value)) {
      end -= detail::code_point_before(text_, end).size;
    }
    std::uint32_t start = end;
    while (start > begin && u_isalnum(detail::code_point_before(text_, start).value)) {
      start -= detail::code_point_before(text_, start).size;
    }
    if (start == end) return 0;
    return detail::cue_hash(FoldedText(text_, {start, end}).chars);
  }

  // On a page with chrome, every short line that may name the authors is a candidate: names after
  // a byline opener (at the line's start or inside it), a line that opens with a name, a name
  // right after a date. The author chooser scores each from where the line stands, what else it
  // holds and the words around the names; the best gives the authors when its margin is positive
  // (many pages name none), else the rules' authors stand (a byline it is unsure of); an HTML
  // page's own authors always do. Each candidate's features go to the training log when there is
  // one.
  void choose_authors(std::uint32_t body_begin, std::uint32_t body_end) {
    struct Offer : AuthorOffer {
      std::uint32_t paragraph;
    };
    std::vector<Offer> offers;
    std::vector<bool> after_comments;
    bool comments = false;
    for (std::uint32_t i = 0; i < paragraphs_.size(); ++i) {
      const Features& f = features_[i];
      comments |= f.comment_heading;
      if (title_index_ == i || paragraphs_[i].span.size() > kMaxCueBytes ||
          f.words > (f.byline ? kMaxHeaderWords : kMaxChromeWords)) {
        continue;
      }
      if (auto offer = author_offer(i)) {
        offers.push_back({std::move(*offer), i});
        after_comments.push_back(comments);
      }
    }
    if (offers.empty()) return;
    std::unordered_map<std::string_view, std::uint32_t> same_name;
    const auto first_name = [&](const Offer& offer) {
      return text_.substr(offer.names[0].begin, offer.names[0].size());
    };
    for (const Offer& offer : offers) ++same_name[first_name(offer)];
    std::vector<std::uint64_t> features;
    std::optional<std::size_t> best;
    float best_margin = 0;
    for (std::size_t k = 0; k < offers.size(); ++k) {
      const Offer& offer = offers[k];
      const std::uint32_t i = offer.paragraph;
      const Features& f = features_[i];
      const Span span = paragraphs_[i].span;
      detail::AuthorCues c;
      c.kind = offer.kind;
      if (offer.opener) c.opener = detail::cue_hash(FoldedText(text_, *offer.opener).chars);
      c.words = f.words;
      c.name_words = count_words(text_, offer.names[0]);
      c.names = static_cast<std::uint32_t>(offer.names.size());
      std::uint32_t name_bytes = 0;
      for (const Span name : offer.names) name_bytes += name.size();
      c.name_quarters = std::min<std::uint32_t>(4, 4 * name_bytes / span.size());
      if (title_index_) {
        c.from_title = static_cast<std::int32_t>(i) - static_cast<std::int32_t>(*title_index_);
      }
      c.body_distance = distance_bucket(i, body_begin, body_end);
      if (c.body_distance == 0) c.into_body = i - body_begin;
      c.position = static_cast<std::uint8_t>(10 * i / paragraphs_.size());
      c.date = f.date.has_value();
      c.page_date = structure_.date_span && structure_.date_span->begin >= span.begin &&
                    structure_.date_span->begin < span.end;
      c.after_comments = after_comments[k];
      c.chrome = f.chrome || f.link_list || f.layout || f.links;
      c.legal = f.legal.has_value();
      c.terminal = f.terminal;
      c.all_caps = is_all_caps(offer.names[0]);
      c.given_name = starts_with_given_name(offer.names[0]);
      if (!evidence_.empty()) {
        c.link_quarters = evidence_[i].link_quarters;
        c.outside_content = evidence_[i].outside_content;
      }
      c.word_after = word_hash_after(offer.names[0].end, span.end);
      c.same_name = same_name[first_name(offer)];
      c.rule_choice =
          std::any_of(structure_.authors.begin(), structure_.authors.end(), [&](Span author) {
            return text_.substr(author.begin, author.size()) == first_name(offer);
          });
      features.clear();
      detail::author_features(c, features);
      if (choosers_.author_log) {
        std::string names;
        for (const Span name : offer.names) {
          if (!names.empty()) names += "; ";
          names += text_.substr(name.begin, name.size());
        }
        choosers_.author_log->push_back({i, features, c.rule_choice, std::move(names)});
      }
      if (!choosers_.authors) continue;
      const float margin = choosers_.authors->margin(features);
      if (!best || margin > best_margin) {
        best = k;
        best_margin = margin;
      }
    }
    if (!best || best_margin <= 0 || structure_.author_source == ChoiceSource::kMarkup) return;
    structure_.authors = offers[*best].names;
    structure_.author_source = ChoiceSource::kModel;
  }

  // Whether the name's first word is a known given name ("Ronja Beck"; not "Station Info").
  bool starts_with_given_name(Span name) const {
    std::uint32_t end = name.begin;
    while (end < name.end && u_isalpha(detail::code_point_at(text_, end).value)) {
      end += detail::code_point_at(text_, end).size;
    }
    return end > name.begin &&
           lexicon_.given_names.contains(FoldedText(text_, {name.begin, end}).chars);
  }

  struct AuthorOffer {
    detail::AuthorCues::Kind kind;
    std::optional<Span> opener;
    std::vector<Span> names;
  };

  // The names paragraph i offers as authors, and how they were found; none when it offers none.
  std::optional<AuthorOffer> author_offer(std::uint32_t i) const {
    using Kind = detail::AuthorCues::Kind;
    const Span span = paragraphs_[i].span;
    if (const auto& opener = features_[i].opener) {
      std::uint32_t after = opener->end;  // "Von: Lena Vogt"
      while (after < span.end && (text_[after] == ':' || text_[after] == ' ')) ++after;
      if (starts_name(after, span.end)) {
        std::vector<Span> names = names_in({after, span.end});
        if (!names.empty()) {
          const bool first = detail::trim_space(text_, {span.begin, opener->begin}).empty();
          return AuthorOffer{first ? Kind::kOpener : Kind::kInnerOpener, opener, std::move(names)};
        }
      }
    }
    if (features_[i].words > 8) return std::nullopt;
    const Span leading = leading_name(span);
    if (!leading.empty() && !names_role(leading)) {
      return AuthorOffer{Kind::kLeadingName, std::nullopt, {leading}};
    }
    if (const auto& date = features_[i].date) {
      std::uint32_t at = date->span.end;
      while (at < span.end && !u_isalpha(detail::code_point_at(text_, at).value)) {
        at += detail::code_point_at(text_, at).size;
      }
      const Span name = leading_name({at, span.end});
      if (!name.empty() && !names_role(name)) {
        return AuthorOffer{Kind::kAfterDate, std::nullopt, {name}};
      }
    }
    return std::nullopt;
  }

  // The word (letters and digits) that starts after `at` before `end`, past any spaces and
  // punctuation, case-folded and hashed; 0 when there is none.
  std::uint64_t word_hash_after(std::uint32_t at, std::uint32_t end) const {
    while (at < end && !u_isalnum(detail::code_point_at(text_, at).value)) {
      at += detail::code_point_at(text_, at).size;
    }
    std::uint32_t stop = at;
    while (stop < end && u_isalnum(detail::code_point_at(text_, stop).value)) {
      stop += detail::code_point_at(text_, stop).size;
    }
    if (stop == at) return 0;
    return detail::cue_hash(FoldedText(text_, {at, stop}).chars);
  }

  // The headline is never a byline: "Car giant hit by Mercedes slump" names no author.
  void take_authors(std::uint32_t i) {
    if (!structure_.authors.empty() || paragraphs_[i].span.size() > kMaxCueBytes ||
        structure_.roles[i] == ParagraphRole::kTitle) {
      return;
    }
    const Span span = paragraphs_[i].span;
    if (const auto& opener = features_[i].opener) {
      if (starts_name(opener->end, span.end)) add_authors({opener->end, span.end});
    }
  }

  // Names after a byline opener, up to a separator, a digit or a date: "Kiyoshi Sugawa | ...",
  // "Anna Schmidt und Paul Weber", "文/张三".
  void add_authors(Span rest) {
    for (const Span name : names_in(rest)) structure_.authors.push_back(name);
  }

  // The names in `rest` (after a byline opener), up to a separator, a digit or a dash, split at
  // commas and "and": "Helen Marsh and Omar Diaz | 24 May" gives two.
  std::vector<Span> names_in(Span rest) const {
    std::vector<Span> names;
    std::uint32_t end = rest.begin;
    while (end < rest.end) {
      const detail::SentenceChar c = detail::sentence_char_at(text_, end);
      if (c.value == '|' || c.value == 0x2022 || c.value == 0xB7 || c.value == '(' ||
          c.value == '/' || c.kind == U_SB_NUMERIC || c.value == 0x2014 || c.value == 0x2013 ||
          (c.value == '-' && end > rest.begin && text_[end - 1] == ' ')) {
        break;
      }
      end += c.size;
    }
    static constexpr std::string_view kJoiners[] = {",",     ";",    "、",  " and ",
                                                    " und ", " et ", " y ", " & "};
    std::uint32_t start = rest.begin;
    // One pass over the line, up to its kMaxBylineNames-th name: a line of a thousand commas
    // costs its length, not its length squared.
    for (std::uint32_t piece = 0; start < end && piece < kMaxBylineNames; ++piece) {
      std::uint32_t cut = start;
      std::uint32_t skip = 0;
      while (cut < end && skip == 0) {
        for (const std::string_view joiner : kJoiners) {
          if (text_.substr(cut, std::min<std::size_t>(joiner.size(), end - cut)) == joiner) {
            skip = static_cast<std::uint32_t>(joiner.size());
            break;
          }
        }
        if (skip == 0) ++cut;
      }
      const Span name = trim_name({start, cut});
      const std::uint32_t words = count_words(text_, name);
      if (!name.empty() && words >= 1 && words <= 5 && starts_name(name.begin, name.end) &&
          !names_role(name)) {
        names.push_back(name);
      }
      start = cut + skip;
    }
    return names;
  }

  // "Health Correspondent", "Political Editor": the writer's role, not a name.
  bool names_role(Span name) const {
    return lexicon_.byline_roles.find_word_end(FoldedText(text_, name)).has_value();
  }

  Span trim_name(Span span) const {
    span = detail::trim_space(text_, span);
    while (span.end > span.begin) {
      const detail::SentenceChar c = detail::sentence_char_before(text_, span.end);
      if (u_isalpha(c.value)) break;
      span.end -= c.size;
    }
    return span;
  }

  void collect(std::uint32_t body_begin, std::uint32_t body_end) {
    for (std::uint32_t i = 0; i < structure_.roles.size(); ++i) {
      switch (structure_.roles[i]) {
        case ParagraphRole::kBody:
          structure_.body.push_back(i);
          break;
        case ParagraphRole::kBio:
          structure_.bio.push_back(i);
          break;
        case ParagraphRole::kBoilerplate:
          structure_.boilerplate.push_back(boilerplate(i, i >= body_begin && i < body_end));
          break;
        case ParagraphRole::kTitle:
        case ParagraphRole::kByline:
          break;
      }
    }
  }

  // The strongest cue a chrome paragraph carries; without one, whether it lies outside the body
  // the rules found or among its paragraphs (where the block model judged it).
  Boilerplate boilerplate(std::uint32_t i, bool in_rule_body) const {
    const Features& f = features_[i];
    if (f.legal) return {i, ChromeReason::kLegal, *f.legal};
    if (f.layout) return {i, ChromeReason::kLayout, {}};
    if (f.links) return {i, ChromeReason::kLinkList, {}};
    if (f.link_list) return {i, ChromeReason::kLinkList, *f.link_list};
    if (f.chrome) return {i, ChromeReason::kChromePhrase, *f.chrome};
    return {i, in_rule_body ? ChromeReason::kBlockModel : ChromeReason::kOutsideBody, {}};
  }

  std::string_view text_;
  std::span<const Paragraph> paragraphs_;
  const detail::StructureLexicon& lexicon_;
  std::vector<detail::ParagraphEvidence> evidence_;  // empty for plain text
  const PageMetadata* metadata_;                     // null for plain text
  std::vector<Features> features_;
  std::optional<std::uint32_t> title_index_;
  std::optional<std::uint32_t> bio_index_;
  bool clean_ = false;             // plain text without chrome: all body, the model never runs
  detail::PageChoosers choosers_;  // null members: the rules choose
  mutable std::vector<std::u32string> squeezed_;
  Structure structure_;
};

}  // namespace

const char* to_string(ParagraphRole role) noexcept {
  switch (role) {
    case ParagraphRole::kBody:
      return "body";
    case ParagraphRole::kTitle:
      return "title";
    case ParagraphRole::kByline:
      return "byline";
    case ParagraphRole::kBio:
      return "bio";
    case ParagraphRole::kBoilerplate:
      return "boilerplate";
  }
  return "body";
}

const char* to_string(ChromeReason reason) noexcept {
  switch (reason) {
    case ChromeReason::kLegal:
      return "legal";
    case ChromeReason::kLinkList:
      return "link list";
    case ChromeReason::kChromePhrase:
      return "chrome phrase";
    case ChromeReason::kOutsideBody:
      return "outside body";
    case ChromeReason::kLayout:
      return "layout";
    case ChromeReason::kBlockModel:
      return "block model";
  }
  return "outside body";
}

const char* to_string(ChoiceSource source) noexcept {
  switch (source) {
    case ChoiceSource::kNone:
      return "";
    case ChoiceSource::kMarkup:
      return "markup";
    case ChoiceSource::kModel:
      return "model";
    case ChoiceSource::kRules:
      return "rules";
  }
  return "";
}

Structure Structure::all_body(std::size_t paragraphs) {
  Structure structure;
  structure.roles.assign(paragraphs, ParagraphRole::kBody);
  for (std::uint32_t i = 0; i < paragraphs; ++i) structure.body.push_back(i);
  return structure;
}

StructureParser::StructureParser(const LanguagePack& language)
    : lexicon_(std::make_shared<const detail::StructureLexicon>(language)) {}

Structure StructureParser::parse(std::string_view text, std::span<const Paragraph> paragraphs,
                                 std::span<const PageBlock> blocks,
                                 const PageMetadata* metadata) const {
  if (paragraphs.empty()) return {};
  // One paragraph is a text, not a page: there is nothing to tell it from, so a chrome word in it
  // ("The story follows Hallorann home.") is just a word.
  if (paragraphs.size() == 1 && blocks.empty()) return Structure::all_body(1);
  const detail::CandidateChooser& titles = lexicon_->model->titles();
  const detail::CandidateChooser& dates = lexicon_->model->dates();
  const detail::CandidateChooser& authors = lexicon_->model->authors();
  return PageReader(text, paragraphs, *lexicon_, blocks, metadata)
      .with_choosers({titles.empty() ? nullptr : &titles, dates.empty() ? nullptr : &dates,
                      authors.empty() ? nullptr : &authors})
      .read();
}

namespace detail {

std::vector<BlockCues> rule_block_cues(const StructureParser& parser, std::string_view text,
                                       std::span<const Paragraph> paragraphs,
                                       std::span<const PageBlock> blocks,
                                       const PageMetadata* metadata, const PageChoosers& choosers) {
  if (paragraphs.size() < 2 && blocks.empty()) return {};
  return PageReader(text, paragraphs, *parser.lexicon_, blocks, metadata)
      .with_choosers(choosers)
      .rule_cues();
}

}  // namespace detail

}  // namespace presslens
