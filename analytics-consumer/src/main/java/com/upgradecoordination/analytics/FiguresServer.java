package com.upgradecoordination.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Serves the figures as JSON: {@code GET /figures}. The JDK's own HTTP server: nothing to add for it. */
final class FiguresServer implements AutoCloseable {

    private final HttpServer server;

    FiguresServer(String host, int port, Supplier<String> figuresAsJson) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/figures", exchange -> {
            try (exchange) {
                if (!"/figures".equals(exchange.getRequestURI().getPath())) {
                    send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                } else if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    send(exchange, 405, "{\"title\":\"Method Not Allowed\",\"status\":405}");
                } else {
                    send(exchange, 200, figuresAsJson.get());
                }
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
