#pragma once

// An audit's row, read the same way by every SQL store file that reads one
// (sql_store_audits.cpp defines them).

#include "domain/audit.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// The audits table's columns in read_audit's order, ending "FROM audits ".
extern const char* const kAuditColumns;
domain::Audit read_audit(const SqlRow& row);

}  // namespace clinaudit::storage
