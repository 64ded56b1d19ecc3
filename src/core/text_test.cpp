#include "core/text.hpp"

#include <gtest/gtest.h>

namespace clinaudit {
namespace {

TEST(Trimmed, DropsWhiteSpaceAtEitherEndOnly) {
  EXPECT_EQ(trimmed("  died30 ~ age \t\r\n"), "died30 ~ age");
  EXPECT_EQ(trimmed("a  b"), "a  b");
  EXPECT_EQ(trimmed(" \t\n"), "");
  EXPECT_EQ(trimmed(""), "");
}

}  // namespace
}  // namespace clinaudit
