-- Issue 11: the customer's GPT results as coordination-service judged them, with the basis the verdict
-- rests on (JSON text, PostgreSQL and H2 alike, D7). Rebuilt by the support-review-summary processor.
ALTER TABLE support_review_summary ADD COLUMN performance TEXT;
