#include "presslens/version.hpp"

namespace presslens {

const char* version() noexcept { return PRESSLENS_VERSION; }

}  // namespace presslens
