#pragma once

// The episodes of the CUSUM tests' story: one yes/no outcome, one admission a day, every fifth
// the trust's and dead, the others the other provider's and alive (a national rate of 0.2).

#include <gtest/gtest.h>

#include "core/date.hpp"
#include "domain/store.hpp"

namespace clinaudit::contract {

// Declares the audit's dataset: the one outcome column.
inline void declare_outcome(domain::Store& store, AuditId audit) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  dataset.columns = {{"outcome", domain::ValueType::yes_no, false, {}, {}, {}, "Died"}};
  ASSERT_TRUE(store.set_dataset(dataset, domain::Actor{std::nullopt, "contract-test"}));
}

// `count` episodes admitted one a day from `first`, in one import.
inline void add_story_episodes(domain::Store& store, AuditId audit, OrganisationId trust, OrganisationId other,
                               Date first, int count) {
  domain::EpisodeColumns episodes;
  episodes.audit_id = audit;
  auto& outcome = episodes.add_column("outcome", domain::ValueType::yes_no).numbers;
  for (int i = 0; i < count; ++i) {
    const bool own = i % 5 == 0;
    episodes.provider.push_back(own ? trust : other);
    episodes.admission_date.push_back(first.plus_days(i));
    outcome.push_back(own ? 1 : 0);
  }
  auto writer = store.begin_episodes(audit, {"outcome"}, domain::Actor{std::nullopt, "contract-test"});
  ASSERT_TRUE(writer);
  ASSERT_TRUE((*writer)->append(episodes));
  ASSERT_TRUE((*writer)->commit());
}

}  // namespace clinaudit::contract
