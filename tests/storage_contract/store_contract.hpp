#pragma once

// The fixture of the storage contract suite: every test runs once per database
// (tests/storage_contract/CMakeLists.txt lists them), each time on a fresh, empty database.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/store.hpp"
#include "store_backends.hpp"

namespace clinaudit::contract {

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  domain::Store& store() { return *store_; }
  const std::string& url() const { return url_; }
  // Closes the store and opens the same database again (what a restarted server sees).
  void reopen();
  void close() { store_.reset(); }
  // A fresh database of this backend with the migrations before `version` applied and no
  // store open on it: older rows are then inserted with execute_sql, and open_store applies
  // the rest. Returns its URL.
  std::string fresh_database_before(int version);
  void execute_sql(const std::string& url, const std::string& sql) { backend_.execute_sql(url, sql); }

  static domain::Actor actor() { return domain::Actor{std::nullopt, "contract-test"}; }
  OrganisationId add_organisation(const std::string& code,
                                  domain::OrganisationType type = domain::OrganisationType::acute);
  AuditId add_audit(const std::string& code, domain::AuditKind kind = domain::AuditKind::national_clinical_audit);
  UserId add_user(const std::string& email, OrganisationId organisation);
  MeasureId add_measure(AuditId audit, const std::string& code);

 private:
  Backend backend_;
  std::string url_;
  std::unique_ptr<domain::Store> store_;
};

// Names the instantiation's tests by backend: Sqlite/StoreContract.X/0 -> "Sqlite".
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// The first argument must hold a value; prints the error otherwise.
#define ASSERT_OK(result) ASSERT_TRUE((result).has_value()) << (result).error().message
#define EXPECT_ERROR(result, error_code)                                      \
  do {                                                                        \
    const auto& checked_ = (result);                                          \
    ASSERT_FALSE(checked_.has_value()) << "expected an error";                \
    EXPECT_EQ(checked_.error().code, error_code) << checked_.error().message; \
  } while (false)

}  // namespace clinaudit::contract
