package com.upgradecoordination.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over its own connection, written byte for byte as given: for targets that
 * {@link java.net.URI} (and so {@link java.net.http.HttpClient}) refuses to send, such as a
 * malformed percent escape ({@code ?limit=%zz}).
 */
final class RawHttp {

    /** Status, headers (names in lower case) and body of an answer. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private RawHttp() {
    }

    /** The answer, or null when none (or not all of it) came within {@code bound}. */
    static Response send(int port, String method, String target, Map<String, String> headers, byte[] body,
                         Duration bound) throws IOException {
        long deadline = System.nanoTime() + bound.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) bound.toMillis());
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            Reader reader = new Reader(socket, deadline);
            String statusLine = reader.line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            for (String line = reader.line(); !line.isEmpty(); line = reader.line()) {
                int colon = line.indexOf(':');
                responseHeaders.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            byte[] content;
            if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(reader.line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(reader.line().split(";")[0].strip(), 16)) {
                    chunks.write(reader.bytes(size));
                    reader.line();
                }
                content = chunks.toByteArray();
            } else if (responseHeaders.containsKey("content-length")) {
                content = reader.bytes(Integer.parseInt(responseHeaders.get("content-length")));
            } else {
                content = reader.rest();
            }
            return new Response(status, responseHeaders, content);
        } catch (SocketTimeoutException unanswered) {
            return null;
        }
    }

    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        Reader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
        }

        private int read() throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("bound reached");
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            return in.read();
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = read(); b != '\n'; b = read()) {
                if (b < 0) {
                    throw new IOException("connection closed mid-line");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] bytes(int count) throws IOException {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++) {
                int b = read();
                if (b < 0) {
                    throw new IOException("connection closed after " + i + " of " + count + " bytes");
                }
                bytes[i] = (byte) b;
            }
            return bytes;
        }

        byte[] rest() throws IOException {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            for (int b = read(); b >= 0; b = read()) {
                rest.write(b);
            }
            return rest.toByteArray();
        }
    }
}
