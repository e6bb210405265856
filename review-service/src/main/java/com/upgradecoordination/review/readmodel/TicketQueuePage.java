package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of Support's ticket queue, oldest ticket first.
 *
 * @param total how many tickets match the filters on all pages
 * @param page  the page number, from 0
 */
public record TicketQueuePage(List<Item> items, long total, int page, int size) {

    /** @param nextDeadlineAt the soonest pending deadline of the ticket, or null */
    public record Item(
            String ticketId,
            String engagementId,
            String organisation,
            TicketForm form,
            TicketPriority priority,
            TicketStatus status,
            String assignee,
            LocalDate upgradeDate,
            Instant upgradeAt,
            Instant nextDeadlineAt,
            Instant createdAt) {
    }
}
