-- Sessions are cached in memory by each server instance (platform/auth/session-cache.ts), so a request needs no
-- database round trip to learn who is calling. Any change to a session (logout, revocation, expiry moved) or to a
-- user (deactivation, rights, name, language) moves the `identity` counter in the same transaction; every instance
-- polls the counter and drops its cached sessions when it moves. New sessions (INSERT) do not move it: an unknown
-- token is never cached.
INSERT INTO change_version (scope) VALUES ('identity');

CREATE TRIGGER session_changed AFTER UPDATE OR DELETE OR TRUNCATE ON session
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('identity');
CREATE TRIGGER app_user_changed AFTER UPDATE OR DELETE OR TRUNCATE ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('identity');
