package com.upgradecoordination.notification.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import com.upgradecoordination.platform.history.HistoryEntry;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A notification's own history, straight from the event store. */
@RestController
@RequestMapping("/notifications")
public class NotificationController {

    private final AggregateHistory history;

    public NotificationController(AggregateHistory history) {
        this.history = history;
    }

    @GetMapping("/{notificationId}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String notificationId) {
        return Mono.fromCallable(() -> {
            List<HistoryEntry> entries = history.of(notificationId);
            if (entries.isEmpty()) {
                throw new AggregateNotFoundException(notificationId, "no such notification");
            }
            return entries;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
