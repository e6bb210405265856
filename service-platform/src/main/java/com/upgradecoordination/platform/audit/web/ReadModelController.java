package com.upgradecoordination.platform.audit.web;

import com.upgradecoordination.platform.audit.rebuild.ReadModelProgress;
import com.upgradecoordination.platform.audit.rebuild.ReadModelRebuilds;
import com.upgradecoordination.platform.audit.AuditNotFoundException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The service's read models: their progress, and their rebuild from the event store (SPEC A6). */
@RestController
@RequestMapping("/audit/read-models")
public class ReadModelController extends AuditEndpoints {

    private final ReadModelRebuilds rebuilds;

    public ReadModelController(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    public Mono<List<ReadModelProgress>> all() {
        return blocking(rebuilds::all);
    }

    @GetMapping("/{processingGroup}")
    public Mono<ReadModelProgress> progress(@PathVariable String processingGroup) {
        return blocking(() -> rebuilds.progress(processingGroup).orElseThrow(() -> unknown(processingGroup)));
    }

    /** Starts the rebuild and answers at once; follow it with {@code GET /audit/read-models/{processingGroup}}. */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{processingGroup}/rebuild")
    public Mono<ReadModelProgress> rebuild(@PathVariable String processingGroup) {
        return blocking(() -> rebuilds.rebuild(processingGroup).orElseThrow(() -> unknown(processingGroup)));
    }

    private static AuditNotFoundException unknown(String processingGroup) {
        return new AuditNotFoundException("This service has no read model " + processingGroup);
    }
}
