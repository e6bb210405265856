package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
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
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
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

    /**
     * Unreadable bodies: unknown fields and unknown enum values are refused by name (the request
     * decoder is strict, see {@link StrictJsonRequests}); a body over the size limit is 413.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException unreadable, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(unreadable, DataBufferLimitException.class) != null) {
            ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    "The request body is larger than this service accepts; nothing was changed.");
            return handleExceptionInternal(unreadable, problem, headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "The request body cannot be read; nothing was changed.");
        DatabindException databind = causedBy(unreadable, DatabindException.class);
        if (databind != null) {
            problem.setProperty("errors", List.of(Map.of("field", fieldOf(databind), "reason", reasonOf(databind))));
        } else if (unreadable.getReason() != null && unreadable.getMethodParameter() == null) {
            problem.setDetail(unreadable.getReason());
        }
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private static String fieldOf(DatabindException databind) {
        String path = databind.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
        return path.isEmpty() ? "(body)" : path;
    }

    private static String reasonOf(DatabindException databind) {
        if (databind instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (databind instanceof NulTextRefused.NulInText) {
            return NulTextRefused.REASON;
        }
        if (databind instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (databind instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a " + describe(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date or time in ISO-8601";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        return type == String.class ? "string" : "JSON object";
    }

    private static <T extends Throwable> T causedBy(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @ExceptionHandler(RuleViolationException.class)
    public ProblemDetail ruleViolated(RuleViolationException violation) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violation", "Refused by a business rule",
                violation.getMessage());
        problem.setProperty("rule", violation.rule());
        // A recorded refusal is in the case's history; anything else left no trace.
        problem.setProperty("recorded", violation instanceof RecordedRuleViolationException);
        return problem;
    }

    /**
     * A command's expected version (If-Match) is not the aggregate's: someone changed it since the
     * caller read it (or the caller named a version it cannot have read). Nothing was changed.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ProblemDetail staleVersion(ConflictingAggregateVersionException stale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                "The resource is at version " + stale.getActualVersion() + ", the request was based on version "
                        + stale.getExpectedVersion() + "; read it again (its ETag is the version) and retry.");
        problem.setProperty("expectedVersion", stale.getExpectedVersion());
        problem.setProperty("actualVersion", stale.getActualVersion());
        return problem;
    }

    /**
     * Another instance changed the aggregate at the same moment (the event store's unique
     * aggregate and sequence refused the append), or another conflicting modification.
     */
    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class})
    public ProblemDetail concurrentModification(RuntimeException conflict) {
        return problem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                "The resource was changed by another request at the same time; nothing was changed. "
                        + "Read it again and retry.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "Nothing found with id " + notFound.getAggregateIdentifier());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail invalidCommand(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", invalid.getMessage());
    }

    /** Anything unexpected: logged here, answered without internals. */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception failure) {
        log.error("Request failed", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be processed; nothing was changed.");
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

    /** A problem of one of the platform's stable types ({@value #TYPE_PREFIX}{@code <type>}). */
    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
