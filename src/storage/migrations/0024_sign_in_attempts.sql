-- The sign-in throttle's counts (http/login.cpp): per account and per client address, the
-- attempts counted in the window that began with the first of them. Held here rather than in
-- one server's memory so that guesses spread over several servers meet one limit. A count
-- whose window has passed is dropped by the next attempt anywhere.
CREATE TABLE sign_in_attempts (
  attempt_key  text PRIMARY KEY,
  window_start {timestamp} NOT NULL,
  attempts     {bigint} NOT NULL
);
CREATE INDEX sign_in_attempts_by_window ON sign_in_attempts (window_start);
