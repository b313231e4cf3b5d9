#include "detail/claim_model.hpp"

#include "detail/binary_io.hpp"
#include "detail/embedded_files.hpp"
#include "presslens/claims.hpp"

namespace presslens::detail {
namespace {

constexpr std::string_view kBuiltinPath = "mul/claims.model";

}  // namespace

ClaimModel::ClaimModel(std::string_view bytes, std::string_view source)
    : ClaimModel(ByteReader(bytes, source)) {}

// After the calibrated model's rows: the decision threshold and the feature families.
ClaimModel::ClaimModel(ByteReader&& in) : CalibratedModel(in, kMagic, kVersion) {
  threshold_ = in.get<float>();
  if (!(threshold_ > 0 && threshold_ < 1)) in.fail("a threshold outside (0, 1)");
  families_ = in.get<std::uint32_t>();
  if ((families_ & ~kAllClaimFeatures) != 0)
    in.fail("feature families this presslens does not know");
  if (!in.at_end()) in.fail("bytes after its end");
}

const ClaimModel* ClaimModel::builtin() { return embedded_model<ClaimModel>(kBuiltinPath); }

std::string ClaimModel::serialise(const SparseRows& rows, float slope, float intercept,
                                  float threshold, std::uint32_t families) {
  ByteWriter out;
  write(out, kMagic, kVersion, rows, slope, intercept);
  out.put<float>(threshold);
  out.put<std::uint32_t>(families);
  return out.take();
}

}  // namespace presslens::detail
