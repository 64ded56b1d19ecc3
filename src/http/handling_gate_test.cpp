#include "http/handling_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace clinaudit::http {
namespace {

void wait_until_waiting(HandlingGate& gate, std::size_t count) {
  while (gate.waiting() < count) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

// Requests that wait for the gate's one slot enter in the order they began to wait. Each, once
// in, records its turn, leaves and at once asks again, as a keep-alive connection's next
// request does: with a plain semaphore the one that left could take the slot again before the
// next in line woke. Here the first three turns go to the three in order.
TEST(HandlingGate, RequestsEnterInTheOrderTheyBeganToWait) {
  HandlingGate gate(1);
  gate.enter();  // the test's own request holds the slot while the others queue
  std::mutex turns_mutex;
  std::vector<int> turns;
  std::vector<std::thread> requests;
  for (int request = 0; request < 3; ++request) {
    requests.emplace_back([&, request] {
      for (int round = 0; round < 2; ++round) {
        const HandlingGate::Pass pass(gate);
        const std::scoped_lock lock(turns_mutex);
        turns.push_back(request);
      }
    });
    // The next request starts once this one waits, so each waits after those before it.
    wait_until_waiting(gate, static_cast<std::size_t>(request) + 1);
  }
  gate.leave();
  for (auto& request : requests) request.join();
  ASSERT_EQ(turns.size(), 6u);
  EXPECT_EQ(std::vector<int>(turns.begin(), turns.begin() + 3), (std::vector<int>{0, 1, 2}));
}

// Up to `slots` requests are in at once; the slot of one that leaves with no one waiting is free.
TEST(HandlingGate, LetsInAsManyAsItHasSlots) {
  HandlingGate gate(2);
  gate.enter();
  gate.enter();
  std::atomic<bool> third_in{false};
  std::thread third([&] {
    const HandlingGate::Pass pass(gate);
    third_in = true;
  });
  wait_until_waiting(gate, 1);
  EXPECT_FALSE(third_in);  // both slots are held
  gate.leave();
  third.join();
  EXPECT_TRUE(third_in);
  gate.leave();
  gate.enter();  // both free again: neither call waits
  gate.enter();
  gate.leave();
  gate.leave();
}

}  // namespace
}  // namespace clinaudit::http
