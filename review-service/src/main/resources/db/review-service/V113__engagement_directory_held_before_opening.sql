-- A ticket filed for an engagement whose EngagementOpened has not arrived yet holds the engagement's
-- row, so that the opening, when it is handled meanwhile, waits for the ticket and then finds it
-- (SPEC T3): such a row has only the engagement's id until the opening fills it in.
ALTER TABLE engagement_directory ALTER COLUMN customer_organisation DROP NOT NULL;
ALTER TABLE engagement_directory ALTER COLUMN organisation_key DROP NOT NULL;
ALTER TABLE engagement_directory ALTER COLUMN csm DROP NOT NULL;
ALTER TABLE engagement_directory ALTER COLUMN opened_at DROP NOT NULL;
