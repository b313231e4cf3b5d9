// Training the structure stage's block model (structure.hpp, detail/block_model.hpp): each labelled
// paragraph's features as the stage computes them after its rules, an averaged perceptron over
// them, and a logistic curve fitted to margins of pages the model did not see.
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "detail/binary_training.hpp"
#include "detail/block_model.hpp"
#include "presslens/error.hpp"
#include "presslens/structure.hpp"
#include "presslens/text.hpp"

namespace presslens {
namespace {

using Labels = std::vector<std::pair<std::uint32_t, bool>>;

// A page as the model reads it: every paragraph's cues, and the labelled ones.
struct Page {
  std::vector<detail::BlockCues> cues;
  Labels labels;
  Labels teacher_labels;
  std::uint32_t fold;
};

using detail::kAllFolds;
using Line = detail::BinaryExample;

// A page's candidates for its headline, its date or its authors, for a chooser.
struct ChoicePage {
  std::vector<detail::Candidate> candidates;
  std::vector<bool> positive;  // per candidate: it holds the headline, gives the page's date, names
                               // one of its authors
  std::uint32_t fold;
  bool answered = true;  // the page has a gold answer (authors: a page may name none)

  bool any_positive() const {
    return std::find(positive.begin(), positive.end(), true) != positive.end();
  }
};

// A page's fold: pages of one group (the same page as text and as HTML) share one, so no page is
// scored by a model trained on its twin; a page without a group goes by its place.
std::uint32_t page_fold(const StructureExample& page, std::size_t index, std::uint32_t folds) {
  if (page.group.empty()) return static_cast<std::uint32_t>(index % folds);
  std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a: the same on every platform
  for (const char c : page.group) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return static_cast<std::uint32_t>(hash % folds);
}

// Case-folded UTF-8, for comparing names.
std::string folded(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

// Whether a candidate's names ("A; B") name one of the page's authors: one holds the other,
// ignoring case.
bool names_an_author(std::string_view names, const std::vector<std::string>& authors) {
  std::size_t start = 0;
  while (start <= names.size()) {
    const std::size_t cut = std::min(names.find("; ", start), names.size());
    const std::string name = folded(names.substr(start, cut - start));
    for (const std::string& author : authors) {
      const std::string gold = folded(author);
      if (name.size() >= 2 && gold.size() >= 2 &&
          (gold.find(name) != std::string::npos || name.find(gold) != std::string::npos)) {
        return true;
      }
    }
    start = cut + 2;
  }
  return false;
}

// The pages read as the structure stage reads them, with titles, dates and authors chosen by
// `models`' choosers (null: the rules); pages the block model never reads (clean text) are left
// out. With `title_pages`, each plain-text page whose headline is among its candidates gives its
// candidates there; with `date_pages`, each page whose date is among its dated lines gives those;
// with `author_pages`, every page with chrome gives the lines that may name its authors.
std::vector<Page> read_pages(std::span<const StructureExample> examples, std::uint32_t folds,
                             const detail::PageChoosers& models,
                             std::vector<ChoicePage>* title_pages,
                             std::vector<ChoicePage>* date_pages,
                             std::vector<ChoicePage>* author_pages) {
  std::map<std::string, StructureParser, std::less<>> parsers;
  const ParagraphSplitter splitter;
  std::vector<Page> pages;
  for (std::size_t p = 0; p < examples.size(); ++p) {
    const StructureExample& example = examples[p];
    if (const auto error = find_invalid_utf8(example.text)) throw InvalidUtf8(*error);
    const PageInput input = read_input(example.text, example.format);
    const HtmlPage& read = input.page;
    const bool html = input.html;
    const std::vector<Paragraph> paragraphs = splitter.split(read.text, input.join_wrapped());
    const auto check = [&](std::uint32_t index) {
      if (index >= paragraphs.size()) {
        throw InvalidArgument("a label for paragraph " + std::to_string(index) + " of page " +
                              std::to_string(p) + ", which has " +
                              std::to_string(paragraphs.size()) + " paragraphs");
      }
    };
    for (const Labels* labels : {&example.labels, &example.teacher_labels}) {
      for (const auto& label : *labels) check(label.first);
    }
    for (const std::uint32_t index : example.title_paragraphs) check(index);
    auto parser = parsers.find(example.lang);
    if (parser == parsers.end()) {
      parser =
          parsers.emplace(example.lang, StructureParser(LanguagePack::builtin(example.lang))).first;
    }
    const std::uint32_t fold = page_fold(example, p, folds);
    ChoicePage title_page{{}, {}, fold};
    ChoicePage date_page{{}, {}, fold};
    ChoicePage author_page{{}, {}, fold, !example.authors.empty()};
    detail::PageChoosers choosers = models;
    choosers.title_log = &title_page.candidates;
    choosers.date_log = &date_page.candidates;
    choosers.author_log = &author_page.candidates;
    Page page{detail::rule_block_cues(parser->second, read.text, paragraphs, read.blocks,
                                      html ? &read.metadata : nullptr, choosers),
              example.labels, example.teacher_labels, fold};
    for (const detail::Candidate& candidate : title_page.candidates) {
      title_page.positive.push_back(
          std::find(example.title_paragraphs.begin(), example.title_paragraphs.end(),
                    candidate.paragraph) != example.title_paragraphs.end());
    }
    for (const detail::Candidate& candidate : date_page.candidates) {
      date_page.positive.push_back(example.date.size() >= 10 &&
                                   candidate.value.compare(0, 10, example.date, 0, 10) == 0);
    }
    for (const detail::Candidate& candidate : author_page.candidates) {
      author_page.positive.push_back(names_an_author(candidate.value, example.authors));
    }
    if (title_pages && title_page.any_positive()) title_pages->push_back(std::move(title_page));
    if (author_pages && !author_page.candidates.empty()) {
      author_pages->push_back(std::move(author_page));
    }
    if (date_pages && date_page.any_positive()) date_pages->push_back(std::move(date_page));
    if (!page.cues.empty() && !(page.labels.empty() && page.teacher_labels.empty())) {
      pages.push_back(std::move(page));
    }
  }
  return pages;
}

// The labelled lines of every page, with their features for a pass (`previous`: the first
// pass's probabilities per page for the second, empty for the first); a paragraph the
// annotators labelled is not taken again from the teacher.
std::vector<Line> labelled_lines(const std::vector<Page>& pages,
                                 const std::vector<std::vector<float>>& previous) {
  std::vector<Line> lines;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    const std::span<const float> before = previous.empty() ? std::span<const float>() : previous[p];
    std::vector<bool> labelled(page.cues.size());
    const auto add = [&](const Labels& labels, bool gold) {
      for (const auto& [index, body] : labels) {
        if (labelled[index]) continue;
        labelled[index] = true;
        Line line{{}, body, page.fold, gold};
        detail::block_features(page.cues, before, index, line.features);
        lines.push_back(std::move(line));
      }
    };
    add(page.labels, true);
    add(page.teacher_labels, false);
  }
  return lines;
}

detail::BinaryTrainingOptions binary_options(const StructureTrainingOptions& options) {
  return {options.epochs, options.seed, options.gold_weight};
}

// A pass trained once per fold (for its calibration and cross-validated figures on the
// annotators' labels, and for every page's probabilities from a model that did not see it, which
// the next pass reads), then on every page.
struct TrainedPass {
  detail::BlockPass pass;
  double cv_accuracy = 0;
  double cv_log_loss = 0;
  std::vector<std::vector<float>> held_out_probabilities;  // per page, per paragraph
};

TrainedPass train_pass(const std::vector<Page>& pages,
                       const std::vector<std::vector<float>>& previous,
                       const StructureTrainingOptions& options) {
  const std::vector<Line> lines = labelled_lines(pages, previous);
  std::vector<std::pair<float, bool>> margins;
  std::vector<std::vector<float>> page_margins(pages.size());
  std::vector<std::uint64_t> features;
  for (std::uint32_t fold = 0; fold < options.folds; ++fold) {
    const detail::LinearModel model(detail::train_binary(lines, fold, binary_options(options)));
    for (const Line& line : lines) {
      if (line.fold != fold || !line.gold) continue;
      margins.emplace_back(detail::binary_margin(model, line.features), line.positive);
    }
    for (std::size_t p = 0; p < pages.size(); ++p) {
      if (pages[p].fold != fold) continue;
      const std::span<const float> before =
          previous.empty() ? std::span<const float>() : previous[p];
      for (std::size_t i = 0; i < pages[p].cues.size(); ++i) {
        features.clear();
        detail::block_features(pages[p].cues, before, i, features);
        page_margins[p].push_back(detail::binary_margin(model, features));
      }
    }
  }
  TrainedPass trained;
  const auto [slope, intercept] = detail::fit_logistic(margins);
  trained.pass.slope = static_cast<float>(slope);
  trained.pass.intercept = static_cast<float>(intercept);
  const auto probability = [&](float margin) {
    return detail::logistic(trained.pass.slope, trained.pass.intercept, margin);
  };
  std::size_t right = 0;
  double log_loss = 0;
  for (const auto& [margin, body] : margins) {
    const double p = probability(margin);
    right += (p >= 0.5) == body ? 1 : 0;
    log_loss -= std::log(std::clamp(body ? p : 1 - p, 1e-6, 1.0));
  }
  trained.cv_accuracy = static_cast<double>(right) / static_cast<double>(margins.size());
  trained.cv_log_loss = log_loss / static_cast<double>(margins.size());
  for (auto& page : page_margins) {
    for (float& value : page) value = probability(value);
  }
  trained.held_out_probabilities = std::move(page_margins);
  trained.pass.rows = detail::train_binary(lines, kAllFolds, binary_options(options));
  return trained;
}

// A chooser (titles, dates, authors): a perceptron over candidates, one instance each (chosen or
// not); a page's choice is its highest-scoring candidate (with `positive_margin`, only when its
// margin is positive; else the rules' choice stands). Trained once per fold, for the
// cross-validated share of answered pages whose choice is right (and the rules' share), then on
// every page. Without pages, an empty chooser: the rules choose.
struct TrainedChooser {
  detail::SparseRows rows;
  std::size_t answered = 0;         // pages with a gold answer
  double cv_accuracy = 0;           // share of them chosen right
  double cv_rule_accuracy = 0;      // the same share for the rules
  double cv_unanswered_chosen = 0;  // share of the other pages given an answer anyway (by the
                                    // chooser, or by the rules where it declines)
};

TrainedChooser train_chooser(const std::vector<ChoicePage>& pages,
                             const StructureTrainingOptions& options, bool positive_margin) {
  TrainedChooser trained;
  trained.rows.width = 2;
  if (pages.empty()) return trained;
  std::vector<Line> lines;
  for (const ChoicePage& page : pages) {
    for (std::size_t c = 0; c < page.candidates.size(); ++c) {
      lines.push_back({page.candidates[c].features, page.positive[c], page.fold, true});
    }
  }
  std::size_t right = 0, rule_right = 0, unanswered_chosen = 0;
  for (std::uint32_t fold = 0; fold < options.folds; ++fold) {
    const detail::CandidateChooser model(
        detail::train_binary(lines, fold, binary_options(options)));
    for (const ChoicePage& page : pages) {
      if (page.fold != fold) continue;
      std::size_t best = 0;
      float best_margin = 0;
      bool rule_ok = false;
      bool rule_any = false;
      for (std::size_t c = 0; c < page.candidates.size(); ++c) {
        const float margin = model.margin(page.candidates[c].features);
        if (c == 0 || margin > best_margin) {
          best = c;
          best_margin = margin;
        }
        rule_ok |= page.candidates[c].rule_choice && page.positive[c];
        rule_any |= page.candidates[c].rule_choice;
      }
      const bool chosen = !positive_margin || best_margin > 0;
      if (!page.answered) {
        unanswered_chosen += chosen || rule_any ? 1 : 0;
        continue;
      }
      right += (chosen ? page.positive[best] : rule_ok) ? 1 : 0;
      rule_right += rule_ok ? 1 : 0;
    }
  }
  const auto answered = static_cast<std::size_t>(
      std::count_if(pages.begin(), pages.end(), [](const ChoicePage& p) { return p.answered; }));
  const auto share = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
  };
  trained.answered = answered;
  trained.cv_accuracy = share(right, answered);
  trained.cv_rule_accuracy = share(rule_right, answered);
  trained.cv_unanswered_chosen = share(unanswered_chosen, pages.size() - answered);
  trained.rows = detail::train_binary(lines, kAllFolds, binary_options(options));
  return trained;
}

}  // namespace

StructureTraining train_structure_model(std::span<const StructureExample> examples,
                                        const StructureTrainingOptions& options) {
  if (options.folds < 2) throw InvalidArgument("the calibration needs at least two folds");
  // Each chooser learns from pages read as the stage will read them, with the choosers before it
  // at work: the titles from the rules' reading, the dates from the reading with those titles,
  // the authors from the reading with titles and dates (a chosen date is one of their cues), and
  // the block model from the reading with all three (titles are among its cues; dates and
  // authors are not, and are chosen after everything it reads).
  StructureTraining result;
  detail::PageChoosers models;
  std::vector<ChoicePage> title_pages;
  read_pages(examples, options.folds, models, &title_pages, nullptr, nullptr);
  const TrainedChooser title_choice = train_chooser(title_pages, options, false);
  result.title_pages = title_pages.size();
  result.cv_title_accuracy = title_choice.cv_accuracy;
  result.cv_rule_title_accuracy = title_choice.cv_rule_accuracy;
  const detail::CandidateChooser titles(title_choice.rows);
  models.titles = titles.empty() ? nullptr : &titles;
  std::vector<ChoicePage> date_pages;
  read_pages(examples, options.folds, models, nullptr, &date_pages, nullptr);
  const TrainedChooser date_choice = train_chooser(date_pages, options, false);
  result.date_pages = date_pages.size();
  result.cv_date_accuracy = date_choice.cv_accuracy;
  result.cv_rule_date_accuracy = date_choice.cv_rule_accuracy;
  const detail::CandidateChooser dates(date_choice.rows);
  models.dates = dates.empty() ? nullptr : &dates;
  std::vector<ChoicePage> author_pages;
  read_pages(examples, options.folds, models, nullptr, nullptr, &author_pages);
  const TrainedChooser author_choice = train_chooser(author_pages, options, true);
  result.author_pages = author_choice.answered;
  result.cv_author_accuracy = author_choice.cv_accuracy;
  result.cv_rule_author_accuracy = author_choice.cv_rule_accuracy;
  result.cv_unauthored_given_authors = author_choice.cv_unanswered_chosen;
  const detail::CandidateChooser authors(author_choice.rows);
  models.authors = authors.empty() ? nullptr : &authors;
  const std::vector<Page> pages =
      read_pages(examples, options.folds, models, nullptr, nullptr, nullptr);
  if (pages.empty()) throw InvalidArgument("no labelled paragraph on a page the model reads");

  std::size_t rule_right = 0;
  for (const Page& page : pages) {
    for (const auto& [index, body] : page.labels) {
      ++result.lines;
      const bool rule_body =
          page.cues[index].rule_role == static_cast<std::uint8_t>(ParagraphRole::kBody);
      rule_right += rule_body == body ? 1 : 0;
    }
    for (const auto& label : page.teacher_labels) {
      const bool annotated =
          std::any_of(page.labels.begin(), page.labels.end(),
                      [&](const auto& gold) { return gold.first == label.first; });
      result.teacher_lines += annotated ? 0 : 1;
    }
  }
  if (result.lines == 0) throw InvalidArgument("no paragraph labelled by the annotators");
  result.cv_rule_accuracy = static_cast<double>(rule_right) / static_cast<double>(result.lines);
  const TrainedPass first = train_pass(pages, {}, options);
  const TrainedPass second = train_pass(pages, first.held_out_probabilities, options);
  result.cv_first_pass_accuracy = first.cv_accuracy;
  result.cv_accuracy = second.cv_accuracy;
  result.cv_log_loss = second.cv_log_loss;
  const detail::BlockPass passes[] = {first.pass, second.pass};
  result.model = detail::BlockModel::serialise(passes, title_choice.rows, date_choice.rows,
                                               author_choice.rows);
  return result;
}

}  // namespace presslens
