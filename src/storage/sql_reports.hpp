#pragma once

// Published audit reports inside the SQL store's transactions, shared by the reports' own
// methods (sql_store_reports.cpp) and the reviews' (sql_store_governance.cpp).

#include "domain/audit_log.hpp"
#include "domain/governance.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// The report with its recommendations; StoreFailure(not_found) when there is none.
domain::AuditReport load_report(SqlSession& session, AuditReportId id);

// Checks and inserts one report with its recommendations and its audit-log entry.
AuditReportId insert_report(SqlSession& session, const domain::AuditReport& row, const domain::Actor& actor);

// `review` with its report's audit, title and publication date. A review that names its
// report must name one the reviewing organisation may review (the national body's or its
// own; StoreFailure(not_found) otherwise); one without a report gets the organisation's own
// report of that audit and title, recorded now when there is none.
domain::ReportReview attach_report(SqlSession& session, domain::ReportReview review, const domain::Actor& actor);

}  // namespace clinaudit::storage
