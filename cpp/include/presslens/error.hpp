// Exceptions thrown at presslens's API boundary. Each carries a machine-readable code and, where
// the fault has a position in the input, the byte offset of that position.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace presslens {

enum class ErrorCode {
  kInvalidUtf8,      // the input is not well-formed UTF-8 (see InvalidUtf8)
  kInvalidArgument,  // an option or argument is out of range or malformed
  kLanguagePack,     // a language-pack file is unreadable or malformed
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message,
        std::optional<std::size_t> byte_offset = std::nullopt)
      : std::runtime_error(message), code_(code), byte_offset_(byte_offset) {}

  ErrorCode code() const noexcept { return code_; }
  // Position of the fault in the input, in bytes, when it has one.
  std::optional<std::size_t> byte_offset() const noexcept { return byte_offset_; }

 private:
  ErrorCode code_;
  std::optional<std::size_t> byte_offset_;
};

class InvalidArgument : public Error {
 public:
  explicit InvalidArgument(const std::string& message)
      : Error(ErrorCode::kInvalidArgument, message) {}
};

class LanguagePackError : public Error {
 public:
  explicit LanguagePackError(const std::string& message)
      : Error(ErrorCode::kLanguagePack, message) {}
};

}  // namespace presslens
