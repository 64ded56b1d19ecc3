#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clinaudit::http {

// The threads that serve the server's connections, one connection per thread: a new thread
// starts when a connection arrives and none is free, up to `max_threads`. Beyond that a
// connection waits for a thread; connections_waiting() tells the busy ones to close their
// keep-alive connections so that it does not wait long.
class ConnectionPool final : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(std::size_t max_threads);
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  void enqueue(std::function<void()> job) override;
  // Serves the connections already accepted, then joins every thread.
  void shutdown() override;
  // Every thread is busy and connections wait for one.
  bool connections_waiting() const;

 private:
  void work();

  const std::size_t max_threads_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace clinaudit::http
