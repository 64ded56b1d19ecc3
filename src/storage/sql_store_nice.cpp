// The NICE guidance register in the SQL store: each organisation's guidance with its
// recommendations, the baseline assessments of those (only ever added) and the audits that
// check the guidance.
#include <map>
#include <nlohmann/json.hpp>

#include "domain/nice_guidance.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kGuidanceColumns =
    "SELECT id, organisation_id, guidance_type, number, title, published_on, applicability, applicability_note, "
    "lead_user_id, lead_name, division_id, review_due, last_reviewed_on FROM nice_guidance ";
constexpr const char* kAssessmentColumns =
    "SELECT a.id, a.guidance_id, a.recommendation_id, a.compliance, a.evidence, a.assessed_by_user, a.assessed_by, "
    "a.assessed_at FROM nice_assessments a JOIN nice_guidance g ON g.id = a.guidance_id ";

domain::NiceGuidance read_guidance(const SqlRow& row) {
  domain::NiceGuidance out;
  out.id = id_of<NiceGuidanceId>(row, 0);
  out.organisation_id = id_of<OrganisationId>(row, 1);
  out.type = enum_of(row, 2, domain::parse_guidance_type);
  out.number = static_cast<int>(row.int64(3));
  out.title = row.text(4);
  out.published_on = date_of(row, 5);
  out.applicability = enum_of(row, 6, domain::parse_applicability);
  out.applicability_note = row.text(7);
  out.lead = optional_id<UserId>(row, 8);
  out.lead_name = row.text(9);
  out.division = optional_id<TrustUnitId>(row, 10);
  out.review_due = optional_date(row, 11);
  out.last_reviewed_on = optional_date(row, 12);
  return out;
}

domain::NiceAssessment read_assessment(const SqlRow& row) {
  return domain::NiceAssessment{.id = row.int64(0),
                                .guidance_id = id_of<NiceGuidanceId>(row, 1),
                                .recommendation_id = id_of<NiceRecommendationId>(row, 2),
                                .compliance = enum_of(row, 3, domain::parse_compliance),
                                .evidence = row.text(4),
                                .assessed_by_user = optional_id<UserId>(row, 5),
                                .assessed_by = row.text(6),
                                .assessed_at = row.text(7)};
}

nlohmann::json optional_json(const auto& value) {
  if (!value) return nlohmann::json();
  if constexpr (requires { value->value; }) {
    return nlohmann::json(value->value);
  } else {
    return nlohmann::json(value->to_string());
  }
}

nlohmann::json guidance_json(const domain::NiceGuidance& row) {
  nlohmann::json recommendations = nlohmann::json::array();
  for (const auto& recommendation : row.recommendations) {
    recommendations.push_back({{"label", recommendation.label}, {"text", recommendation.text}});
  }
  return {{"id", row.id.value},
          {"organisation_id", row.organisation_id.value},
          {"reference", row.reference()},
          {"title", row.title},
          {"published_on", row.published_on.to_string()},
          {"applicability", domain::to_string(row.applicability)},
          {"applicability_note", row.applicability_note},
          {"lead_user_id", optional_json(row.lead)},
          {"lead_name", row.lead_name},
          {"division_id", optional_json(row.division)},
          {"review_due", optional_json(row.review_due)},
          {"last_reviewed_on", optional_json(row.last_reviewed_on)},
          {"recommendations", recommendations}};
}

nlohmann::json assessment_json(const domain::NiceAssessment& row) {
  return {{"id", row.id},
          {"guidance_id", row.guidance_id.value},
          {"recommendation_id", row.recommendation_id.value},
          {"compliance", domain::to_string(row.compliance)},
          {"evidence", row.evidence},
          {"assessed_by_user", optional_json(row.assessed_by_user)},
          {"assessed_by", row.assessed_by},
          {"assessed_at", row.assessed_at}};
}

// The guidance's references: its organisation, lead and division.
void require_references(SqlSession& session, const domain::NiceGuidance& row) {
  const std::string what = "NICE guidance " + row.reference() + ": ";
  require_row(session, "organisations", row.organisation_id.value, what + "organisation");
  if (row.lead) require_row(session, "users", row.lead->value, what + "lead user");
  if (row.division) require_row(session, "trust_units", row.division->value, what + "division");
}

std::string duplicate_reference(const domain::NiceGuidance& row) {
  return "NICE guidance " + row.reference() + " is already in the register";
}

NiceRecommendationId insert_recommendation(SqlSession& session, NiceGuidanceId guidance,
                                           const domain::NiceRecommendation& row, int position) {
  return NiceRecommendationId{unique("the guidance already has a recommendation " + row.label, [&] {
    return insert(session,
                  "INSERT INTO nice_recommendations (guidance_id, position, label, text) VALUES (?, ?, ?, ?) "
                  "RETURNING id",
                  guidance, position, row.label, row.text);
  })};
}

// Fills each guidance's recommendations and audits from the rows of `where` (a condition on
// nice_guidance g with one parameter).
void fill_details(SqlSession& session, std::vector<domain::NiceGuidance>& rows, const std::string& where,
                  std::int64_t parameter) {
  std::map<std::int64_t, domain::NiceGuidance*> by_id;
  for (auto& row : rows) by_id[row.id.value] = &row;
  each_row(
      session,
      "SELECT r.guidance_id, r.id, r.label, r.text FROM nice_recommendations r JOIN nice_guidance g ON g.id = "
      "r.guidance_id WHERE " +
          where + " ORDER BY r.guidance_id, r.position, r.id",
      [&](const SqlRow& row) {
        if (const auto found = by_id.find(row.int64(0)); found != by_id.end()) {
          found->second->recommendations.push_back(
              domain::NiceRecommendation{id_of<NiceRecommendationId>(row, 1), row.text(2), row.text(3)});
        }
      },
      parameter);
  each_row(
      session,
      "SELECT l.guidance_id, l.audit_id FROM nice_guidance_audits l JOIN nice_guidance g ON g.id = l.guidance_id "
      "WHERE " +
          where + " ORDER BY l.guidance_id, l.audit_id",
      [&](const SqlRow& row) {
        if (const auto found = by_id.find(row.int64(0)); found != by_id.end()) {
          found->second->audits.push_back(id_of<AuditId>(row, 1));
        }
      },
      parameter);
}

}  // namespace

Result<std::vector<NiceGuidanceId>> SqlStore::add_nice_guidance(const std::vector<domain::NiceGuidance>& rows,
                                                                const domain::Actor& actor) {
  return write("adding NICE guidance", [&](SqlSession& session) {
    std::vector<NiceGuidanceId> ids;
    for (const auto& row : rows) {
      ensure(domain::check(row));
      require_references(session, row);
      domain::NiceGuidance stored = row;
      stored.audits.clear();
      stored.id = NiceGuidanceId{unique(duplicate_reference(row), [&] {
        return insert(session,
                      "INSERT INTO nice_guidance (organisation_id, guidance_type, number, title, published_on, "
                      "applicability, applicability_note, lead_user_id, lead_name, division_id, review_due, "
                      "last_reviewed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      stored.organisation_id, domain::to_string(stored.type), stored.number, stored.title,
                      stored.published_on, domain::to_string(stored.applicability), stored.applicability_note,
                      stored.lead, stored.lead_name, stored.division, stored.review_due, stored.last_reviewed_on);
      })};
      int position = 0;
      for (auto& recommendation : stored.recommendations) {
        recommendation.id = insert_recommendation(session, stored.id, recommendation, ++position);
      }
      const auto after = guidance_json(stored);
      append_audit_log(session, actor, "create", "nice_guidance", std::to_string(stored.id.value), nullptr, &after);
      ids.push_back(stored.id);
    }
    return ids;
  });
}

Result<void> SqlStore::update_nice_guidance(const domain::NiceGuidance& row, const domain::Actor& actor) {
  return write("changing NICE guidance", [&](SqlSession& session) {
    auto before = only_row(session, "NICE guidance id " + std::to_string(row.id.value) + " does not exist",
                           std::string(kGuidanceColumns) + "WHERE id = ?", read_guidance, row.id);
    domain::NiceGuidance stored = row;
    stored.organisation_id = before.organisation_id;
    stored.type = before.type;
    stored.number = before.number;
    stored.recommendations.clear();
    ensure(domain::check(stored));
    require_references(session, stored);
    execute(session,
            "UPDATE nice_guidance SET title = ?, published_on = ?, applicability = ?, applicability_note = ?, "
            "lead_user_id = ?, lead_name = ?, division_id = ?, review_due = ?, last_reviewed_on = ? WHERE id = ?",
            stored.title, stored.published_on, domain::to_string(stored.applicability), stored.applicability_note,
            stored.lead, stored.lead_name, stored.division, stored.review_due, stored.last_reviewed_on, stored.id);
    const auto old = guidance_json(before);
    const auto after = guidance_json(stored);
    append_audit_log(session, actor, "update", "nice_guidance", std::to_string(stored.id.value), &old, &after);
  });
}

Result<NiceRecommendationId> SqlStore::add_nice_recommendation(NiceGuidanceId guidance,
                                                               const domain::NiceRecommendation& row,
                                                               const domain::Actor& actor) {
  return write("adding a recommendation of NICE guidance", [&](SqlSession& session) {
    if (row.label.empty() || row.text.empty()) {
      fail(ErrorCode::invalid_input, "a recommendation needs its number and its text");
    }
    require_row(session, "nice_guidance", guidance.value, "recommendation: NICE guidance");
    const auto last = first_row(
        session, "SELECT COALESCE(MAX(position), 0) FROM nice_recommendations WHERE guidance_id = ?",
        [](const SqlRow& found) { return found.int64(0); }, guidance);
    const auto id = insert_recommendation(session, guidance, row, static_cast<int>(last.value_or(0)) + 1);
    const nlohmann::json after{
        {"id", id.value}, {"guidance_id", guidance.value}, {"label", row.label}, {"text", row.text}};
    append_audit_log(session, actor, "create", "nice_recommendation", std::to_string(id.value), nullptr, &after);
    return id;
  });
}

Result<std::vector<domain::NiceGuidance>> SqlStore::nice_guidance(OrganisationId organisation) {
  return read("reading the NICE guidance register", [&](SqlSession& session) {
    auto rows =
        all_rows(session, std::string(kGuidanceColumns) + "WHERE organisation_id = ? ORDER BY guidance_type, number",
                 read_guidance, organisation);
    fill_details(session, rows, "g.organisation_id = ?", organisation.value);
    return rows;
  });
}

Result<domain::NiceGuidance> SqlStore::nice_guidance_item(NiceGuidanceId id) {
  return read("reading NICE guidance", [&](SqlSession& session) {
    std::vector<domain::NiceGuidance> rows{only_row(session,
                                                    "NICE guidance id " + std::to_string(id.value) + " does not exist",
                                                    std::string(kGuidanceColumns) + "WHERE id = ?", read_guidance, id)};
    fill_details(session, rows, "g.id = ?", id.value);
    return std::move(rows.front());
  });
}

Result<std::int64_t> SqlStore::add_nice_assessment(const domain::NiceAssessment& row, const domain::Actor& actor) {
  return write("assessing a recommendation of NICE guidance", [&](SqlSession& session) {
    ensure(domain::check(row));
    require_row(session, "nice_guidance", row.guidance_id.value, "assessment: NICE guidance");
    if (row.assessed_by_user) require_row(session, "users", row.assessed_by_user->value, "assessment: user");
    const auto of_guidance = first_row(
        session, "SELECT id FROM nice_recommendations WHERE id = ? AND guidance_id = ?",
        [](const SqlRow& found) { return found.int64(0); }, row.recommendation_id, row.guidance_id);
    if (!of_guidance) {
      fail(ErrorCode::not_found, "NICE guidance id " + std::to_string(row.guidance_id.value) +
                                     " has no recommendation id " + std::to_string(row.recommendation_id.value));
    }
    domain::NiceAssessment stored = row;
    stored.id = insert(session,
                       "INSERT INTO nice_assessments (guidance_id, recommendation_id, compliance, evidence, "
                       "assessed_by_user, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       stored.guidance_id, stored.recommendation_id, domain::to_string(stored.compliance),
                       stored.evidence, stored.assessed_by_user, stored.assessed_by, stored.assessed_at);
    const auto after = assessment_json(stored);
    append_audit_log(session, actor, "create", "nice_assessment", std::to_string(stored.id), nullptr, &after);
    return stored.id;
  });
}

Result<std::vector<domain::NiceAssessment>> SqlStore::nice_assessments(OrganisationId organisation,
                                                                       std::optional<NiceGuidanceId> guidance) {
  return read("reading assessments of NICE guidance", [&](SqlSession& session) {
    if (guidance) {
      return all_rows(session,
                      std::string(kAssessmentColumns) +
                          "WHERE g.organisation_id = ? AND a.guidance_id = ? ORDER BY a.assessed_at, a.id",
                      read_assessment, organisation, *guidance);
    }
    return all_rows(session,
                    std::string(kAssessmentColumns) + "WHERE g.organisation_id = ? ORDER BY a.assessed_at, a.id",
                    read_assessment, organisation);
  });
}

Result<void> SqlStore::set_nice_audit_link(NiceGuidanceId guidance, AuditId audit, bool linked,
                                           const domain::Actor& actor) {
  return write("linking an audit to NICE guidance", [&](SqlSession& session) {
    require_row(session, "nice_guidance", guidance.value, "link: NICE guidance");
    require_row(session, "audits", audit.value, "link: audit");
    const bool was = first_row(
                         session, "SELECT 1 FROM nice_guidance_audits WHERE guidance_id = ? AND audit_id = ?",
                         [](const SqlRow&) { return true; }, guidance, audit)
                         .has_value();
    if (was == linked) return;
    const nlohmann::json link{{"guidance_id", guidance.value}, {"audit_id", audit.value}};
    const std::string key = std::to_string(guidance.value) + "/" + std::to_string(audit.value);
    if (linked) {
      execute(session, "INSERT INTO nice_guidance_audits (guidance_id, audit_id) VALUES (?, ?)", guidance, audit);
      append_audit_log(session, actor, "create", "nice_guidance_audit", key, nullptr, &link);
    } else {
      execute(session, "DELETE FROM nice_guidance_audits WHERE guidance_id = ? AND audit_id = ?", guidance, audit);
      append_audit_log(session, actor, "delete", "nice_guidance_audit", key, &link, nullptr);
    }
  });
}

}  // namespace clinaudit::storage
