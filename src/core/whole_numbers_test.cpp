#include "core/whole_numbers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace clinaudit {
namespace {

std::string library_text(double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  EXPECT_EQ(ec, std::errc());
  return std::string(text, end);
}

std::optional<double> library_value(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Every whole number it writes is written as the library writes the double, byte for byte.
TEST(WholeNumbers, AreWrittenAsToCharsWritesEveryWholeNumberBelowAHundredThousand) {
  for (int n = -99999; n <= 99999; ++n) {
    std::string out = "x";
    ASSERT_TRUE(append_whole_number(out, n)) << n;
    ASSERT_EQ(out, "x" + library_text(n)) << n;
  }
}

// Anything else is left to the library: fractions, larger numbers (where its shortest form may
// be "1e+05"), negative zero, infinities and NaN.
TEST(WholeNumbers, LeaveEveryOtherValueToTheLibrary) {
  for (const double value : {0.5, -0.25, 100000.0, -100000.0, 1e6, 1e300, -0.0, HUGE_VAL, -HUGE_VAL, std::nan("")}) {
    std::string out;
    EXPECT_FALSE(append_whole_number(out, value)) << value;
    EXPECT_TRUE(out.empty());
  }
  EXPECT_EQ(library_text(100000.0), "1e+05") << "why the digits stop at five";
}

// Whole numbers read as the library reads them, to fifteen digits, negative zero included.
TEST(WholeNumbers, ReadAsFromCharsReadsThem) {
  std::mt19937_64 random(20261206);
  std::vector<std::string> texts{"0", "-0", "7", "007", "-12", "999999999999999", "-999999999999999", "100000"};
  for (int i = 0; i < 20000; ++i) {
    const auto digits = 1 + random() % kMaxWholeNumberDigits;
    std::string text = random() % 3 == 0 ? "-" : "";
    for (std::size_t d = 0; d < digits; ++d) text += static_cast<char>('0' + random() % 10);
    texts.push_back(text);
  }
  for (const auto& text : texts) {
    const auto read = read_whole_number(text);
    const auto expected = library_value(text);
    ASSERT_TRUE(read && expected) << text;
    ASSERT_EQ(*read, *expected) << text;
    ASSERT_EQ(std::signbit(*read), std::signbit(*expected)) << text;
  }
}

// As integers: the same numbers, and none for negative zero (only a double holds it) or for
// anything read_whole_number leaves to the library.
TEST(WholeNumbers, ReadAsIntegersWhereAnIntegerHoldsThem) {
  for (const char* text : {"0", "7", "007", "-12", "999999999999999", "-999999999999999"}) {
    const auto integer = read_whole_integer(text);
    ASSERT_TRUE(integer) << text;
    EXPECT_EQ(static_cast<double>(*integer), *read_whole_number(text)) << text;
  }
  for (const char* text : {"-0", "-000", "", "+1", "1.5", "1234567890123456"}) {
    EXPECT_FALSE(read_whole_integer(text)) << text;
  }
}

TEST(WholeNumbers, LeaveAnythingButDigitsToTheLibrary) {
  for (const char* text : {"", "-", "+1", "1.5", "1e3", "12a", " 1", "1,000", "--1", "1234567890123456"}) {
    EXPECT_FALSE(read_whole_number(text)) << text;
  }
}

}  // namespace
}  // namespace clinaudit
