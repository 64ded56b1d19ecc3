#include "domain/quality_account.hpp"

#include <algorithm>
#include <map>

namespace clinaudit::domain {
namespace {

bool is_national(const Audit& audit) { return audit.kind != AuditKind::local_audit; }

QaAuditLine line_for(const Audit& audit, const Participation& row) {
  QaAuditLine line;
  line.audit = audit;
  line.participated = row.participating.value_or(false);
  line.data_collection_completed = row.data_collection_completed;
  line.cases_submitted = row.cases_submitted;
  line.cases_required = row.cases_required;
  line.case_ascertainment = row.case_ascertainment();
  line.reason_not_participating = row.reason_not_participating;
  return line;
}

void sort_by_title(std::vector<QaAuditLine>& lines) {
  std::sort(lines.begin(), lines.end(),
            [](const QaAuditLine& a, const QaAuditLine& b) { return a.audit.title < b.audit.title; });
}

}  // namespace

Date quality_account_due_date(FinancialYear year) { return *Date::from_ymd(year.start_year + 1, 6, 30); }

QualityAccountStatement build_quality_account(const QualityAccountInputs& inputs) {
  QualityAccountStatement statement;
  statement.organisation = inputs.organisation;
  statement.year = inputs.year;
  statement.due_on = quality_account_due_date(inputs.year);

  std::map<std::int64_t, const Audit*> audits;
  for (const auto& audit : inputs.audits) audits[audit.id.value] = &audit;
  std::map<std::int64_t, const Participation*> participation;
  for (const auto& row : inputs.participation) {
    if (row.organisation_id == inputs.organisation.id && row.year == inputs.year) {
      participation[row.audit_id.value] = &row;
    }
  }

  for (const auto& entry : inputs.qa_list) {
    if (entry.year != inputs.year) continue;
    const auto audit_it = audits.find(entry.audit_id.value);
    if (audit_it == audits.end()) continue;
    const Audit& audit = *audit_it->second;
    const bool applies_to_type = entry.eligible_types.contains(inputs.organisation.type);
    const auto row_it = participation.find(audit.id.value);
    const Participation* row = row_it == participation.end() ? nullptr : row_it->second;
    auto gap = [&](std::string missing) {
      statement.gaps.push_back(QaGap{audit.code, audit.title, std::move(missing)});
    };

    if (row == nullptr || !row->eligible) {
      if (applies_to_type) gap("eligibility not recorded");
      continue;
    }
    if (!*row->eligible) continue;

    QaCounts& counts = audit.kind == AuditKind::national_confidential_enquiry ? statement.confidential_enquiries
                                                                              : statement.national_audits;
    if (!row->participating) {
      gap("participation not recorded");
      continue;  // not counted as eligible either: the share would be wrong
    }
    ++counts.eligible;
    QaAuditLine line = line_for(audit, *row);
    statement.eligible.push_back(line);
    if (!*row->participating) {
      if (row->reason_not_participating.empty()) gap("reason for not taking part not recorded");
      continue;
    }
    ++counts.participated;
    statement.participated.push_back(line);
    if (!row->data_collection_completed) {
      gap("whether data collection completed not recorded");
    } else if (*row->data_collection_completed) {
      if (!line.case_ascertainment) gap("cases submitted or cases required not recorded");
      statement.completed.push_back(line);
    }
  }

  for (const auto& review : inputs.reviews) {
    if (review.organisation_id != inputs.organisation.id || !review.reviewed_on ||
        !inputs.year.contains(*review.reviewed_on)) {
      continue;
    }
    const auto audit_it = audits.find(review.audit_id.value);
    if (audit_it == audits.end()) continue;
    const Audit& audit = *audit_it->second;
    QaReviewLine line{audit.code, review.report_title, *review.reviewed_on, review.committee, review.intended_actions};
    if (line.intended_actions.empty()) {
      statement.gaps.push_back(QaGap{audit.code, audit.title, "intended actions for a reviewed report not recorded"});
    }
    (is_national(audit) ? statement.national_reviews : statement.local_reviews).push_back(std::move(line));
  }

  sort_by_title(statement.eligible);
  sort_by_title(statement.participated);
  sort_by_title(statement.completed);
  const auto by_date = [](const QaReviewLine& a, const QaReviewLine& b) {
    return a.reviewed_on != b.reviewed_on ? a.reviewed_on < b.reviewed_on : a.report_title < b.report_title;
  };
  std::sort(statement.national_reviews.begin(), statement.national_reviews.end(), by_date);
  std::sort(statement.local_reviews.begin(), statement.local_reviews.end(), by_date);
  return statement;
}

}  // namespace clinaudit::domain
