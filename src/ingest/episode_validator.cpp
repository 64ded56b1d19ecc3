#include "ingest/episode_validator.hpp"

#include "ingest/cell_parsers.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kProvider, kAdmissionDate, kOutcome };

}  // namespace

EpisodeValidator::EpisodeValidator(std::istream& input, AuditId audit, const References& references,
                                   ValidationReport& report, std::size_t chunk_rows)
    : rows_(input,
            {{"organisation_code", true, "provider_code provider org_code"},
             {"admission_date", true, "date admit_date admission"},
             {"outcome", true, "died death event"}},
            report, RowReader::Extra::keep),
      audit_(audit),
      references_(references),
      chunk_rows_(chunk_rows == 0 ? 1 : chunk_rows) {}

std::optional<OrganisationId> EpisodeValidator::provider() {
  const auto code = rows_.text(kProvider);
  if (!code) return std::nullopt;
  if (*code == last_code_ && last_id_.valid()) return last_id_;
  const auto* organisation = references_.organisation(*code);
  if (organisation == nullptr) {
    rows_.problem(kProvider, "is not a known organisation");
    return std::nullopt;
  }
  last_code_ = *code;
  last_id_ = organisation->id;
  return organisation->id;
}

bool EpisodeValidator::next_chunk(domain::EpisodeColumns& chunk) {
  const auto& names = covariates();
  chunk.audit_id = audit_;
  chunk.covariate_names = names;
  chunk.provider.clear();
  chunk.admission_date.clear();
  chunk.outcome.clear();
  chunk.covariate_values.assign(names.size(), {});
  chunk.provider.reserve(chunk_rows_);
  chunk.admission_date.reserve(chunk_rows_);
  chunk.outcome.reserve(chunk_rows_);
  for (auto& values : chunk.covariate_values) values.reserve(chunk_rows_);

  while (chunk.size() < chunk_rows_ && rows_.next()) {
    const auto id = provider();
    const auto date = rows_.date(kAdmissionDate);
    std::optional<bool> outcome;
    if (const auto text = rows_.text(kOutcome)) {
      if (const auto parsed = parse_flag_cell(*text)) {
        outcome = *parsed;
      } else {
        rows_.problem(kOutcome, "is not an outcome (expected 1 for the event, e.g. death, or 0 for none)");
      }
    }
    if (!rows_.row_ok() || !id || !date || !outcome) continue;
    chunk.provider.push_back(*id);
    chunk.admission_date.push_back(*date);
    chunk.outcome.push_back(*outcome ? 1 : 0);
    for (std::size_t c = 0; c < names.size(); ++c) chunk.covariate_values[c].emplace_back(rows_.extra_cell(c));
  }
  return chunk.size() > 0;
}

}  // namespace clinaudit::ingest
