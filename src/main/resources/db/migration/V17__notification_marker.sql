-- Notifications: how far each reader has read. A reply (annotation id) or a link (passage_link id)
-- above the marker is new to them. Both id columns only grow, so "seen up to" is one number each;
-- a reader without a row has seen nothing yet. Existing readers start with everything seen, so that
-- the upgrade does not present years of old replies as new.
CREATE TABLE notification_seen (
    user_id         BIGINT NOT NULL PRIMARY KEY REFERENCES app_user (id),
    replies_seen_to BIGINT NOT NULL,
    links_seen_to   BIGINT NOT NULL
);
INSERT INTO notification_seen (user_id, replies_seen_to, links_seen_to)
    SELECT u.id, (SELECT COALESCE(MAX(a.id), 0) FROM annotation a), (SELECT COALESCE(MAX(l.id), 0) FROM passage_link l)
    FROM app_user u;
