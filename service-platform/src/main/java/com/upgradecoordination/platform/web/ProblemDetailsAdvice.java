package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.domain.RuleViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers failures as RFC 9457 problem+json with a stable type; Spring's own exceptions (bad
 * JSON, validation, unsupported media type ...) are rendered by the base class.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "https://upgrade-coordination.example/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Names every invalid field and why, so the caller can fix all of them at once. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException invalid, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = invalid.getBody();
        problem.setType(URI.create(TYPE_PREFIX + "invalid-input"));
        problem.setTitle("Invalid input");
        problem.setDetail("The request has invalid fields; nothing was changed.");
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "reason", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, status, exchange);
    }

    @ExceptionHandler(RuleViolationException.class)
    public ProblemDetail ruleViolated(RuleViolationException violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + "rule-violation"));
        problem.setTitle("Refused by a business rule");
        problem.setProperty("rule", violation.rule());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Nothing found with id " + notFound.getAggregateIdentifier());
        problem.setType(URI.create(TYPE_PREFIX + "not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail invalidCommand(IllegalArgumentException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + "invalid-input"));
        problem.setTitle("Invalid input");
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail commandFailed(CommandExecutionException failure) {
        if (failure.getCause() instanceof RuleViolationException violation) {
            return ruleViolated(violation);
        }
        if (failure.getCause() instanceof IllegalArgumentException invalid) {
            return invalidCommand(invalid);
        }
        log.error("Command failed", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The command could not be processed; nothing was changed.");
        problem.setType(URI.create(TYPE_PREFIX + "internal"));
        return problem;
    }
}
