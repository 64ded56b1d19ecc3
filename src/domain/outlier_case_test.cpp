#include "domain/outlier_case.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

TEST(OutlierCase, IsOpenWhileOpenOrConfirmed) {
  OutlierCase item;
  item.status = OutlierStatus::open;
  EXPECT_TRUE(item.is_open());
  item.status = OutlierStatus::confirmed;  // confirmed at review, its remaining stages still to do
  EXPECT_TRUE(item.is_open());
  item.status = OutlierStatus::withdrawn;
  EXPECT_FALSE(item.is_open());
  item.status = OutlierStatus::closed;
  EXPECT_FALSE(item.is_open());
}

}  // namespace
}  // namespace clinaudit::domain
