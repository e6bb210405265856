-- The deviation process (SPEC C6) in the engagement read model.
ALTER TABLE engagement_summary ADD COLUMN performance_verdict VARCHAR(40);
ALTER TABLE engagement_summary ADD COLUMN deviation_accepted_plan_version INTEGER;
