// presslens._presslens.TableBuilder: tables of many documents, built in C++ as typed columns with
// the GIL released and handed to Python without copying (docs/tables.md). Numbers become NumPy
// arrays over the C++ vectors; strings stay in Arrow's large_string layout (one UTF-8 buffer and
// offsets) for pyarrow to wrap, or, without pyarrow, become str objects here (one copy).
#include "tables.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "presslens/presslens.hpp"

namespace py = pybind11;

namespace {

// A NumPy array over `values`, which it keeps alive (no copy).
template <typename T>
py::array owned_array(std::vector<T>&& values, const py::dtype& dtype) {
  auto* owner = new std::vector<T>(std::move(values));
  const py::capsule release(owner, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array(dtype, {owner->size()}, {sizeof(T)}, owner->data(), release);
}

py::array bytes_array(std::string&& data) {
  auto* owner = new std::string(std::move(data));
  const py::capsule release(owner, [](void* p) { delete static_cast<std::string*>(p); });
  return py::array(py::dtype("uint8"), {owner->size()}, {1}, owner->data(), release);
}

// The missing flags as a NumPy bool array, or None when nothing is missing.
py::object mask(std::vector<std::uint8_t>&& missing) {
  if (missing.empty()) return py::none();
  return owned_array(std::move(missing), py::dtype("bool"));
}

// Strings as (data, offsets, mask) for pyarrow, or as a list of str (None where missing).
py::object strings(presslens::Strings&& column, bool arrow) {
  if (arrow) {
    return py::make_tuple(bytes_array(std::move(column.data)),
                          owned_array(std::move(column.offsets), py::dtype("int64")),
                          mask(std::move(column.missing)));
  }
  const std::size_t rows = column.size();
  py::list result(rows);
  for (std::size_t row = 0; row < rows; ++row) {
    if (!column.missing.empty() && column.missing[row]) {
      result[row] = py::none();
    } else {
      const std::string_view text = column.at(row);
      PyObject* str =
          PyUnicode_DecodeUTF8(text.data(), static_cast<py::ssize_t>(text.size()), "strict");
      if (str == nullptr) throw py::error_already_set();
      result[row] = py::reinterpret_steal<py::object>(str);
    }
  }
  return result;
}

// A list of str per row; each distinct string becomes one str object.
py::list string_lists(const presslens::StringLists& column) {
  std::unordered_map<std::string_view, py::str> interned;
  py::list result(column.size());
  for (std::size_t row = 0; row < column.size(); ++row) {
    py::list items;
    for (auto i = column.offsets[row]; i < column.offsets[row + 1]; ++i) {
      const std::string_view item = column.items.at(static_cast<std::size_t>(i));
      auto found = interned.find(item);
      if (found == interned.end()) found = interned.emplace(item, py::str(item)).first;
      items.append(found->second);
    }
    result[row] = items;
  }
  return result;
}

// (kind, ...) of a column: ("int", values, mask), ("float", values, mask), ("bool", values),
// ("str", (data, offsets, mask) or [str]), ("list", [[str]]).
py::tuple column_to_python(presslens::Column&& column, bool arrow) {
  return std::visit(
      [&](auto&& values) -> py::tuple {
        using Type = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<Type, presslens::Values<std::int64_t>>) {
          return py::make_tuple("int", owned_array(std::move(values.values), py::dtype("int64")),
                                mask(std::move(values.missing)));
        } else if constexpr (std::is_same_v<Type, presslens::Values<double>>) {
          return py::make_tuple("float",
                                owned_array(std::move(values.values), py::dtype("float64")),
                                mask(std::move(values.missing)));
        } else if constexpr (std::is_same_v<Type, presslens::Values<std::uint8_t>>) {
          return py::make_tuple("bool", owned_array(std::move(values.values), py::dtype("bool")));
        } else if constexpr (std::is_same_v<Type, presslens::Strings>) {
          return py::make_tuple("str", strings(std::move(values), arrow));
        } else {
          return py::make_tuple("list", string_lists(values));
        }
      },
      std::move(column));
}

// A TableBuilder that Python threads may share: calls take turns.
struct SharedTableBuilder {
  explicit SharedTableBuilder(presslens::TableOptions options) : builder(std::move(options)) {}
  presslens::TableBuilder builder;
  std::mutex mutex;
};

}  // namespace

void bind_tables(py::module_& m) {
  py::class_<SharedTableBuilder>(m, "TableBuilder",
                                 "Tables of many documents as typed columns (see docs/tables.md).")
      .def(py::init(
               [](const std::vector<std::string>& layers, std::optional<std::size_t> keywords_top) {
                 presslens::TableOptions options;
                 options.layers.clear();
                 for (const auto& layer : layers)
                   options.layers.push_back(presslens::table_layer(layer));
                 options.keywords_top = keywords_top;
                 options.code_points = true;
                 return std::make_unique<SharedTableBuilder>(std::move(options));
               }),
           py::arg("layers"), py::arg("keywords_top") = 50)
      .def(
          "add",
          [](SharedTableBuilder& shared, const presslens::Analyzer& analyzer,
             const std::vector<py::bytes>& data, const std::vector<std::int64_t>& ids,
             unsigned threads) {
            std::vector<std::string_view> texts(data.begin(), data.end());
            py::gil_scoped_release release;
            const std::lock_guard lock(shared.mutex);
            shared.builder.add(analyzer, texts, ids, threads);
          },
          py::arg("analyzer"), py::arg("data"), py::arg("ids"), py::arg("threads") = 0,
          "Analyses UTF-8 texts on `threads` threads and appends their rows under `ids`.")
      .def(
          "add_document",
          [](SharedTableBuilder& shared, const presslens::Analyzer& analyzer,
             const presslens::Document& document, std::int64_t id) {
            py::gil_scoped_release release;
            const std::lock_guard lock(shared.mutex);
            shared.builder.add(analyzer, document, id);
          },
          py::arg("analyzer"), py::arg("document"), py::arg("id"),
          "Appends the rows of a document `analyzer` made.")
      .def(
          "take",
          [](SharedTableBuilder& shared, bool arrow) {
            std::vector<presslens::Table> tables;
            {
              py::gil_scoped_release release;
              const std::lock_guard lock(shared.mutex);
              tables = shared.builder.take();
            }
            py::dict result;
            for (presslens::Table& table : tables) {
              py::dict columns;
              for (std::size_t c = 0; c < table.columns.size(); ++c) {
                columns[py::str(table.column_names[c])] =
                    column_to_python(std::move(table.columns[c]), arrow);
              }
              result[py::str(table.name)] = columns;
            }
            return result;
          },
          py::arg("arrow"),
          "The tables ({table: {column: (kind, ...)}}), rows by document id; empties the builder."
          " Strings as (UTF-8 data, int64 offsets, mask) with `arrow`, else lists of str.");
}
