-- The confusable skeleton of each username (Unicode TS #39 via ICU4J, hashed: see accounts/Confusables),
-- so that a name that merely looks like a taken one ("Аnna" with a Cyrillic А) is refused. Filled by the
-- application, which alone can compute it: new users when they are made, existing ones at start-up.
-- Not unique: names made before this check may already look alike, and they stay.
ALTER TABLE app_user ADD COLUMN username_skeleton VARCHAR(64);
CREATE INDEX app_user_username_skeleton ON app_user (username_skeleton);
