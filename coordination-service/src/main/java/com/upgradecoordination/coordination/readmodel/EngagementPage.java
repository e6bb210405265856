package com.upgradecoordination.coordination.readmodel;

import java.util.List;

/** One page of the engagement list, newest first. @param total engagements matching the filters, on all pages */
public record EngagementPage(List<EngagementSummary> items, int page, int pageSize, long total) {
}
