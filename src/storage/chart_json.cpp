#include "storage/chart_json.hpp"

#include <cmath>
#include <limits>

namespace clinaudit::storage {

nlohmann::json nullable_number(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

double number_or_nan(const nlohmann::json& value) {
  if (value.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!value.is_number()) throw NotAChart{};
  return value.get<double>();
}

}  // namespace clinaudit::storage
