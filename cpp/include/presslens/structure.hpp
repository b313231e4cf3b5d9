// Article structure: which paragraphs of a scraped page are the article (title, byline, body,
// author bio) and which are page chrome, with the title, authors and date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/html.hpp"
#include "presslens/language.hpp"
#include "presslens/paragraphs.hpp"

namespace presslens {

class StructureParser;

namespace detail {
class StructureLexicon;
struct BlockCues;
struct PageChoosers;
// For training (structure_training.cpp): the block model's cues after the rules, with titles,
// dates and authors chosen by `choosers` (null: the rules), each candidate logged where they say.
std::vector<BlockCues> rule_block_cues(const StructureParser& parser, std::string_view text,
                                       std::span<const Paragraph> paragraphs,
                                       std::span<const PageBlock> blocks,
                                       const PageMetadata* metadata, const PageChoosers& choosers);
}  // namespace detail

enum class ParagraphRole : std::uint8_t {
  kBody,         // the article's text
  kTitle,        // its headline
  kByline,       // author and/or date lines
  kBio,          // the author's biography or disclaimer after the body
  kBoilerplate,  // page chrome: menus, share bars, related links, footers
};

// Why a paragraph was judged page chrome.
enum class ChromeReason : std::uint8_t {
  kLegal,         // copyright, licence, registration lines
  kLinkList,      // "A / B / C", "A | B | C": menus and breadcrumbs
  kChromePhrase,  // a short line with a chrome phrase ("Share", "Most Viewed", "Subscribe")
  kOutsideBody,   // short lines and teasers around the article, with no stronger cue
  kLayout,        // HTML: inside the page's menus, header, footer, sidebars or forms
  kBlockModel,    // among the body's paragraphs, judged chrome by the block model on no one cue
};

// Who chose the title, or the date.
enum class ChoiceSource : std::uint8_t {
  kNone,    // none found
  kMarkup,  // an HTML page's own: its title (og:title, JSON-LD headline, <title>) or <h1>, its
            // date (JSON-LD datePublished, article:published_time, <time>), its authors
  kModel,   // a learned chooser among the rules' candidates (the title on plain text with
            // chrome, the date and the authors on any page with chrome)
  kRules,   // the rules alone (clean text, or no model)
};
using TitleSource = ChoiceSource;  // its name before dates had a source

const char* to_string(ParagraphRole role) noexcept;
const char* to_string(ChromeReason reason) noexcept;
const char* to_string(ChoiceSource source) noexcept;  // "", "markup", "model", "rules"

struct Boilerplate {
  std::uint32_t paragraph;  // index into Document::paragraphs()
  ChromeReason reason;
  Span cue;  // the phrase or separator that decided it (empty for kOutsideBody, kLayout and
             // HTML lines that are mostly links)
};

struct Structure {
  std::vector<ParagraphRole> roles;  // one per paragraph
  std::optional<Span> title;
  ChoiceSource title_source = ChoiceSource::kNone;
  std::vector<Span> authors;      // author names as written
  std::optional<Span> date_span;  // where the date stands
  std::string date;  // ISO 8601: "2024-05-24", "2024-05-24T11:10", or from an HTML page's metadata
                     // with its time zone, "2024-05-24T11:10+02:00"; empty if none
  ChoiceSource date_source = ChoiceSource::kNone;
  ChoiceSource author_source = ChoiceSource::kNone;  // who chose the authors
  std::vector<std::uint32_t> body;                   // indices of body paragraphs, in order
  std::vector<std::uint32_t> bio;                    // indices of bio paragraphs
  std::vector<Boilerplate> boilerplate;
  // Per paragraph, the block model's probability that it is body rather than chrome (calibrated on
  // held-out pages); empty when the model did not run: clean text, one paragraph, or structure
  // detection switched off. Title, byline and bio paragraphs keep the rules' role.
  std::vector<float> body_scores;

  // Every paragraph as body (for clean text, or when detection is switched off).
  static Structure all_body(std::size_t paragraphs);
};

// Reads the structure of a scraped page from its paragraphs (one per line), with cues that
// generalise across sites: prose versus short lines, terminal punctuation, link-list separators,
// chrome and legal phrases, bylines and dates, bio phrases (lists in the language pack, English
// always included since pages mix it in). The body is the stretch of paragraphs with the most
// prose net of chrome; see docs/structure.md. Immutable; serves any number of threads.
class StructureParser {
 public:
  explicit StructureParser(const LanguagePack& language);

  // For a page read from HTML, `blocks` and `metadata` (from read_html) add the markup's
  // evidence: layout elements and link-heavy lines are chrome, the body lies inside the page's
  // main content element, and the page's own title, authors and date are preferred.
  Structure parse(std::string_view text, std::span<const Paragraph> paragraphs,
                  std::span<const PageBlock> blocks = {},
                  const PageMetadata* metadata = nullptr) const;

 private:
  friend std::vector<detail::BlockCues> detail::rule_block_cues(
      const StructureParser&, std::string_view, std::span<const Paragraph>,
      std::span<const PageBlock>, const PageMetadata*, const detail::PageChoosers&);
  std::shared_ptr<const detail::StructureLexicon> lexicon_;
};

// One page for training the structure stage's block model: the page, and which of the
// paragraphs Analyzer finds in it are body (true) and which chrome (false).
struct StructureExample {
  std::string text;
  InputFormat format = InputFormat::kText;  // kText or kHtml (kAuto is told as Analyzer does)
  std::string lang = "en";                  // the language pack whose cues the rules read
  std::vector<std::pair<std::uint32_t, bool>> labels;  // paragraph index, is body
  // Labels from another extractor (a teacher) for paragraphs the annotators left unlabelled:
  // trained on, never scored.
  std::vector<std::pair<std::uint32_t, bool>> teacher_labels;
  // The paragraphs that hold the page's headline, for the title model (plain-text pages).
  std::vector<std::uint32_t> title_paragraphs;
  // The page's publication date ("YYYY-MM-DD"), for the date chooser; empty when unknown.
  std::string date;
  // The page's authors' names, for the author chooser; empty when it names none.
  std::vector<std::string> authors;
  // Pages of one group (one page given as text and as HTML) fall in the same fold of the
  // cross-validation and calibration; empty: each page a group of its own.
  std::string group;
};

struct StructureTrainingOptions {
  std::uint32_t epochs = 5;  // passes of the averaged perceptron (5 did best in cross-validation)
  std::uint32_t folds = 5;   // pages are split in this many folds for the calibration
  std::uint64_t seed = 1;    // the order of the training lines, shuffled
  std::uint32_t gold_weight = 1;  // an annotator's label counts as this many teacher's labels
};

struct StructureTraining {
  std::string model;                   // the model file (cpp/data/mul/structure.model's format)
  std::size_t lines = 0;               // paragraphs labelled by the annotators the model read
  std::size_t teacher_lines = 0;       // paragraphs labelled by the teacher only
  double cv_accuracy = 0;              // share of labelled paragraphs right, each read by a model
                                       // trained on the other folds' pages
  double cv_first_pass_accuracy = 0;   // the same share for the model's first pass alone
  double cv_rule_accuracy = 0;         // the same share for the rules alone
  double cv_log_loss = 0;              // mean negative log-likelihood of those lines' probabilities
  std::size_t title_pages = 0;         // plain-text pages whose headline is among the candidates
  double cv_title_accuracy = 0;        // share of them whose chosen line holds the headline, each
                                       // read by a title model trained on the other folds
  double cv_rule_title_accuracy = 0;   // the same share for the rules alone
  std::size_t date_pages = 0;          // pages with chrome whose date is among their dated lines
  double cv_date_accuracy = 0;         // share of them whose chosen line gives the date, each read
                                       // by a date chooser trained on the other folds
  double cv_rule_date_accuracy = 0;    // the same share for the rules alone
  std::size_t author_pages = 0;        // pages with chrome and gold authors
  double cv_author_accuracy = 0;       // share of them given a right author, each read by an author
                                       // chooser trained on the other folds
  double cv_rule_author_accuracy = 0;  // the same share for the rules alone
  double cv_unauthored_given_authors = 0;  // share of pages with chrome and no gold authors given
                                           // some (by the chooser, or the rules where it declines)
};

// Trains the block model's two passes (averaged perceptrons on the shared runtime) on labelled
// pages: each pass first once per fold, to calibrate its margins into probabilities on pages it
// did not see (Platt scaling) and to give the second pass the first's probabilities from a model
// that did not see the page, then on every page. Deterministic for the same pages and options.
// Pages whose text reads as clean (no chrome cue) are skipped: the model never runs on them. Throws
// InvalidArgument for a label beyond a page's paragraphs or text that is not valid UTF-8.
StructureTraining train_structure_model(std::span<const StructureExample> pages,
                                        const StructureTrainingOptions& options = {});

}  // namespace presslens
