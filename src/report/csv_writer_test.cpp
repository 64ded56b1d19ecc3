#include "report/csv_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clinaudit::report {
namespace {

TEST(CsvWriter, QuotesOnlyWhatMustBeQuoted) {
  std::ostringstream out;
  CsvWriter writer(out);
  writer.row({"plain", "a,b", "say \"hi\"", "two\nlines", ""});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}

}  // namespace
}  // namespace clinaudit::report
