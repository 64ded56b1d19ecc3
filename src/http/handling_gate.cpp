#include "http/handling_gate.hpp"

namespace clinaudit::http {

void HandlingGate::enter() {
  std::unique_lock lock(mutex_);
  if (waiting_.empty() && free_ > 0) {
    --free_;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.admitted.wait(lock, [&me] { return me.in; });
}

void HandlingGate::leave() {
  const std::scoped_lock lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  // Notified with the mutex held: the waiter's state lives on its stack until it sees `in`.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->in = true;
  next->admitted.notify_one();
}

std::size_t HandlingGate::waiting() {
  const std::scoped_lock lock(mutex_);
  return waiting_.size();
}

}  // namespace clinaudit::http
