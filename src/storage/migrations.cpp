#include "storage/migrations.hpp"

#include <array>
#include <utility>

#include "storage/episode_block_conversion.hpp"
#include "storage/episode_conversion.hpp"

namespace clinaudit::embedded {
std::string_view migration_0001_initial();
std::string_view migration_0002_survey_invitations();
std::string_view migration_0003_outlier_timetables();
std::string_view migration_0004_analysis_runs();
std::string_view migration_0005_measure_sources();
std::string_view migration_0006_audit_datasets();
std::string_view migration_0007_audit_reports();
std::string_view migration_0008_user_accounts();
std::string_view migration_0009_analysis_run_measures();
std::string_view migration_0010_action_history();
std::string_view migration_0011_local_audit_register();
std::string_view migration_0012_audit_criteria();
std::string_view migration_0013_documents();
std::string_view migration_0014_report_tracker();
std::string_view migration_0015_forward_programme();
std::string_view migration_0016_nice_guidance();
std::string_view migration_0017_chief_executive();
std::string_view migration_0018_regulator_escalation();
std::string_view migration_0019_outlier_notices();
std::string_view migration_0020_document_files();
std::string_view migration_0021_audit_suppliers();
std::string_view migration_0022_cusum_monitoring();
std::string_view migration_0023_pending_imports();
std::string_view migration_0024_sign_in_attempts();
std::string_view migration_0025_measure_charts();
std::string_view migration_0026_data_version();
std::string_view migration_0027_provider_cusum();
std::string_view migration_0028_measure_funnels();
std::string_view migration_0029_episode_data_as_text();
std::string_view migration_0030_episode_blocks();
std::string_view migration_0031_measure_funnel_views();
}  // namespace clinaudit::embedded

namespace clinaudit::storage {
namespace {

struct Template {
  int version;
  std::string_view name;
  std::string_view (*text)();
  void (*step)(SqlSession&) = nullptr;  // runs where the text has a "-- [step]" line
};

constexpr std::array kTemplates{
    Template{1, "0001_initial", embedded::migration_0001_initial},
    Template{2, "0002_survey_invitations", embedded::migration_0002_survey_invitations},
    Template{3, "0003_outlier_timetables", embedded::migration_0003_outlier_timetables},
    Template{4, "0004_analysis_runs", embedded::migration_0004_analysis_runs},
    Template{5, "0005_measure_sources", embedded::migration_0005_measure_sources},
    Template{6, "0006_audit_datasets", embedded::migration_0006_audit_datasets, convert_episodes_to_datasets},
    Template{7, "0007_audit_reports", embedded::migration_0007_audit_reports},
    Template{8, "0008_user_accounts", embedded::migration_0008_user_accounts},
    Template{9, "0009_analysis_run_measures", embedded::migration_0009_analysis_run_measures},
    Template{10, "0010_action_history", embedded::migration_0010_action_history},
    Template{11, "0011_local_audit_register", embedded::migration_0011_local_audit_register},
    Template{12, "0012_audit_criteria", embedded::migration_0012_audit_criteria},
    Template{13, "0013_documents", embedded::migration_0013_documents},
    Template{14, "0014_report_tracker", embedded::migration_0014_report_tracker},
    Template{15, "0015_forward_programme", embedded::migration_0015_forward_programme},
    Template{16, "0016_nice_guidance", embedded::migration_0016_nice_guidance},
    Template{17, "0017_chief_executive", embedded::migration_0017_chief_executive},
    Template{18, "0018_regulator_escalation", embedded::migration_0018_regulator_escalation},
    Template{19, "0019_outlier_notices", embedded::migration_0019_outlier_notices},
    Template{20, "0020_document_files", embedded::migration_0020_document_files},
    Template{21, "0021_audit_suppliers", embedded::migration_0021_audit_suppliers},
    Template{22, "0022_cusum_monitoring", embedded::migration_0022_cusum_monitoring},
    Template{23, "0023_pending_imports", embedded::migration_0023_pending_imports},
    Template{24, "0024_sign_in_attempts", embedded::migration_0024_sign_in_attempts},
    Template{25, "0025_measure_charts", embedded::migration_0025_measure_charts},
    Template{26, "0026_data_version", embedded::migration_0026_data_version},
    Template{27, "0027_provider_cusum", embedded::migration_0027_provider_cusum},
    Template{28, "0028_measure_funnels", embedded::migration_0028_measure_funnels},
    Template{29, "0029_episode_data_as_text", embedded::migration_0029_episode_data_as_text},
    Template{30, "0030_episode_blocks", embedded::migration_0030_episode_blocks, convert_episodes_to_blocks},
    Template{31, "0031_measure_funnel_views", embedded::migration_0031_measure_funnel_views},
};

// {word} -> (SQLite type, PostgreSQL type)
constexpr std::array<std::pair<std::string_view, std::pair<std::string_view, std::string_view>>, 8> kTypes{{
    {"{id}", {"INTEGER PRIMARY KEY", "bigserial PRIMARY KEY"}},
    {"{bigint}", {"INTEGER", "bigint"}},
    {"{int}", {"INTEGER", "integer"}},
    {"{bool}", {"INTEGER", "boolean"}},
    {"{real}", {"REAL", "double precision"}},
    {"{date}", {"TEXT", "date"}},
    {"{timestamp}", {"TEXT", "timestamptz"}},
    {"{json}", {"TEXT", "jsonb"}},
}};

std::vector<SchemaMigration> expand_all(SqlDialect dialect) {
  std::vector<SchemaMigration> out;
  out.reserve(kTemplates.size());
  for (const auto& migration : kTemplates) {
    std::string_view before = migration.text();
    std::string_view after;
    if (const auto marker = before.find("\n-- [step]\n"); marker != std::string_view::npos) {
      after = before.substr(marker + 11);
      before = before.substr(0, marker + 1);
    }
    out.push_back(SchemaMigration{migration.version, std::string(migration.name), expand_migration(before, dialect),
                                  migration.step, expand_migration(after, dialect)});
  }
  return out;
}

}  // namespace

std::string expand_migration(std::string_view text, SqlDialect dialect) {
  const bool sqlite = dialect == SqlDialect::sqlite;
  std::string out;
  bool keep = true;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string line(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line == "-- [sqlite]" || line == "-- [postgres]" || line == "-- [both]") {
      keep = line == "-- [both]" || (line == "-- [sqlite]") == sqlite;
      continue;
    }
    if (!keep) continue;
    for (const auto& [word, types] : kTypes) {
      for (auto at = line.find(word); at != std::string::npos; at = line.find(word, at)) {
        const auto type = sqlite ? types.first : types.second;
        line.replace(at, word.size(), type);
        at += type.size();
      }
    }
    out += line;
    out += '\n';
  }
  return out;
}

const std::vector<SchemaMigration>& migrations_for(SqlDialect dialect) {
  static const std::vector<SchemaMigration> kSqlite = expand_all(SqlDialect::sqlite);
  static const std::vector<SchemaMigration> kPostgres = expand_all(SqlDialect::postgres);
  return dialect == SqlDialect::sqlite ? kSqlite : kPostgres;
}

}  // namespace clinaudit::storage
