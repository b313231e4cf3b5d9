// presslens._presslens: the thin binding. It converts types and offsets (UTF-8 bytes in C++,
// code points in Python), maps errors to presslens.errors and releases the GIL around analysis.
// Everything else Python users touch lives in python/presslens/.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <string>
#include <string_view>
#include <vector>

#include "presslens/presslens.hpp"

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

py::list sentences(const Document& document) {
  py::list result;
  for (const auto& sentence : document.sentences()) {
    result.append(py::make_tuple(document.to_code_points(sentence.span.begin),
                                 document.to_code_points(sentence.span.end), sentence.paragraph));
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
  result["authors"] = authors;
  result["date_span"] = optional_span(document, s.date_span);
  result["date"] = s.date;
  result["boilerplate"] = boilerplate;
  return result;
}

presslens::Utf8Policy utf8_policy(std::string_view errors) {
  if (errors == "strict") return presslens::Utf8Policy::kStrict;
  if (errors == "replace") return presslens::Utf8Policy::kReplace;
  throw presslens::InvalidArgument("errors must be 'strict' or 'replace', not '" +
                                   std::string(errors) + "'");
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

PYBIND11_MODULE(_presslens, m, py::mod_gil_not_used()) {
  m.doc() = "The compiled core of presslens. Use the presslens package, not this module.";
  m.attr("__version__") = presslens::version();
  py::register_exception_translator(&translate_errors);

  m.def("builtin_languages", &presslens::LanguagePack::builtin_languages,
        "Languages with a built-in language pack.");

  py::class_<Document>(m, "Document", "An analysed document (spans in code points).")
      .def_property_readonly(
          "text", [](const Document& d) { return py::str(d.text().data(), d.text().size()); },
          "The analysed text (with U+FFFD where invalid UTF-8 was replaced).")
      .def_property_readonly("lang", &Document::lang)
      .def_property_readonly("replacements", &Document::replacements,
                             "How many U+FFFD replaced invalid UTF-8.")
      .def("paragraphs", &paragraphs, "(start, end) of each paragraph.")
      .def("sentences", &sentences, "(start, end, paragraph) of each sentence.")
      .def("structure", &structure, "The structure layer as plain data.");

  py::class_<presslens::Analyzer>(m, "Analyzer", "The C++ analyzer; immutable and thread-safe.")
      .def(py::init([](const std::string& lang, std::string_view errors,
                       const std::filesystem::path& pack_dir, bool detect_structure) {
             return presslens::Analyzer({lang, utf8_policy(errors), pack_dir, detect_structure});
           }),
           py::arg("lang") = "en", py::arg("errors") = "strict",
           py::arg("pack_dir") = std::filesystem::path(), py::arg("detect_structure") = true)
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
          "Analyse many UTF-8 byte strings on `threads` threads, results in input order.");
}
