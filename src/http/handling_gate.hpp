#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

// How many requests the App answers at once, and in which order the others wait.
//
// Each connection has a thread of its own (ServerOptions::max_connections), so with 64 busy
// connections 64 threads would compete for two cores: the scheduler slices between them, and a
// request that has its turn halfway waits for dozens of others before it finishes. Through the
// gate only a few answer at once, each to the end, and the rest wait first come, first served:
// a slot that is given back goes to the longest waiting request, never to one that arrived
// later, so no request waits behind more than the requests that came before it. The wait
// happens after the whole request has arrived, so a slow client holds no slot.
namespace clinaudit::http {

class HandlingGate {
 public:
  explicit HandlingGate(std::size_t slots) : free_(slots == 0 ? 1 : slots) {}
  HandlingGate(const HandlingGate&) = delete;
  HandlingGate& operator=(const HandlingGate&) = delete;

  // Takes a slot, after every request already waiting for one.
  void enter();
  // Gives the slot back: to the longest waiting request, if any.
  void leave();
  // Requests waiting for a slot now.
  std::size_t waiting();

  // A slot held for a scope.
  class Pass {
   public:
    explicit Pass(HandlingGate& gate) : gate_(gate) { gate_.enter(); }
    ~Pass() { gate_.leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    HandlingGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable admitted;
    bool in = false;
  };
  std::mutex mutex_;
  std::size_t free_;
  std::deque<Waiter*> waiting_;
};

}  // namespace clinaudit::http
