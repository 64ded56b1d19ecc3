#include "domain/dataset.hpp"

#include <algorithm>
#include <charconv>

#include "domain/enum_text.hpp"

namespace clinaudit::domain {
namespace {

constexpr EnumTable<ValueType, 4> kValueTypes{{
    {ValueType::number, "number"},
    {ValueType::yes_no, "yes_no"},
    {ValueType::category, "category"},
    {ValueType::date, "date"},
}};

// A limit as a person writes it: "120", "0.5".
std::string plain(double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return ec == std::errc() ? std::string(text, end) : std::string("?");
}

}  // namespace

std::string_view to_string(ValueType type) { return enum_text(kValueTypes, type); }
std::optional<ValueType> parse_value_type(std::string_view text) { return enum_from_text(kValueTypes, text); }
std::string_view display_name(ValueType type) { return type == ValueType::yes_no ? "yes/no" : to_string(type); }

const DatasetColumn* Dataset::column(std::string_view name) const {
  for (const auto& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

bool is_column_name(std::string_view name) {
  if (name.empty() || name.size() > 63 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Result<void> check_value(const DatasetColumn& column, double value) {
  if (column.type != ValueType::number) return {};
  if (column.minimum && value < *column.minimum) return invalid_input("is below the minimum " + plain(*column.minimum));
  if (column.maximum && value > *column.maximum) return invalid_input("is above the maximum " + plain(*column.maximum));
  return {};
}

Result<void> check_value(const DatasetColumn& column, std::string_view category) {
  if (column.type != ValueType::category) return {};
  if (std::find(column.allowed_values.begin(), column.allowed_values.end(), category) != column.allowed_values.end()) {
    return {};
  }
  std::string allowed;
  for (const auto& value : column.allowed_values) allowed += (allowed.empty() ? "" : ", ") + value;
  return invalid_input("is not one of the allowed values (" + allowed + ")");
}

}  // namespace clinaudit::domain
