#include "domain/organisation.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

TEST(OrganisationType, RoundTripsCodesAndAcceptsLabels) {
  for (const auto type : {OrganisationType::acute, OrganisationType::mental_health, OrganisationType::community,
                          OrganisationType::ambulance, OrganisationType::primary_care, OrganisationType::specialist,
                          OrganisationType::national_body}) {
    EXPECT_EQ(parse_organisation_type(to_string(type)), type);
  }
  EXPECT_EQ(parse_organisation_type("Mental health"), OrganisationType::mental_health);
  EXPECT_EQ(parse_organisation_type("primary-care"), OrganisationType::primary_care);
  EXPECT_FALSE(parse_organisation_type("hospital"));
  EXPECT_EQ(display_name(OrganisationType::primary_care), "Primary care");
}

}  // namespace
}  // namespace clinaudit::domain
