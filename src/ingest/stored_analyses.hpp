#pragma once

#include <string>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/store.hpp"
#include "ingest/import_service.hpp"

// What an import changes of the analyses kept in the store, computed again after it is
// written, whether it came through a page or the command line.
namespace clinaudit::ingest {

// After `report`'s records were written: a national audit's risk-adjusted CUSUM monitoring
// for episodes (domain/cusum_monitoring.hpp) and its providers' CUSUM in each year the
// episodes fall in (domain/stored_provider_cusum.hpp), the SPC charts of the measures results were
// imported for (domain/stored_measure_charts.hpp); nothing for other kinds or when nothing
// was written. The import stands if this fails (the caller says so): the daily job computes
// them again. Errors: the store's.
Result<void> refresh_after_import(domain::Store& store, const ImportReport& report, Date today,
                                  const std::string& software_version, const domain::Actor& actor);

}  // namespace clinaudit::ingest
