-- Custom: sessions open before the idle timeout existed count as seen when they began, so an upgrade
-- does not sign everyone out at once (those older than the idle timeout end, as they would have).
UPDATE `sessions` SET `last_seen_at` = `created_at` WHERE `last_seen_at` = '';
