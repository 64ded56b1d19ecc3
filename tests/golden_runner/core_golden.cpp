// Golden handlers for src/core.
#include "core/date.hpp"
#include "golden_runner/golden_registry.hpp"

namespace clinaudit::golden {
namespace {

// Inputs: date=YYYY-MM-DD. Outputs: year (e.g. 2025/26), first, last.
Result<Values> financial_year(const Values& inputs) {
  const auto text = input(inputs, "date");
  if (!text) return text.error();
  const auto date = Date::parse(*text);
  if (!date) return date.error();
  const auto year = FinancialYear::containing(*date);
  return Values{
      {"year", year.to_string()}, {"first", year.first_day().to_string()}, {"last", year.last_day().to_string()}};
}

const bool registered = register_handler("financial_year", &financial_year);

}  // namespace
}  // namespace clinaudit::golden
