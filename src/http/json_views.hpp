#pragma once

#include <string>
#include <vector>

#include "http/views.hpp"

// The JSON form of each view (docs/api.md). Deterministic: the same view gives the same bytes.
namespace clinaudit::http {

std::string to_json(const DashboardView& view);
std::string to_json(const NationalHomeView& home);
std::string to_json(const NationalIndexView& view);
std::string to_json(const std::vector<ParticipationRow>& rows, FinancialYear year);
std::string to_json(const std::vector<AuditRow>& rows, FinancialYear year);
std::string to_json(const AuditView& view);
std::string to_json(const NationalView& view);
std::string to_json(const std::vector<OutlierRow>& rows);
std::string to_json(const OutlierCaseView& view);
std::string to_json(const std::vector<ActionRow>& rows);
std::string to_json(const ActionDetail& detail);  // {"action": {...}, "history": [...]}
std::string to_json(const std::vector<domain::User>& users);
std::string to_json(const domain::User& user);  // {"user": {...}}, without the password hash
std::string to_json(const std::vector<domain::Notification>& notifications);
std::string me_json(const SignedIn& who);

}  // namespace clinaudit::http
