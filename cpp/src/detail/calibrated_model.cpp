#include "detail/calibrated_model.hpp"

#include <cmath>

namespace presslens::detail {

CalibratedModel::CalibratedModel(ByteReader& in, std::string_view magic, std::uint32_t version) {
  if (in.get_string() != magic) in.fail("not a " + std::string(magic));
  if (in.get<std::uint32_t>() != version) in.fail("a model version this presslens cannot read");
  slope_ = in.get<float>();
  intercept_ = in.get<float>();
  if (!std::isfinite(slope_) || !std::isfinite(intercept_)) {
    in.fail("a calibration that is not a number");
  }
  const SparseRows rows = SparseRows::read(in);
  if (rows.width != 2) in.fail("it does not have two classes");
  rows_ = LinearModel(rows);
}

void CalibratedModel::write(ByteWriter& out, std::string_view magic, std::uint32_t version,
                            const SparseRows& rows, float slope, float intercept) {
  out.put_string(magic);
  out.put<std::uint32_t>(version);
  out.put<float>(slope);
  out.put<float>(intercept);
  rows.write(out);
}

}  // namespace presslens::detail
