-- Issue 11. The benchmark register's read model: one row per registered version of GitLab's published
-- GPT benchmark run for a size. Rebuilt by the gpt-benchmarks processor.
CREATE TABLE gpt_benchmark (
    size            VARCHAR(10)   NOT NULL,
    version         INTEGER       NOT NULL,
    gitlab_version  VARCHAR(100)  NOT NULL,
    gpt_version     VARCHAR(100)  NOT NULL,
    load_profile    VARCHAR(100)  NOT NULL,
    run_date        VARCHAR(100)  NOT NULL,
    overall_score   DOUBLE PRECISION NOT NULL,
    test_count      INTEGER       NOT NULL,
    source_url      VARCHAR(2000) NOT NULL,
    published_on    DATE          NOT NULL,
    registered_by   VARCHAR(200),
    registered_role VARCHAR(40),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    origin          VARCHAR(400),
    CONSTRAINT gpt_benchmark_pkey PRIMARY KEY (size, version)
);

-- The latest plan's performance comparison as JSON text (verdict, basis, scores, every test),
-- composed by the engagement-summary projection (PostgreSQL and H2 alike, D7).
ALTER TABLE engagement_summary ADD COLUMN performance_comparison TEXT;
