// Golden handlers for src/stats/intervals.hpp.
#include "golden_runner/golden_registry.hpp"
#include "stats/intervals.hpp"

namespace clinaudit::golden {
namespace {

// Inputs: method (wilson|exact|poisson|byar), numerator, denominator, level, optional
// multiplier (the reference's scale, e.g. 100 for a rate per 100). Outputs: lower, upper.
Result<Values> confidence_interval(const Values& inputs) {
  const auto method_text = input(inputs, "method");
  if (!method_text) return method_text.error();
  const auto method = stats::parse_interval_method(*method_text);
  if (!method) return method.error();
  const auto numerator = number_input(inputs, "numerator");
  if (!numerator) return numerator.error();
  const auto denominator = number_input(inputs, "denominator");
  if (!denominator) return denominator.error();
  const auto level = number_input(inputs, "level");
  if (!level) return level.error();
  const auto multiplier = number_input(inputs, "multiplier");
  const double scale = multiplier ? *multiplier : 1.0;
  const auto interval = stats::confidence_interval(*method, *numerator, *denominator, *level);
  if (!interval) return interval.error();
  return Values{{"lower", number_output(interval->lower * scale)}, {"upper", number_output(interval->upper * scale)}};
}

const bool registered = register_handler("confidence_interval", &confidence_interval);

}  // namespace
}  // namespace clinaudit::golden
