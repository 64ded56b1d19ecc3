#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/compact_numbers.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/dataset.hpp"

namespace clinaudit::domain {

// One dataset column's values for a set of episodes, typed. Numbers, yes/no (1 yes, 0 no)
// and dates (days since 1970-01-01) are held in `numbers`, NaN where the value is missing,
// in a byte or two each where the values allow (a national audit's flags, counts and days);
// categories in `texts`, "" where missing. The other is empty.
struct EpisodeColumn {
  std::string name;
  ValueType type = ValueType::number;
  CompactNumbers numbers;
  std::vector<std::string> texts;

  bool holds_text() const { return type == ValueType::category; }
  std::size_t size() const { return holds_text() ? texts.size() : numbers.size(); }
  bool missing(std::size_t row) const { return holds_text() ? texts[row].empty() : std::isnan(numbers[row]); }
};

// Patient-level records of one national audit, held column by column because a national
// data set has millions of rows: each episode's provider and admission date, then the
// audit's dataset columns (domain/dataset.hpp).
// Invariant: every column has size() entries.
struct EpisodeColumns {
  AuditId audit_id;
  std::vector<OrganisationId> provider;
  std::vector<Date> admission_date;
  std::vector<EpisodeColumn> columns;

  std::size_t size() const { return provider.size(); }
  // The column named `name`, or null.
  const EpisodeColumn* column(std::string_view name) const {
    for (const auto& c : columns) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }
  // Appends an empty column (for building a set of episodes by hand). The reference lasts
  // until the next column is added.
  EpisodeColumn& add_column(std::string name, ValueType type) {
    columns.push_back(EpisodeColumn{std::move(name), type, {}, {}});
    return columns.back();
  }
  // The columns' names, in order.
  std::vector<std::string> column_names() const {
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const auto& c : columns) names.push_back(c.name);
    return names;
  }
};

}  // namespace clinaudit::domain
