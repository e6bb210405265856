-- One database per service, each owned by its own account (compose.yaml gives the services these
-- example passwords). Flyway creates the tables at each service's first start.
CREATE USER coordination WITH PASSWORD 'coordination';
CREATE DATABASE coordination OWNER coordination;
CREATE USER review WITH PASSWORD 'review';
CREATE DATABASE review OWNER review;
CREATE USER notification WITH PASSWORD 'notification';
CREATE DATABASE notification OWNER notification;
