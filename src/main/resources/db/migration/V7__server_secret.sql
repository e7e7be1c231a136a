-- Secrets shared by every server process on this database (the CSRF key). Generated on first use.
CREATE TABLE server_secret (
    name    VARCHAR(64) PRIMARY KEY,
    secret  VARCHAR(200) NOT NULL
);
