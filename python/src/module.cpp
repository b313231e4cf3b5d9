// presslens._presslens: the thin binding. It converts types and offsets (UTF-8 bytes in C++,
// code points in Python), maps errors to presslens.errors and releases the GIL around analysis.
// Everything else Python users touch lives in python/presslens/.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/presslens.hpp"
#include "tables.hpp"

namespace py = pybind11;
using presslens::Document;

namespace {

py::tuple code_point_span(const Document& document, presslens::Span span) {
  return py::make_tuple(document.to_code_points(span.begin), document.to_code_points(span.end));
}

py::list paragraphs(const Document& document) {
  py::list result;
  for (const auto& paragraph : document.paragraphs()) {
    result.append(code_point_span(document, paragraph.span));
  }
  return result;
}

// (start, end, paragraph, (quote indices), quoted share) of each sentence.
py::list sentences(const Document& document) {
  py::list result;
  const std::vector<presslens::SentenceQuotes> held = presslens::sentence_quotes(document);
  for (std::size_t s = 0; s < document.sentences().size(); ++s) {
    const auto& sentence = document.sentences()[s];
    py::tuple quotes(held[s].quotes.size());
    for (std::size_t q = 0; q < held[s].quotes.size(); ++q) quotes[q] = held[s].quotes[q];
    result.append(py::make_tuple(document.to_code_points(sentence.span.begin),
                                 document.to_code_points(sentence.span.end), sentence.paragraph,
                                 quotes, held[s].quoted_share));
  }
  return result;
}

py::object optional_span(const Document& document, const std::optional<presslens::Span>& span) {
  return span ? py::object(code_point_span(document, *span)) : py::none();
}

// The structure layer as plain data: roles by paragraph, spans in code points.
py::dict structure(const Document& document) {
  const presslens::Structure& s = document.structure();
  py::list roles, authors, boilerplate;
  for (const auto role : s.roles) roles.append(presslens::to_string(role));
  for (const auto& author : s.authors) authors.append(code_point_span(document, author));
  for (const auto& b : s.boilerplate) {
    boilerplate.append(py::make_tuple(
        b.paragraph, presslens::to_string(b.reason),
        b.cue.empty() ? py::object(py::none()) : py::object(code_point_span(document, b.cue))));
  }
  py::dict result;
  result["roles"] = roles;
  result["title"] = optional_span(document, s.title);
  result["title_source"] = presslens::to_string(s.title_source);
  result["authors"] = authors;
  result["date_span"] = optional_span(document, s.date_span);
  result["date"] = s.date;
  result["date_source"] = presslens::to_string(s.date_source);
  result["author_source"] = presslens::to_string(s.author_source);
  result["boilerplate"] = boilerplate;
  result["body_scores"] = py::cast(s.body_scores);
  return result;
}

py::list tokens(const Document& document) {
  py::list result;
  for (const auto& token : document.tokens()) {
    const py::object sentence = token.sentence == presslens::kNoSentence ? py::object(py::none())
                                                                         : py::cast(token.sentence);
    result.append(py::make_tuple(document.to_code_points(token.span.begin),
                                 document.to_code_points(token.span.end),
                                 presslens::to_string(token.kind), sentence));
  }
  return result;
}

// (start, end, token, sentence, pos, head, form, lemma, feats, relation) of each word; head is a
// word index or None for a root.
// The syntax layer, made (on first use) with the GIL released.
const presslens::Syntax& syntax_of(const Document& document) {
  py::gil_scoped_release release;
  return document.syntax();
}

py::list words(const Document& document) {
  py::list result;
  const presslens::Syntax& syntax = syntax_of(document);
  for (const auto& w : syntax.words) {
    const py::object sentence =
        w.sentence == presslens::kNoSentence ? py::object(py::none()) : py::cast(w.sentence);
    const py::object head =
        w.head == presslens::kNoHead ? py::object(py::none()) : py::cast(w.head);
    result.append(py::make_tuple(document.to_code_points(w.span.begin),
                                 document.to_code_points(w.span.end), w.token, sentence,
                                 presslens::to_string(w.pos), head, syntax.form(w), syntax.lemma(w),
                                 syntax.feats(w), syntax.relation(w)));
  }
  return result;
}

// (start, end, first word, end word, head word) of each phrase.
py::list phrases(const Document& document, const std::vector<presslens::Phrase>& phrases) {
  py::list result;
  for (const auto& p : phrases) {
    result.append(py::make_tuple(document.to_code_points(p.span.begin),
                                 document.to_code_points(p.span.end), p.first, p.end, p.head));
  }
  return result;
}

py::object span_or_none(const Document& document, presslens::Span span) {
  return span.empty() ? py::object(py::none()) : py::object(code_point_span(document, span));
}

// (start, end, marks, kind, speaker, cue, kind_cue, speaker_key, sentence, parts, speaker_name,
// speaker_type, resolution, source, confidence) of each quote; parts is empty for a quote in one
// piece, confidence None where the cue model did not read the cue.
py::list quotes(const Document& document) {
  py::list result;
  for (const auto& q : document.quotes()) {
    const py::object sentence =
        q.sentence == presslens::kNoSentence ? py::object(py::none()) : py::cast(q.sentence);
    py::list parts;
    for (const presslens::Span part : q.parts) parts.append(code_point_span(document, part));
    result.append(py::make_tuple(
        document.to_code_points(q.span.begin), document.to_code_points(q.span.end),
        span_or_none(document, q.marks), presslens::to_string(q.kind),
        span_or_none(document, q.speaker), span_or_none(document, q.cue),
        span_or_none(document, q.kind_cue), q.speaker_key, sentence, parts,
        span_or_none(document, q.speaker_name), presslens::to_string(q.speaker_type),
        presslens::to_string(q.resolution), presslens::to_string(q.source),
        q.confidence ? py::object(py::float_(*q.confidence)) : py::object(py::none())));
  }
  return result;
}

// (sentence, score, check_worthy, claim_score, is_claim, rule, [(kind, cue)], hedges, boosters,
// cues, speaker, speaker_key).
py::list claims(const Document& document) {
  py::list result;
  for (const auto& c : document.claims()) {
    py::list kinds, hedges, boosters, cues;
    for (const auto& k : c.kinds) {
      kinds.append(py::make_tuple(presslens::to_string(k.kind), code_point_span(document, k.cue)));
    }
    for (const auto span : c.hedges) hedges.append(code_point_span(document, span));
    for (const auto span : c.boosters) boosters.append(code_point_span(document, span));
    for (const auto span : c.cues) cues.append(code_point_span(document, span));
    result.append(py::make_tuple(c.sentence, c.score, c.check_worthy, c.claim_score, c.is_claim,
                                 c.rule, kinds, hedges, boosters, cues,
                                 span_or_none(document, c.speaker), c.speaker_key));
  }
  return result;
}

py::list unpaired_marks(const Document& document) {
  py::list result;
  for (const auto at : document.unpaired_quote_marks()) result.append(document.to_code_points(at));
  return result;
}

// (key, start, end, count, words, score, ranked_by) of each keyword, spans in code points.
py::list keyword_tuples(const Document& document, const std::vector<presslens::Keyword>& keywords) {
  py::list result;
  for (const auto& k : keywords) {
    result.append(py::make_tuple(k.key, document.to_code_points(k.first.begin),
                                 document.to_code_points(k.first.end), k.count, k.words, k.score,
                                 presslens::to_string(k.ranked_by)));
  }
  return result;
}

py::list term_tuples(const std::vector<presslens::TermStatistics>& terms) {
  py::list result;
  for (const auto& t : terms)
    result.append(py::make_tuple(t.key, t.text, t.count, t.documents, t.score));
  return result;
}

presslens::KeywordOptions keyword_options(std::uint32_t min_words, std::uint32_t max_words,
                                          bool stem) {
  presslens::KeywordOptions options;
  options.min_words = min_words;
  options.max_words = max_words;
  options.stem = stem;
  return options;
}

presslens::QuotedMatter quoted_matter(std::string_view quoted) {
  if (quoted == "include") return presslens::QuotedMatter::kInclude;
  if (quoted == "exclude") return presslens::QuotedMatter::kExclude;
  if (quoted == "only") return presslens::QuotedMatter::kOnly;
  throw presslens::InvalidArgument("quoted must be 'include', 'exclude' or 'only', not '" +
                                   std::string(quoted) + "'");
}

presslens::Utf8Policy utf8_policy(std::string_view errors) {
  if (errors == "strict") return presslens::Utf8Policy::kStrict;
  if (errors == "replace") return presslens::Utf8Policy::kReplace;
  throw presslens::InvalidArgument("errors must be 'strict' or 'replace', not '" +
                                   std::string(errors) + "'");
}

presslens::InputFormat input_format(std::string_view format) {
  if (format == "auto") return presslens::InputFormat::kAuto;
  if (format == "text") return presslens::InputFormat::kText;
  if (format == "html") return presslens::InputFormat::kHtml;
  throw presslens::InvalidArgument("format must be 'auto', 'text' or 'html', not '" +
                                   std::string(format) + "'");
}

// What an HTML page says about itself, or None for plain text.
py::object page_metadata(const Document& document) {
  if (document.html() == nullptr) return py::none();
  const presslens::PageMetadata& m = document.html()->metadata;
  py::dict result;
  result["title"] = m.title;
  result["authors"] = m.authors;
  result["date"] = m.date;
  result["site_name"] = m.site_name;
  result["description"] = m.description;
  result["url"] = m.url;
  result["language"] = m.language;
  return result;
}

// Raises the presslens.errors class named `name` with the C++ error's code and byte offset.
void raise_python_error(const char* name, const presslens::Error& error, py::object fault) {
  py::object errors = py::module_::import("presslens.errors");
  py::object offset = error.byte_offset() ? py::cast(*error.byte_offset()) : py::none();
  py::object exception =
      errors.attr(name)(error.what(), py::arg("code") = static_cast<int>(error.code()),
                        py::arg("byte_offset") = offset, py::arg("fault") = fault);
  PyErr_SetObject(py::type::handle_of(exception).ptr(), exception.ptr());
}

void translate_errors(std::exception_ptr pointer) {
  try {
    if (pointer) std::rethrow_exception(pointer);
  } catch (const presslens::InvalidUtf8& error) {
    raise_python_error("InvalidTextError", error, py::str(presslens::to_string(error.fault())));
  } catch (const presslens::InvalidArgument& error) {
    raise_python_error("InvalidArgumentError", error, py::none());
  } catch (const presslens::LanguagePackError& error) {
    raise_python_error("LanguagePackError", error, py::none());
  } catch (const presslens::Error& error) {
    raise_python_error("PresslensError", error, py::none());
  }
}

}  // namespace

// presslens::Corpus behind a mutex, for Corpus objects that Python threads share.
class SharedCorpus {
 public:
  SharedCorpus() = default;
  explicit SharedCorpus(presslens::Corpus corpus) : corpus_(std::move(corpus)) {}

  // Calls `read` with the corpus, locked; returns what it returns.
  template <typename Read>
  auto read(Read&& read) const {
    const std::lock_guard lock(mutex_);
    return read(corpus_);
  }
  void merge(const presslens::Corpus& partial) {
    const std::lock_guard lock(mutex_);
    corpus_.merge(partial);
  }

 private:
  presslens::Corpus corpus_;
  mutable std::mutex mutex_;
};

PYBIND11_MODULE(_presslens, m, py::mod_gil_not_used()) {
  m.doc() = "The compiled core of presslens. Use the presslens package, not this module.";
  m.attr("__version__") = presslens::version();
  py::register_exception_translator(&translate_errors);

  m.def(
      "train_syntax_model",
      [](const py::bytes& conllu, unsigned tagger_epochs, unsigned morph_epochs,
         unsigned lemma_epochs, unsigned parser_epochs, unsigned labeller_epochs,
         unsigned jackknife_folds, std::uint32_t min_updates, std::uint64_t seed, bool verbose) {
        const std::string_view text = conllu;
        presslens::SyntaxTrainingOptions options;
        options.tagger_epochs = tagger_epochs;
        options.morph_epochs = morph_epochs;
        options.lemma_epochs = lemma_epochs;
        options.parser_epochs = parser_epochs;
        options.labeller_epochs = labeller_epochs;
        options.jackknife_folds = jackknife_folds;
        options.min_updates = min_updates;
        options.seed = seed;
        options.log = verbose ? &std::cerr : nullptr;
        std::string model;
        {
          py::gil_scoped_release release;
          model = presslens::train_syntax_model(text, options);
        }
        return py::bytes(model);
      },
      py::arg("conllu"), py::arg("tagger_epochs") = 10, py::arg("morph_epochs") = 8,
      py::arg("lemma_epochs") = 6, py::arg("parser_epochs") = 15, py::arg("labeller_epochs") = 10,
      py::arg("jackknife_folds") = 5, py::arg("min_updates") = 8, py::arg("seed") = 1,
      py::arg("verbose") = false, "Trains a syntax model from CoNLL-U text; returns its bytes.");

  m.def(
      "train_language_identifier",
      [](const std::vector<presslens::WordFrequencies>& languages, double smoothing) {
        std::string model;
        {
          py::gil_scoped_release release;
          model = presslens::train_language_identifier(languages, smoothing);
        }
        return py::bytes(model);
      },
      py::arg("languages"), py::arg("smoothing") = 1.0,
      "Trains a language identifier from (code, [(word, frequency)]) pairs; returns its bytes.");
  m.def(
      "train_structure_model",
      [](const std::vector<std::tuple<
             std::string, std::string, std::string, std::vector<std::pair<std::uint32_t, bool>>,
             std::vector<std::pair<std::uint32_t, bool>>, std::vector<std::uint32_t>, std::string,
             std::vector<std::string>, std::string>>& pages,
         std::uint32_t epochs, std::uint32_t folds, std::uint64_t seed, std::uint32_t gold_weight) {
        std::vector<presslens::StructureExample> examples;
        for (const auto& [text, format, lang, labels, teacher_labels, titles, date, authors,
                          group] : pages) {
          examples.push_back({text, input_format(format), lang, labels, teacher_labels, titles,
                              date, authors, group});
        }
        presslens::StructureTraining result;
        {
          py::gil_scoped_release release;
          result = presslens::train_structure_model(examples, {epochs, folds, seed, gold_weight});
        }
        return py::dict(
            py::arg("model") = py::bytes(result.model), py::arg("lines") = result.lines,
            py::arg("teacher_lines") = result.teacher_lines,
            py::arg("cv_accuracy") = result.cv_accuracy,
            py::arg("cv_first_pass_accuracy") = result.cv_first_pass_accuracy,
            py::arg("cv_rule_accuracy") = result.cv_rule_accuracy,
            py::arg("cv_log_loss") = result.cv_log_loss,
            py::arg("title_pages") = result.title_pages,
            py::arg("cv_title_accuracy") = result.cv_title_accuracy,
            py::arg("cv_rule_title_accuracy") = result.cv_rule_title_accuracy,
            py::arg("date_pages") = result.date_pages,
            py::arg("cv_date_accuracy") = result.cv_date_accuracy,
            py::arg("cv_rule_date_accuracy") = result.cv_rule_date_accuracy,
            py::arg("author_pages") = result.author_pages,
            py::arg("cv_author_accuracy") = result.cv_author_accuracy,
            py::arg("cv_rule_author_accuracy") = result.cv_rule_author_accuracy,
            py::arg("cv_unauthored_given_authors") = result.cv_unauthored_given_authors);
      },
      py::arg("pages"), py::arg("epochs") = 5, py::arg("folds") = 5, py::arg("seed") = 1,
      py::arg("gold_weight") = 1,
      "Trains the structure stage's block model and its title, date and author choosers from"
      " (text, format, lang, [(paragraph, is_body)], [teacher's (paragraph, is_body)], [headline"
      " paragraphs], date 'YYYY-MM-DD' or '', [authors], group: pages of one group share a fold)"
      " pages;"
      " returns the model's bytes and its cross-validated accuracy.");
  m.def(
      "train_keyphrase_model",
      [](const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>>&
             documents,
         std::uint32_t epochs, std::uint32_t folds, std::uint64_t seed) {
        std::vector<presslens::KeyphraseExample> examples;
        for (const auto& [text, lang, keyphrases] : documents) {
          examples.push_back({text, lang, keyphrases});
        }
        presslens::KeyphraseTraining result;
        {
          py::gil_scoped_release release;
          result = presslens::train_keyphrase_model(examples, {epochs, folds, seed});
        }
        return py::dict(
            py::arg("model") = py::bytes(result.model), py::arg("documents") = result.documents,
            py::arg("candidates") = result.candidates, py::arg("positives") = result.positives,
            py::arg("cv_precision_at_10") = result.cv_precision_at_10,
            py::arg("cv_rule_precision_at_10") = result.cv_rule_precision_at_10,
            py::arg("cv_log_loss") = result.cv_log_loss);
      },
      py::arg("documents"), py::arg("epochs") = 10, py::arg("folds") = 5, py::arg("seed") = 1,
      "Trains the keyphrase ranker from (text, lang, [keyphrases]) documents; returns the model's"
      " bytes and its cross-validated precision at ten.");
  m.def(
      "train_claim_model",
      [](const std::vector<std::tuple<std::string, std::string, bool, std::uint32_t>>& sentences,
         std::uint32_t epochs, std::uint64_t seed, std::uint32_t families) {
        std::vector<presslens::ClaimExample> examples;
        for (const auto& [text, lang, is_claim, fold] : sentences) {
          examples.push_back({text, lang, is_claim, fold});
        }
        presslens::ClaimTraining result;
        {
          py::gil_scoped_release release;
          result = presslens::train_claim_model(examples, {epochs, seed, families});
        }
        return py::dict(
            py::arg("model") = py::bytes(result.model), py::arg("examples") = result.examples,
            py::arg("positives") = result.positives, py::arg("threshold") = result.threshold,
            py::arg("cv_precision") = result.cv_precision, py::arg("cv_recall") = result.cv_recall,
            py::arg("cv_f1") = result.cv_f1, py::arg("cv_log_loss") = result.cv_log_loss,
            py::arg("cv_calibration_error") = result.cv_calibration_error,
            py::arg("cv_probabilities") = result.cv_probabilities);
      },
      py::arg("sentences"), py::arg("epochs") = 10, py::arg("seed") = 1,
      py::arg("families") =
          static_cast<std::uint32_t>(presslens::kClaimShape | presslens::kClaimCues),
      "Trains the is_claim model from (text, lang, is_claim, fold) sentences; returns the model's"
      " bytes, its threshold and its cross-validated figures.");
  m.def(
      "train_cue_model",
      [](const std::vector<std::tuple<
             std::string, std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>,
             std::vector<std::pair<std::uint32_t, std::uint32_t>>, std::uint32_t>>& documents,
         std::uint32_t epochs, std::uint32_t min_cues, float min_cue_share, float accept,
         float veto, std::optional<std::uint32_t> leave_out) {
        std::vector<presslens::CueExample> examples;
        for (const auto& [text, lang, cues, reports, fold] : documents) {
          presslens::CueExample example{text, lang, {}, {}, fold};
          for (const auto& [begin, end] : cues) example.cues.push_back({begin, end});
          for (const auto& [begin, end] : reports) example.reports.push_back({begin, end});
          examples.push_back(std::move(example));
        }
        presslens::CueTrainingOptions options;
        options.epochs = epochs;
        options.min_cues = min_cues;
        options.min_cue_share = min_cue_share;
        options.accept = accept;
        options.veto = veto;
        if (leave_out) options.leave_out = *leave_out;
        presslens::CueTraining result;
        {
          py::gil_scoped_release release;
          result = presslens::train_cue_model(examples, options);
        }
        return py::dict(
            py::arg("model") = py::bytes(result.model), py::arg("documents") = result.documents,
            py::arg("candidates") = result.candidates, py::arg("positives") = result.positives,
            py::arg("lexicon") = result.lexicon, py::arg("cv_log_loss") = result.cv_log_loss,
            py::arg("cv_precision") = result.cv_precision, py::arg("cv_recall") = result.cv_recall);
      },
      py::arg("documents"), py::arg("epochs") = 8, py::arg("min_cues") = 3,
      py::arg("min_cue_share") = 0.1f, py::arg("accept") = 0.6f, py::arg("veto") = 0.3f,
      py::arg("leave_out") = py::none(),
      "Trains a language's attribution cue model from (text, lang, [(cue start, cue end)],"
      " [(reported words' start, end)], fold) documents, spans in UTF-8 bytes; returns the"
      " model's bytes, its lexicon and its cross-validated figures.");
  m.def(
      "rank_languages",
      [](const py::bytes& data) {
        const std::string_view text = data;
        std::vector<presslens::LanguageGuess> ranked;
        {
          py::gil_scoped_release release;
          ranked = presslens::LanguageIdentifier::builtin().rank(text);
        }
        py::list result;
        for (const auto& guess : ranked)
          result.append(py::make_tuple(guess.lang, guess.confidence));
        return result;
      },
      py::arg("data"), "(language, probability) of every language for UTF-8 text, best first.");

  m.def("builtin_languages", &presslens::LanguagePack::builtin_languages,
        "Languages with a built-in language pack.");
  bind_tables(m);

  py::class_<Document>(m, "Document", "An analysed document (spans in code points).")
      .def_property_readonly(
          "text", [](const Document& d) { return py::str(d.text().data(), d.text().size()); },
          "The analysed text (with U+FFFD where invalid UTF-8 was replaced).")
      .def_property_readonly("lang", &Document::lang)
      .def_property_readonly("lang_confidence", &Document::lang_confidence,
                             "The identifier's probability for a language it found, else None.")
      .def_property_readonly("replacements", &Document::replacements,
                             "How many U+FFFD replaced invalid UTF-8.")
      .def("paragraphs", &paragraphs, "(start, end) of each paragraph.")
      .def("sentences", &sentences,
           "(start, end, paragraph, quote indices, quoted share) of each sentence.")
      .def("structure", &structure, "The structure layer as plain data.")
      .def("tokens", &tokens, "(start, end, kind, sentence) of each token.")
      .def_property_readonly("has_syntax", &Document::has_syntax)
      .def("words", &words,
           "(start, end, token, sentence, pos, head, form, lemma, feats, relation) of each word.")
      .def(
          "roots",
          [](const Document& d) {
            py::list roots;
            for (const auto root : syntax_of(d).roots) {
              roots.append(root == presslens::kNoHead ? py::object(py::none()) : py::cast(root));
            }
            return roots;
          },
          "The root word of each sentence (None for a sentence without words).")
      .def(
          "main_words",
          [](const Document& d) {
            py::list result;
            for (const auto w : syntax_of(d).main_words(d.tokens().size())) {
              result.append(w == presslens::kNoHead ? py::object(py::none()) : py::cast(w));
            }
            return result;
          },
          "The word carrying each token's analysis (None for a token without words).")
      .def(
          "noun_chunks", [](const Document& d) { return phrases(d, syntax_of(d).noun_chunks); },
          "(start, end, first word, end word, head word) of each noun chunk.")
      .def(
          "names", [](const Document& d) { return phrases(d, syntax_of(d).names); },
          "(start, end, first word, end word, head word) of each proper name.")
      .def("quotes", &quotes, "Quotes as plain tuples (spans in code points).")
      .def("unpaired_quote_marks", &unpaired_marks, "Code-point offsets of unpaired marks.")
      .def("claims", &claims, "One claim reading per sentence, as plain tuples.")
      .def_property_readonly(
          "source_format", [](const Document& d) { return d.html() != nullptr ? "html" : "text"; })
      .def("metadata", &page_metadata, "The page's metadata (a dict), or None for plain text.")
      .def(
          "html_bytes",
          [](const Document& d, std::uint32_t start, std::uint32_t end) -> py::object {
            if (d.html() == nullptr) return py::none();
            const presslens::Span text{d.to_bytes(start), d.to_bytes(end)};
            const presslens::Span source = d.html()->source_map.source(text);
            return py::make_tuple(source.begin, source.end);
          },
          py::arg("start"), py::arg("end"),
          "The HTML bytes (start, end) that the text's code points [start, end) were read from.");

  py::class_<presslens::Analyzer>(m, "Analyzer", "The C++ analyzer; immutable and thread-safe.")
      .def(py::init([](const std::string& lang, std::string_view errors,
                       const std::filesystem::path& pack_dir, bool detect_structure, bool tokens,
                       bool syntax, bool quotes, bool claims, std::string_view format) {
             presslens::Options options;
             options.lang = lang;
             options.utf8_policy = utf8_policy(errors);
             options.format = input_format(format);
             options.pack_dir = pack_dir;
             options.detect_structure = detect_structure;
             options.tokens = tokens;
             options.syntax = syntax;
             options.quotes = quotes;
             options.claims = claims;
             return presslens::Analyzer(options);
           }),
           py::arg("lang") = "en", py::arg("errors") = "strict", py::arg("pack_dir") = "",
           py::arg("detect_structure") = true, py::arg("tokens") = true, py::arg("syntax") = true,
           py::arg("quotes") = true, py::arg("claims") = true, py::arg("format") = "auto")
      .def_property_readonly("has_syntax_model",
                             [](const presslens::Analyzer& a) { return a.syntax().available(); })
      .def(
          "parse_words",
          [](const presslens::Analyzer& analyzer,
             const std::vector<std::vector<std::string>>& sentences) {
            std::vector<std::vector<presslens::ParsedWord>> parsed(sentences.size());
            {
              py::gil_scoped_release release;
              std::vector<std::string_view> words;
              for (std::size_t s = 0; s < sentences.size(); ++s) {
                words.assign(sentences[s].begin(), sentences[s].end());
                parsed[s] = analyzer.syntax().parse_words(words);
              }
            }
            py::list result;
            for (const auto& sentence : parsed) {
              py::list out;
              for (const auto& w : sentence) {
                out.append(py::make_tuple(presslens::to_string(w.pos), w.lemma, w.feats, w.head,
                                          w.relation));
              }
              result.append(out);
            }
            return result;
          },
          py::arg("sentences"),
          "(upos, lemma, feats, head, relation) of each word of each pre-split sentence.")
      .def_property_readonly("lang", [](const presslens::Analyzer& a) { return a.options().lang; })
      .def_property_readonly(
          "has_builtin_data",
          [](const presslens::Analyzer& a) { return a.language().has_builtin_data(); })
      .def(
          "analyze",
          [](const presslens::Analyzer& analyzer, const py::bytes& data) {
            const std::string_view text = data;  // borrowed: the caller holds `data`
            py::gil_scoped_release release;
            return analyzer.analyze(text);
          },
          py::arg("data"), "Analyse UTF-8 bytes.")
      .def(
          "analyze_batch",
          [](const presslens::Analyzer& analyzer, const std::vector<py::bytes>& data,
             unsigned threads) {
            std::vector<std::string_view> texts(data.begin(), data.end());
            py::gil_scoped_release release;
            return analyzer.analyze_batch(texts, threads);
          },
          py::arg("data"), py::arg("threads") = 0,
          "Analyse many UTF-8 byte strings on `threads` threads, results in input order.")
      .def(
          "keywords",
          [](const presslens::Analyzer& analyzer, const Document& document, std::uint32_t min_words,
             std::uint32_t max_words, bool stem, bool names, bool compound_parts,
             std::string_view quoted) {
            presslens::KeywordOptions options{min_words, max_words, stem, names, compound_parts};
            options.quoted = quoted_matter(quoted);
            std::vector<presslens::Keyword> keywords;
            {
              py::gil_scoped_release release;
              keywords = analyzer.keywords(document, options);
            }
            return keyword_tuples(document, keywords);
          },
          py::arg("document"), py::arg("min_words") = 1, py::arg("max_words") = 3,
          py::arg("stem") = true, py::arg("names") = true, py::arg("compound_parts") = true,
          py::arg("quoted") = "include",
          "Term counts: (key, start, end, count, words, score), most frequent first.")
      .def(
          "keyphrases",
          [](const presslens::Analyzer& analyzer, const Document& document, std::size_t top) {
            std::vector<presslens::Keyword> keyphrases;
            {
              py::gil_scoped_release release;
              keyphrases = analyzer.keyphrases(document, top);
            }
            return keyword_tuples(document, keyphrases);
          },
          py::arg("document"), py::arg("top") = 10,
          "Ranked keyphrases: (key, start, end, count, words, score, ranked_by), best first.")
      .def(
          "claim_features",
          [](const presslens::Analyzer& analyzer, const Document& document, bool words) {
            return analyzer.for_language(document.lang())
                .claims()
                .features(document, {0, static_cast<std::uint32_t>(document.text().size())}, words);
          },
          py::arg("document"), py::arg("words") = true,
          "Hashed claim-model features of the whole text (for training).")
      .def_property_readonly("check_threshold",
                             [](const presslens::Analyzer& a) { return a.claims().threshold(); })
      .def_property_readonly(
          "claim_threshold",
          [](const presslens::Analyzer& a) { return a.claims().claim_threshold(); })
      .def(
          "key",
          [](const presslens::Analyzer& analyzer, std::string_view word) {
            return analyzer.tokenizer().key(word);
          },
          py::arg("word"), "The normalised key a word is counted under.")
      .def(
          "phrase_key",
          [](const presslens::Analyzer& analyzer, std::string_view phrase) {
            return analyzer.phrase_key(phrase);
          },
          py::arg("phrase"), "The key a phrase is counted under (its words keyed and stemmed).");

  // A corpus Python threads may share: analyses run outside the lock (and the GIL), each adds
  // its counts to a partial corpus, and the partial is merged under the lock. Counts merge
  // exactly, so the result does not depend on the threads' order.
  py::class_<SharedCorpus>(m, "Corpus", "Corpus statistics (see presslens.Corpus).")
      .def(py::init<>())
      .def_property_readonly("documents",
                             [](const SharedCorpus& shared) {
                               return shared.read([](const auto& c) { return c.documents(); });
                             })
      .def(
          "add",
          [](SharedCorpus& shared, const presslens::Analyzer& analyzer, const Document& document,
             const std::string& group, std::uint32_t min_words, std::uint32_t max_words,
             bool stem) {
            py::gil_scoped_release release;
            presslens::Corpus partial;
            partial.add(document,
                        analyzer.keywords(document, keyword_options(min_words, max_words, stem)),
                        group);
            shared.merge(partial);
          },
          py::arg("analyzer"), py::arg("document"), py::arg("group"), py::arg("min_words"),
          py::arg("max_words"), py::arg("stem"))
      .def(
          "add_texts",
          [](SharedCorpus& shared, const presslens::Analyzer& analyzer,
             const std::vector<py::bytes>& data, const std::vector<std::string>& groups,
             unsigned threads, std::uint32_t min_words, std::uint32_t max_words, bool stem) {
            std::vector<std::string_view> texts(data.begin(), data.end());
            py::gil_scoped_release release;
            presslens::Corpus partial;
            partial.add_texts(analyzer, texts, groups, threads,
                              keyword_options(min_words, max_words, stem));
            shared.merge(partial);
          },
          py::arg("analyzer"), py::arg("data"), py::arg("groups"), py::arg("threads"),
          py::arg("min_words"), py::arg("max_words"), py::arg("stem"))
      .def(
          "merge",
          [](SharedCorpus& shared, const SharedCorpus& other) {
            // A copy taken under the other's lock, merged under ours: never both locks at once,
            // so a.merge(b) and b.merge(a) on two threads cannot deadlock (nor a.merge(a)).
            const presslens::Corpus copy = other.read([](const auto& c) { return c; });
            shared.merge(copy);
          },
          py::arg("other"))
      .def(
          "document_frequency",
          [](const SharedCorpus& shared, std::string_view key) {
            return shared.read([&](const auto& c) { return c.document_frequency(key); });
          },
          py::arg("key"))
      .def("groups",
           [](const SharedCorpus& shared) {
             return shared.read([](const auto& c) { return c.groups(); });
           })
      .def(
          "group_documents",
          [](const SharedCorpus& shared, std::string_view group) {
            return shared.read([&](const auto& c) { return c.group_documents(group); });
          },
          py::arg("group"))
      .def(
          "top",
          [](const SharedCorpus& shared, std::size_t n, const std::optional<std::string>& group) {
            return term_tuples(
                shared.read([&](const auto& c) { return group ? c.top(n, *group) : c.top(n); }));
          },
          py::arg("n"), py::arg("group") = py::none(),
          "(key, text, count, documents, score) of the most frequent terms.")
      .def(
          "speakers",
          [](const SharedCorpus& shared, std::size_t n, const std::optional<std::string>& group) {
            const auto speakers = shared.read(
                [&](const auto& c) { return group ? c.speakers(n, *group) : c.speakers(n); });
            py::list result;
            for (const auto& s : speakers) {
              result.append(py::make_tuple(s.key, s.name, presslens::to_string(s.type), s.quotes,
                                           s.documents));
            }
            return result;
          },
          py::arg("n"), py::arg("group") = py::none(),
          "(key, name, type, quotes, documents) of the speakers with most quotes.")
      .def(
          "tfidf",
          [](const SharedCorpus& shared, const presslens::Analyzer& analyzer,
             const Document& document, std::size_t n, std::uint32_t min_words,
             std::uint32_t max_words, bool stem) {
            const auto terms =
                analyzer.keywords(document, keyword_options(min_words, max_words, stem));
            return term_tuples(
                shared.read([&](const auto& c) { return c.tfidf(document, terms, n); }));
          },
          py::arg("analyzer"), py::arg("document"), py::arg("n"), py::arg("min_words"),
          py::arg("max_words"), py::arg("stem"))
      .def(
          "keyness",
          [](const SharedCorpus& shared, const std::string& group, std::size_t n) {
            return term_tuples(shared.read([&](const auto& c) { return c.keyness(group, n); }));
          },
          py::arg("group"), py::arg("n"),
          "(key, text, count in the group, documents, z-score) of the group's most distinctive terms.")
      .def(
          "count",
          [](const SharedCorpus& shared, std::string_view key, std::string_view group) {
            return shared.read([&](const auto& c) { return c.count(key, group); });
          },
          py::arg("key"), py::arg("group"))
      .def(
          "group_terms",
          [](const SharedCorpus& shared, std::string_view group) {
            return shared.read([&](const auto& c) { return c.group_terms(group); });
          },
          py::arg("group"))
      .def("dumps",
           [](const SharedCorpus& shared) {
             std::ostringstream out;
             shared.read([&](const auto& c) {
               c.save(out);
               return 0;
             });
             return py::bytes(out.str());
           })
      .def_static("loads", [](const py::bytes& data) {
        std::istringstream in{std::string(data)};
        return std::make_unique<SharedCorpus>(presslens::Corpus::load(in));
      });
}
