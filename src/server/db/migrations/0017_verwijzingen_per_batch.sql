-- A bulk delivery's batch of only new persons checks its references once per batch instead of once
-- per row (import/schrijver.ts): it runs with session_replication_role = replica, which skips the
-- per-row foreign-key triggers, after locking the rows every row refers to exactly as those triggers
-- would (FOR KEY SHARE). Triggers that derive data or protect the audit log must fire in such a
-- session too: they become ALWAYS triggers (for any other session nothing changes).
ALTER TABLE kandidaatprofiel ENABLE ALWAYS TRIGGER kandidaatprofiel_afleiden;
ALTER TABLE kandidaatprofiel ENABLE ALWAYS TRIGGER kandidaatprofiel_tx;
ALTER TABLE persoon ENABLE ALWAYS TRIGGER persoon_tx;
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_geen_update;
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_geen_truncate;
