package com.upgradecoordination.platform.audit.web;

import com.upgradecoordination.platform.audit.reads.AuditReadLog;
import com.upgradecoordination.platform.audit.reads.AuditReadPage;
import com.upgradecoordination.platform.web.QueryDates;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Who read what through the audit endpoints (SPEC A5). Listing the reads is itself a recorded read. */
@RestController
@RequestMapping("/audit/reads")
public class AuditReadController extends AuditEndpoints {

    static final int MAX_PAGE = 1000;

    private final AuditReadLog log;

    public AuditReadController(AuditReadLog log) {
        this.log = log;
    }

    /** Recorded reads, oldest first, of one principal and within [from, to) when given. */
    @GetMapping
    public Mono<AuditReadPage> reads(@RequestParam(required = false) String principal,
                                     @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to,
                                     @RequestParam(defaultValue = "0") long afterId,
                                     @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_PAGE);
        }
        if (afterId < 0) {
            throw new IllegalArgumentException("afterId: must be 0 or more");
        }
        QueryDates.within("from", from);
        QueryDates.within("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        String who = principal == null || principal.isBlank() ? null : principal.strip();
        return blocking(() -> log.list(who, from, to, afterId, limit));
    }
}
