-- Sign-in sessions. Only the SHA-256 of the cookie value is stored, so a copy of the database
-- cannot be used to sign in.
CREATE TABLE user_session (
    token_hash   VARCHAR(64) PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES app_user (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);
