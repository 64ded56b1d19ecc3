#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// A login the demo creates, with its documented password.
struct DemoLogin {
  std::string email;
  std::string password;
  domain::Role role = domain::Role::read_only;
  std::string organisation_code;
  std::string supplier_code = {};  // a national analyst who works for this audit supplier only
};

struct DemoOptions {
  std::uint64_t seed = 20261126;
  // The demo's "today": episodes cover the 36 whole months before this month.
  Date as_of;
  // Turns a password into the stored hash (argon2id in the product). Required.
  std::function<std::string(std::string_view password)> hash_password;
  // The SHA-256 (hex) of a document's bytes (platform::sha256_hex in the product). When
  // given, the demo holds evidence documents (demo/documents.hpp); without it, none.
  std::string (*sha256_hex)(std::string_view) = nullptr;
};

struct DemoSummary {
  std::int64_t organisations = 0;
  std::int64_t audits = 0;
  std::int64_t episodes = 0;
  std::int64_t results = 0;
  std::vector<DemoLogin> logins;
  std::string home_organisation_code;           // the trust the board views are about
  std::string drifting_provider_code;           // mortality drifts upward over the last 18 months
  std::string alert_provider_code;              // a genuine alert-level outlier
  std::string better_provider_code;             // better than expected
  std::string low_ascertainment_provider_code;  // an apparent outlier explained by missing cases
};

// Fills an empty store with a deterministic synthetic world (fictional organisations
// and people; real national audit programme names; synthetic results), labelled as
// synthetic: ~30 providers of several types, three financial years of the Quality
// Account list with participation, patient-level episodes for three national audits,
// local audits with action plans and re-audits, board meetings, report reviews, and the
// audit-staff survey in two waves. The same seed and as_of give the same records.
// Errors: conflict when the store already holds organisations; the store's errors.
Result<DemoSummary> create_demo_world(domain::Store& store, const DemoOptions& options);

// The logins create_demo_world makes, for the login page in demo mode and the docs.
std::vector<DemoLogin> demo_logins();

}  // namespace clinaudit::demo
