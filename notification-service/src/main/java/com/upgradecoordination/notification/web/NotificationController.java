package com.upgradecoordination.notification.web;

import com.upgradecoordination.notification.readmodel.NotificationStatus;
import com.upgradecoordination.notification.readmodel.NotificationStatusProjection;
import com.upgradecoordination.notification.readmodel.NotificationStatusProjection.DeliveryState;
import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateReads;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Notifications as a whole: where their deliveries stand, and one notification's history from the event store. */
@RestController
@RequestMapping("/notifications")
public class NotificationController {

    private final AggregateReads reads;
    private final NotificationStatusProjection statuses;

    public NotificationController(AggregateReads reads, NotificationStatusProjection statuses) {
        this.reads = reads;
        this.statuses = statuses;
    }

    /**
     * The {@value NotificationStatusProjection#PAGE_SIZE} most recently changed notifications, newest
     * first; {@code status=FAILED} lists the permanent failures with their reason.
     */
    @GetMapping
    public Mono<List<NotificationStatus>> list(@RequestParam(required = false) String status) {
        DeliveryState state = validState(status);
        return Mono.fromCallable(() -> statuses.list(state)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{notificationId}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String notificationId) {
        return reads.history(notificationId, "no such notification");
    }

    private static DeliveryState validState(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(DeliveryState.values()).filter(state -> state.name().equals(status)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status: must be one of "
                        + Arrays.toString(DeliveryState.values())));
    }
}
