#include "core/result.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace clinaudit
