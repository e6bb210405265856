package com.upgradecoordination.platform.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/** The success answers of commands, for example {@code commands.send(command).then(Answers.noContent())}. */
public final class Answers {

    private Answers() {
    }

    /** 204: the command was carried out and there is nothing to tell. */
    public static Mono<ResponseEntity<Void>> noContent() {
        return Mono.fromSupplier(() -> ResponseEntity.noContent().build());
    }

    /** 201: the command created the resource at {@code location}; {@code body} names it. */
    public static <T> ResponseEntity<T> created(String location, T body) {
        return ResponseEntity.created(URI.create(location)).body(body);
    }

    /** 202: the command was carried out; another service acts on it later. */
    public static <T> ResponseEntity<T> accepted(T body) {
        return ResponseEntity.accepted().body(body);
    }
}
