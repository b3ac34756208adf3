// ccmlog/result.h: a value or an error a person can act on.
//
//   ccmlog::Result<Report> r = ccmlog::analyzeFiles(paths);
//   if (!r) { std::cerr << r.error().message << '\n'; return 3; }
//   use(r->outcome);
//
// Errors are for things the caller must handle (a file that cannot be
// opened, an option that makes no sense). Malformed log content is never an
// error: it becomes records of kind Unparsed or Orphan.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ccmlog {

/// What went wrong, worded for the person running the tool ("cannot open
/// 'x.log': Permission denied").
struct Error {
  std::string message;
};

/// Either a T or an Error. Accessing the wrong side is a programming error.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  explicit operator bool() const { return state_.index() == 0; }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace ccmlog
