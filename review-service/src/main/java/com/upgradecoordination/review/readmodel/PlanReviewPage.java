package com.upgradecoordination.review.readmodel;

import java.util.List;

/**
 * One page of plan reviews.
 *
 * @param page  the page number, from 0
 * @param size  the most reviews a page holds
 * @param total how many reviews match the filter on all pages
 */
public record PlanReviewPage(List<PlanReviewSummary> items, int page, int size, long total) {
}
