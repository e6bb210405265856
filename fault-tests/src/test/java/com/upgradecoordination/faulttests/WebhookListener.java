package com.upgradecoordination.faulttests;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** The webhook receiver the notifications are delivered to: answers 200 and counts every call. */
final class WebhookListener implements AutoCloseable {

    /** One call: the path it came to, its Idempotency-Key (the notification id) and the {@code text} of its JSON body. */
    record Received(String path, String idempotencyKey, String text, long atMillis) {
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();

    WebhookListener() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        Http.JSON.readTree(body).get("text").asString(), System.currentTimeMillis()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-listener");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + name;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
