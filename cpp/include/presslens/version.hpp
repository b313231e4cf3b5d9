// The library's version.
#pragma once

namespace presslens {

// "MAJOR.MINOR.PATCH", as in CMakeLists.txt.
const char* version() noexcept;

}  // namespace presslens
