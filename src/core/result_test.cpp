#include "core/result.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <memory>
#include <string>

namespace clinaudit {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0) return Error{ErrorCode::invalid_input, "odd"};
  return n / 2;
}

TEST(Result, HoldsAValueOrAnError) {
  const auto ok = half(4);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 2);
  const auto bad = half(3);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(bad.error().message, "odd");
  EXPECT_EQ(bad.value_or(-1), -1);
}

TEST(Result, MovesOwnedValuesOut) {
  Result<std::unique_ptr<std::string>> owned = std::make_unique<std::string>("x");
  ASSERT_TRUE(owned);
  const auto taken = std::move(owned).value();
  EXPECT_EQ(*taken, "x");
}

TEST(Result, VoidResultsCarryOnlyErrors) {
  const Result<void> ok;
  EXPECT_TRUE(ok);
  const Result<void> bad = Error{ErrorCode::conflict, "duplicate code"};
  ASSERT_FALSE(bad);
  EXPECT_EQ(to_string(bad.error().code), "conflict");
}

// Counts the copies made of it, so that a test can see a value moved rather than copied.
struct Counted {
  int copies = 0;
  Counted() = default;
  Counted(const Counted& other) : copies(other.copies + 1) {}
  Counted(Counted&&) noexcept = default;
  Counted& operator=(const Counted&) = delete;
  Counted& operator=(Counted&&) = delete;
  ~Counted() = default;
};

Result<Counted> counted(bool ok) {
  if (!ok) return Error{ErrorCode::not_found, "no such record"};
  return Counted{};
}

Result<int> quarter(int n) {
  CLINAUDIT_TRY(const int halved, half(n));
  CLINAUDIT_TRY(const int twice_halved, half(halved));
  return twice_halved;
}

// The enclosing function returns a Result of another type than the expression's.
Result<std::string> copies_made(bool ok) {
  CLINAUDIT_TRY(auto value, counted(ok));
  return std::to_string(value.copies);
}

Result<void> checked(bool ok) {
  if (!ok) return Error{ErrorCode::conflict, "already closed"};
  return {};
}

Result<std::string> after_check(bool ok) {
  CLINAUDIT_TRY_VOID(checked(ok));
  return std::string("checked");
}

Result<void> twice_checked(bool first, bool second) {
  CLINAUDIT_TRY_VOID(checked(first));
  CLINAUDIT_TRY_VOID(checked(second));
  return {};
}

TEST(Try, GivesTheValueOnSuccess) {
  const auto result = quarter(12);
  ASSERT_TRUE(result);
  EXPECT_EQ(*result, 3);
}

TEST(Try, PropagatesTheErrorUnchanged) {
  const auto first = quarter(3);  // 3 is odd: the first step fails
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(first.error().message, "odd");
  const auto second = quarter(6);  // 6 halves to 3: the second step fails
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().message, "odd");
  const auto other_type = copies_made(false);
  ASSERT_FALSE(other_type);
  EXPECT_EQ(other_type.error().code, ErrorCode::not_found);
  EXPECT_EQ(other_type.error().message, "no such record");
}

TEST(Try, MovesTheValueOut) {
  const auto copies = copies_made(true);
  ASSERT_TRUE(copies);
  EXPECT_EQ(*copies, "0");
  const auto owned = [](const std::string& text) -> Result<std::size_t> {
    CLINAUDIT_TRY(auto pointer, Result<std::unique_ptr<std::string>>(std::make_unique<std::string>(text)));
    return pointer->size();
  };
  EXPECT_EQ(owned("four").value_or(0), 4U);
}

TEST(Try, AssignsAnExistingVariable) {
  const auto twice = [](int n) -> Result<int> {
    int value = 0;
    CLINAUDIT_TRY(value, half(n));
    return value * 2;
  };
  EXPECT_EQ(twice(8).value_or(0), 8);
  EXPECT_FALSE(twice(7));
}

TEST(Try, WorksForResultVoid) {
  EXPECT_EQ(after_check(true).value_or(""), "checked");
  const auto refused = after_check(false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_EQ(refused.error().message, "already closed");
  EXPECT_TRUE(twice_checked(true, true));
  EXPECT_FALSE(twice_checked(true, false));
  EXPECT_FALSE(twice_checked(false, true));
}

TEST(Try, EvaluatesTheExpressionOnce) {
  int calls = 0;
  const auto count_call = [&calls](bool ok) -> Result<int> {
    ++calls;
    if (!ok) return Error{ErrorCode::internal, "failed"};
    return calls;
  };
  const auto value_of = [&count_call](bool ok) -> Result<int> {
    CLINAUDIT_TRY(const int value, count_call(ok));
    return value;
  };
  EXPECT_EQ(value_of(true).value_or(0), 1);
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(value_of(false));
  EXPECT_EQ(calls, 2);
  const auto checked_once = [&count_call](bool ok) -> Result<void> {
    CLINAUDIT_TRY_VOID(count_call(ok));
    return {};
  };
  EXPECT_TRUE(checked_once(true));
  EXPECT_EQ(calls, 3);
  EXPECT_FALSE(checked_once(false));
  EXPECT_EQ(calls, 4);
}

}  // namespace
}  // namespace clinaudit
