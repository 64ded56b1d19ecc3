#include "domain/cusum_monitoring.hpp"

namespace clinaudit::domain {

Result<std::vector<CusumAlert>> cusum_signals(Store& store, const Audit& audit, Date from, Date to) {
  if (audit.kind == AuditKind::local_audit) return std::vector<CusumAlert>{};
  CLINAUDIT_TRY(const auto episodes, store.episodes(audit.id, from, to));
  if (episodes.size() < 100) return std::vector<CusumAlert>{};
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
  const EpisodeAnalysisOptions options = analysis_options_for(measures);
  auto analysis = analyse_episodes(episodes, options);
  if (!analysis) return std::vector<CusumAlert>{};
  return std::move(analysis->cusum_alerts);
}

}  // namespace clinaudit::domain
