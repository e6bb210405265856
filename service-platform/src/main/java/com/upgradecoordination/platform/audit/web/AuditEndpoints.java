package com.upgradecoordination.platform.audit.web;

import com.upgradecoordination.platform.audit.AuditNotFoundException;
import com.upgradecoordination.platform.web.ProblemDetailsAdvice;
import java.net.URI;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What the audit controllers share: blocking reads off the event loop, and 404 as problem+json. */
abstract class AuditEndpoints {

    @ExceptionHandler(AuditNotFoundException.class)
    public ProblemDetail notFound(AuditNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + "not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    /** Runs a JDBC read on the scheduler meant for blocking work. */
    static <T> Mono<T> blocking(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
