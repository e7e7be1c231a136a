-- Each account's write allowance (web.WriteRateLimit), kept here rather than in one server's memory so
-- that every server behind the proxy counts the same writes. A token bucket: tokens left at at_ms
-- (milliseconds since the epoch, so the refill is plain arithmetic on both databases).
CREATE TABLE write_bucket (
    user_id BIGINT PRIMARY KEY REFERENCES app_user (id),
    tokens  DOUBLE PRECISION NOT NULL,
    at_ms   BIGINT NOT NULL
);
