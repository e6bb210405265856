package com.upgradecoordination.coordination.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A deviation step done on a plan version, when and by whom: a row of {@code engagement_deviation_step}. */
record DeviationStepDone(String engagementId, int planVersion, String step, Instant at, String by) {

    /** The columns a query of the table selects. */
    static final String COLUMNS = "engagement_id, plan_version, step, done_at, done_by";

    static DeviationStepDone of(ResultSet stored) throws SQLException {
        return new DeviationStepDone(stored.getString("engagement_id"), stored.getInt("plan_version"),
                stored.getString("step"), stored.getTimestamp("done_at").toInstant(), stored.getString("done_by"));
    }

    /** The step's record's key: the same step done again on the plan version replaces it. */
    Key key() {
        return new Key(engagementId, planVersion, step);
    }

    record Key(String engagementId, int planVersion, String step) {
    }
}
