#include "core/checksum.hpp"

#include <gtest/gtest.h>

namespace clinaudit {
namespace {

// Expected values are FNV-1a 64 of the bytes named, computed outside the product:
//   h = 0xcbf29ce484222325; for b in bytes: h = ((h ^ b) * 0x100000001b3) mod 2^64
// (that loop gives the published test vector af63dc4c8601ec8c for "a").
TEST(Checksum, IsFnv1aOfTheFieldsEachFollowedBySeparatorByte) {
  EXPECT_EQ(Checksum{}.hex(), "cbf29ce484222325");  // the offset basis: nothing added

  Checksum one;
  one.add("a");
  EXPECT_EQ(one.hex(), "089bc907b544c769");  // "a" 0xff

  Checksum two;
  two.add("ab");
  two.add("c");
  EXPECT_EQ(two.hex(), "20ba9b3025a8b421");  // "ab" 0xff "c" 0xff

  Checksum moved;
  moved.add("a");
  moved.add("bc");
  EXPECT_EQ(moved.hex(), "a0a3542c19b900ab");  // the same characters split elsewhere differ
}

TEST(Checksum, NumbersAddSeventeenSignificantDigits) {
  Checksum number;
  number.add(0.1);
  EXPECT_EQ(number.hex(), "66427e8558322652");  // "0.10000000000000001" 0xff

  Checksum next;  // the next double up differs in the 17th digit, so in the checksum
  next.add(0.10000000000000002);
  EXPECT_NE(next.hex(), number.hex());
}

}  // namespace
}  // namespace clinaudit
