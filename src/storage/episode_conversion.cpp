#include "storage/episode_conversion.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "storage/dataset_rows.hpp"
#include "storage/episode_data.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"

namespace clinaudit::storage {
namespace {

constexpr char kUnitSeparator = '\x1f';
constexpr std::int64_t kBatch = 10000;

std::vector<std::string> split(const std::string& joined, std::size_t count) {
  std::vector<std::string> values;
  std::size_t start = 0;
  while (values.size() < count) {
    if (start > joined.size()) {
      values.emplace_back();
      continue;
    }
    std::size_t end = joined.find(kUnitSeparator, start);
    if (end == std::string::npos) end = joined.size();
    values.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return values;
}

std::optional<double> as_number(const std::string& text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// An old covariate name as a dataset column name, unique among `taken`.
std::string column_name(const std::string& old, std::set<std::string>& taken) {
  std::string name;
  for (const char c : old) {
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    name += (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ? lower : '_';
  }
  if (name.empty() || name[0] < 'a' || name[0] > 'z') name = "x_" + name;
  if (name.size() > 60) name.resize(60);
  std::string unique = name;
  for (int n = 2; taken.contains(unique); ++n) unique = name + "_" + std::to_string(n);
  taken.insert(unique);
  return unique;
}

struct Seen {
  std::string name;  // the new column name
  bool numeric = true;
  std::set<std::string> values;
};

void convert_audit(SqlSession& session, std::int64_t audit) {
  // Each import's covariate names, and what every name holds across the audit's episodes.
  std::map<std::int64_t, std::vector<std::string>> imports;
  each_row(
      session, "SELECT id, column_names FROM episode_imports WHERE audit_id = ? ORDER BY id",
      [&](const SqlRow& row) {
        imports.emplace(row.int64(0), nlohmann::json::parse(row.text(1)).get<std::vector<std::string>>());
      },
      audit);
  std::set<std::string> taken{"provider", "admission_date", "outcome"};
  std::vector<std::string> order;
  std::map<std::string, Seen> seen;
  for (const auto& [id, names] : imports) {
    for (const auto& name : names) {
      if (seen.contains(name)) continue;
      order.push_back(name);
      seen[name].name = column_name(name, taken);
    }
  }
  each_row(
      session, "SELECT import_id, covariates FROM episodes WHERE audit_id = ?",
      [&](const SqlRow& row) {
        const auto& names = imports[row.int64(0)];
        const auto values = split(row.text(1), names.size());
        for (std::size_t c = 0; c < names.size(); ++c) {
          if (values[c].empty()) continue;
          auto& column = seen[names[c]];
          column.numeric = column.numeric && as_number(values[c]).has_value();
          column.values.insert(values[c]);  // a category's allowed values, should it become one
        }
      },
      audit);

  domain::Dataset dataset;
  dataset.audit_id = AuditId{audit};
  dataset.columns.push_back(domain::DatasetColumn{
      "outcome", domain::ValueType::yes_no, false, {}, {}, {}, "The outcome the episode was imported with"});
  for (const auto& old : order) {
    const auto& column = seen[old];
    domain::DatasetColumn declared;
    declared.name = column.name;
    declared.type = column.numeric ? domain::ValueType::number : domain::ValueType::category;
    if (!column.numeric) declared.allowed_values.assign(column.values.begin(), column.values.end());
    declared.description = "Imported as '" + old + "' before the audit declared its dataset";
    dataset.columns.push_back(std::move(declared));
  }
  write_dataset(session, dataset);

  // Each import's rows as typed columns of one row, for the JSON writer.
  std::map<std::int64_t, domain::EpisodeColumns> shapes;
  for (const auto& [id, names] : imports) {
    auto& shape = shapes[id];
    shape.provider.resize(1);
    shape.columns.push_back(domain::EpisodeColumn{"outcome", domain::ValueType::yes_no, {0}, {}});
    std::vector<std::string> new_names{"outcome"};
    for (const auto& name : names) {
      const auto& column = seen[name];
      const auto type = column.numeric ? domain::ValueType::number : domain::ValueType::category;
      shape.columns.push_back(domain::EpisodeColumn{column.name, type, {}, {}});
      if (column.numeric) {
        shape.columns.back().numbers.push_back(0);
      } else {
        shape.columns.back().texts.emplace_back();
      }
      new_names.push_back(column.name);
    }
    execute(session, "UPDATE episode_imports SET column_names = ? WHERE id = ?",
            SqlJson{json_text(nlohmann::json(new_names))}, id);
  }
  struct Row {
    std::int64_t id, import;
    int outcome;
    std::string covariates;
  };
  std::int64_t last = 0;
  std::string data;
  while (true) {
    std::vector<Row> rows;
    each_row(
        session,
        "SELECT id, import_id, outcome, covariates FROM episodes WHERE audit_id = ? AND id > ? ORDER BY id LIMIT ?",
        [&](const SqlRow& row) {
          rows.push_back(Row{row.int64(0), row.int64(1), static_cast<int>(row.int64(2)), row.text(3)});
        },
        audit, last, kBatch);
    if (rows.empty()) break;
    for (const auto& row : rows) {
      auto& shape = shapes[row.import];
      shape.columns[0].numbers.set(0, row.outcome != 0 ? 1.0 : 0.0);
      const auto values = split(row.covariates, shape.columns.size() - 1);
      for (std::size_t c = 1; c < shape.columns.size(); ++c) {
        auto& column = shape.columns[c];
        const auto& text = values[c - 1];
        if (column.holds_text()) {
          column.texts[0] = text;
        } else {
          column.numbers.set(0, as_number(text).value_or(std::numeric_limits<double>::quiet_NaN()));
        }
      }
      data.clear();
      append_episode_data(data, shape, 0);
      execute(session, "UPDATE episodes SET data = ? WHERE id = ?", SqlJson{data}, row.id);
      last = row.id;
    }
  }
}

}  // namespace

void convert_episodes_to_datasets(SqlSession& session) {
  std::vector<std::int64_t> audits;
  each_row(session, "SELECT DISTINCT audit_id FROM episode_imports ORDER BY audit_id",
           [&](const SqlRow& row) { audits.push_back(row.int64(0)); });
  for (const auto audit : audits) convert_audit(session, audit);
}

}  // namespace clinaudit::storage
