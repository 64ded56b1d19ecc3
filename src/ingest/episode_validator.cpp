#include "ingest/episode_validator.hpp"

#include <cmath>
#include <limits>

#include "ingest/cell_parsers.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kProvider, kAdmissionDate, kFirstDatasetColumn };

std::vector<ColumnSpec> column_specs(const domain::Dataset& dataset) {
  std::vector<ColumnSpec> specs{{"organisation_code", true, "provider_code provider org_code"},
                                {"admission_date", true, "date admit_date admission"}};
  for (const auto& column : dataset.columns) specs.push_back(ColumnSpec{column.name, column.required, {}});
  return specs;
}

}  // namespace

EpisodeValidator::EpisodeValidator(std::istream& input, AuditId audit, domain::Dataset dataset,
                                   const References& references, ValidationReport& report, std::size_t chunk_rows)
    : dataset_(std::move(dataset)),
      rows_(input, column_specs(dataset_), report, RowReader::Extra::unknown),
      audit_(audit),
      references_(references),
      chunk_rows_(chunk_rows == 0 ? 1 : chunk_rows) {
  for (std::size_t c = 0; c < dataset_.columns.size(); ++c) {
    if (!rows_.has(kFirstDatasetColumn + c)) continue;
    present_.push_back(c);
    names_.push_back(dataset_.columns[c].name);
  }
}

std::optional<OrganisationId> EpisodeValidator::provider() {
  const auto code = rows_.text(kProvider);
  if (!code) return std::nullopt;
  if (const auto known = known_providers_.find(*code); known != known_providers_.end()) return known->second;
  const auto* organisation = references_.organisation(*code);
  if (organisation == nullptr) {
    rows_.problem(kProvider, "is not a known organisation");
    return std::nullopt;
  }
  known_providers_.emplace(std::string(*code), organisation->id);
  return organisation->id;
}

void EpisodeValidator::read_cell(const domain::DatasetColumn& column, std::size_t spec, domain::EpisodeColumn& into) {
  constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  switch (column.type) {
    case domain::ValueType::number: {
      const auto value = rows_.number(spec);
      if (value) {
        if (const auto kept = domain::check_value(column, *value); !kept) rows_.problem(spec, kept.error().message);
      }
      into.numbers.push_back(value.value_or(kMissing));
      break;
    }
    case domain::ValueType::yes_no: {
      const auto value = rows_.flag(spec);
      into.numbers.push_back(value ? (*value ? 1.0 : 0.0) : kMissing);
      break;
    }
    case domain::ValueType::date: {
      const auto value = rows_.date(spec);
      into.numbers.push_back(value ? static_cast<double>(value->days_since_epoch()) : kMissing);
      break;
    }
    case domain::ValueType::category: {
      const auto value = rows_.text(spec);
      if (value) {
        if (const auto kept = domain::check_value(column, *value); !kept) rows_.problem(spec, kept.error().message);
      }
      into.texts.emplace_back(value.value_or(std::string_view()));
      break;
    }
  }
}

bool EpisodeValidator::next_chunk(domain::EpisodeColumns& chunk) {
  chunk.audit_id = audit_;
  chunk.provider.clear();
  chunk.admission_date.clear();
  chunk.columns.resize(present_.size());
  for (std::size_t i = 0; i < present_.size(); ++i) {
    const auto& declared = dataset_.columns[present_[i]];
    auto& column = chunk.columns[i];
    column.name = declared.name;
    column.type = declared.type;
    column.numbers.clear();
    column.texts.clear();
  }
  chunk.provider.reserve(chunk_rows_);
  chunk.admission_date.reserve(chunk_rows_);

  while (chunk.size() < chunk_rows_ && rows_.next()) {
    const auto id = provider();
    const auto date = rows_.date(kAdmissionDate);
    for (std::size_t i = 0; i < present_.size(); ++i) {
      read_cell(dataset_.columns[present_[i]], kFirstDatasetColumn + present_[i], chunk.columns[i]);
    }
    if (!rows_.row_ok() || !id || !date) {
      for (auto& column : chunk.columns) {  // take the row's values back out
        if (column.holds_text()) {
          column.texts.pop_back();
        } else {
          column.numbers.pop_back();
        }
      }
      continue;
    }
    chunk.provider.push_back(*id);
    chunk.admission_date.push_back(*date);
  }
  return chunk.size() > 0;
}

}  // namespace clinaudit::ingest
