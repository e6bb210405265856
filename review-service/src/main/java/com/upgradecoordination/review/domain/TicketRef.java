package com.upgradecoordination.review.domain;

/** The ticket and its case, as every event of the ticket names them. */
record TicketRef(String ticketId, String caseId) {
}
