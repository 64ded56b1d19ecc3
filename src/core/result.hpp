#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace clinaudit {

// A value or an Error, shaped like C++23 std::expected<T, Error>: test it with
// has_value() or operator bool, read it with value()/operator*, or error().
// Reading the wrong alternative is a programmer mistake and asserts.
template <typename T>
class [[nodiscard]] Result {
 public:
  using value_type = T;

  Result(const T& value) : data_(value) {}          // NOLINT: implicit by design
  Result(T&& value) : data_(std::move(value)) {}    // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design
  // Converting constructor; constrained so that it never hides the copy and move constructors.
  // NOLINTBEGIN(bugprone-forwarding-reference-overload)
  template <typename U>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, T> &&
           !std::is_same_v<std::remove_cvref_t<U>, Error> && !std::is_same_v<std::remove_cvref_t<U>, Result>)
      Result(U&& value)
      : data_(T(std::forward<U>(value))) {}  // NOLINT(google-explicit-constructor)
  // NOLINTEND(bugprone-forwarding-reference-overload)

  bool has_value() const { return data_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(data_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!has_value());
    return std::get<1>(data_);
  }

  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, Error> data_;
};

// Success or an Error, for operations that return nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const { assert(ok_); }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_{};
  bool ok_ = true;
};

// Shorthand for building an error result.
inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

// The error for input a person can correct: the message says what is wrong with it.
inline Error invalid_input(std::string message) { return Error{ErrorCode::invalid_input, std::move(message)}; }

}  // namespace clinaudit

// Error propagation in one line, instead of `auto x = f(); if (!x) return x.error();`:
//
//   CLINAUDIT_TRY(auto audit, store.audit(id));       // `audit` is the value, or the error is returned
//   CLINAUDIT_TRY_VOID(store.update_action(a, who));  // the error is returned, a value is dropped
//
// The expression (after the first argument of CLINAUDIT_TRY) is evaluated once and gives a
// Result. On error, the enclosing function returns that Error unchanged, so it must return
// something an Error converts to: any Result<U>, whatever U is (a lambda says so with
// `-> Result<U>`). On success, CLINAUDIT_TRY initialises (or assigns) its first argument
// by moving the value out: `auto x`, `const auto x` or `const auto& x`. The first
// argument may not hold a top-level comma (no structured bindings). Each CLINAUDIT_TRY
// declares a hidden variable named after its line, so two on one line do not compile.
// Plain macros, not statement expressions: the build is standard C++ (-Wpedantic).
#define CLINAUDIT_TRY(declaration, ...) CLINAUDIT_TRY_AT_(CLINAUDIT_TRY_NAME_(__LINE__), declaration, __VA_ARGS__)
#define CLINAUDIT_TRY_VOID(...) CLINAUDIT_TRY_VOID_AT_(CLINAUDIT_TRY_NAME_(__LINE__), __VA_ARGS__)

// The parts of the two macros above; not for direct use.
#define CLINAUDIT_TRY_JOIN_(a, b) a##b
#define CLINAUDIT_TRY_NAME_(line) CLINAUDIT_TRY_JOIN_(clinaudit_try_, line)
#define CLINAUDIT_TRY_AT_(result, declaration, ...) \
  auto result = (__VA_ARGS__);                      \
  if (!result) return result.error();               \
  declaration = std::move(result).value()
#define CLINAUDIT_TRY_VOID_AT_(result, ...)                          \
  do {                                                               \
    if (auto result = (__VA_ARGS__); !result) return result.error(); \
  } while (false)
