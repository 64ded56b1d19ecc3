#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/action_list.hpp"
#include "domain/analysis_record.hpp"
#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/participation.hpp"
#include "domain/store.hpp"
#include "stats/racusum.hpp"
#include "stats/spc_xmr.hpp"

// "Where does this audit stand?": the audit register, one audit for an organisation, and a
// national audit for the national analysts. The measures' series and funnel plots come from
// measure_series (domain/measure_series.hpp).
namespace clinaudit::domain {

struct AuditRow {
  Audit audit;
  std::optional<Participation> participation;  // this organisation's, for the year
};

struct AuditQuery {
  std::optional<AuditKind> kind;  // none: all
  bool local_only = false;
  bool national_only = false;
  std::optional<AuditStatus> status;
  std::string topic;
  FinancialYear year;
};

// The audits `who` may see that match `query`, by title: a national audit when it is on the
// year's Quality Account list, a local audit when it ran in the year. Errors: the store's.
Result<std::vector<AuditRow>> audit_register(Store& store, const Principal& who, const AuditQuery& query);

struct AuditOverview {
  Audit audit;
  FinancialYear year;
  std::optional<Participation> participation;
  std::vector<OutlierRow> outliers;
  std::vector<ReportReview> reviews;
  std::vector<ActionRow> actions;
};

// One audit for `who`'s organisation in `year`: its participation record, outlier cases,
// report reviews and actions (overdue as of `today`). Errors: not_found for an audit `who`
// may not see (as for one that does not exist); the store's.
Result<AuditOverview> audit_overview(Store& store, const Principal& who, Date today, AuditId id, FinancialYear year);

struct NationalRow {
  Organisation organisation;
  std::optional<Participation> participation;
};

struct NationalOverview {
  Audit audit;
  FinancialYear year;
  std::vector<NationalRow> providers;                    // those with a participation record, by name
  std::vector<AnalysisRunRecord> runs;                   // the year's analysis runs, newest first
  std::vector<StoredCusumAlert> alerts;                  // CUSUM signals in the year, by date
  std::map<OrganisationId, std::string> provider_names;  // for the alerts: "name (code)"
};

// A national audit in `year` for the national analysts. Errors: not_found for a local or
// unknown audit; the store's.
Result<NationalOverview> national_overview(Store& store, AuditId id, FinancialYear year);

// One measure's XmR chart over one provider's results.
struct MeasureSpc {
  Measure measure;
  stats::XmrChart chart;
  std::vector<std::string> periods;  // period starts, one per point
};

// One provider's risk-adjusted CUSUM over the year's episodes in admission order, as stored
// (domain/stored_provider_cusum.hpp): its kept points, every signal with its admission date.
struct ProviderCusum {
  ProviderCusumChart stored;
  stats::RacusumOptions options;
};

// One provider in a national audit: its stored SPC chart per measure (when it has at least
// kMinimumSpcPoints results) and its stored risk-adjusted CUSUM over the year's episodes (the
// case-mix model fitted on every provider's episodes of the year), with when that was
// computed; nothing is fitted or charted here.
struct NationalProvider {
  Audit audit;
  Organisation organisation;
  FinancialYear year;
  std::vector<MeasureSpc> spc;
  std::optional<ProviderCusum> cusum;  // none when the provider has no episodes in the year
  std::int64_t episodes = 0;
  std::int64_t cusum_signals = 0;
  // Whether the year's CUSUM has been computed; when, and why it gave no chart (empty when it did).
  bool cusum_computed = false;
  std::string cusum_computed_at;
  std::string cusum_note;
};

// Errors: not_found for a local or unknown audit or an unknown organisation; the store's.
Result<NationalProvider> national_provider(Store& store, AuditId audit, OrganisationId organisation,
                                           FinancialYear year);

}  // namespace clinaudit::domain
