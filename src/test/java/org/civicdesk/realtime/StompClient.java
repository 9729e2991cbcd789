package org.civicdesk.realtime;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A STOMP client for tests that shares nothing with the server: the JDK's WebSocket, frames
 * written as text by hand, and its own parser (escapes, content-length, heart-beats), so that
 * the server's parsing and encoding are really what is tested.
 */
public final class StompClient implements AutoCloseable {

    /** A frame as received: headers unescaped, the first of a repeated header kept. */
    public record Frame(String command, Map<String, String> headers, String body) {

        public String header(String name) {
            String value = headers.get(name);
            if (value == null) {
                throw new AssertionError("No header " + name + " in " + this);
            }
            return value;
        }
    }

    private static final HttpClient http = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final WebSocket socket;
    private volatile boolean paused;
    private volatile boolean owed;

    private StompClient(URI uri, String... subprotocols) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens a WebSocket to the server's STOMP endpoint, offering STOMP 1.2 and 1.1. */
    public static StompClient open(int port) {
        return new StompClient(URI.create("ws://127.0.0.1:" + port + "/ws/stomp"), "v12.stomp", "v11.stomp");
    }

    public static StompClient open(int port, String... subprotocols) {
        return new StompClient(URI.create("ws://127.0.0.1:" + port + "/ws/stomp"), subprotocols);
    }

    /** Opens and connects, with a bearer token or anonymously ({@code null}); returns CONNECTED. */
    public static StompClient connected(int port, @Nullable String token) {
        StompClient client = open(port);
        client.send("CONNECT\naccept-version:1.1,1.2\nhost:civicdesk\n"
                + (token == null ? "" : "Authorization:Bearer " + token + "\n") + "\n\0");
        Frame connected = client.next();
        if (!connected.command().equals("CONNECTED")) {
            throw new AssertionError("Not connected: " + connected);
        }
        return client;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends text exactly as given, as one WebSocket message. */
    public void send(String raw) {
        socket.sendText(raw, true).join();
    }

    /** Sends one STOMP frame split over several WebSocket messages (as stomp.js does with large frames). */
    public void sendInPieces(String raw, int pieceLength) {
        for (int i = 0; i < raw.length(); i += pieceLength) {
            socket.sendText(raw.substring(i, Math.min(raw.length(), i + pieceLength)), true).join();
        }
    }

    /** SUBSCRIBE with extra header lines such as {@code "ack:client"}, then waits for its RECEIPT. */
    public void subscribe(String id, String destination, String... headers) {
        StringBuilder frame = new StringBuilder("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n");
        for (String header : headers) {
            frame.append(header).append('\n');
        }
        frame.append("receipt:sub-").append(id).append("\n\n\0");
        send(frame.toString());
        Frame receipt = next();
        if (!receipt.command().equals("RECEIPT") || !receipt.header("receipt-id").equals("sub-" + id)) {
            throw new AssertionError("Expected the subscription's RECEIPT, got " + receipt);
        }
    }

    /** The next frame, failing after five seconds. */
    public Frame next() {
        return next(Duration.ofSeconds(5));
    }

    public Frame next(Duration timeout) {
        try {
            Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("No frame within " + timeout + (closed.isDone() ? " (closed " + closed.join() + ")" : ""));
            }
            return frame;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The next frame that matches, skipping others. */
    public Frame next(Predicate<Frame> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** Whether a frame arrives within the time; for asserting that nothing does. */
    public @Nullable Frame poll(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Frames received so far and not yet taken. */
    public List<Frame> drain() {
        List<Frame> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    /** Waits for the server to close the WebSocket; returns its status code. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (Exception ex) {
            throw new AssertionError("The server did not close the connection within " + timeout, ex);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    /** Stops reading from the socket, as a client stuck on something else would. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        if (owed) {
            owed = false;
            socket.request(1);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(ex -> null);
        }
        socket.abort();
    }

    private synchronized void received(byte[] bytes) {
        pending.write(bytes, 0, bytes.length);
        byte[] all = pending.toByteArray();
        int position = 0;
        while (true) {
            while (position < all.length && (all[position] == '\n' || all[position] == '\r')) {
                if (all[position] == '\n') {
                    heartbeats.incrementAndGet();
                }
                position++;
            }
            int end = parse(all, position);
            if (end < 0) {
                break;
            }
            position = end;
        }
        pending.reset();
        pending.write(all, position, all.length - position);
    }

    /** Parses one frame at {@code start}; returns where it ends, or -1 if it is not all here yet. */
    private int parse(byte[] data, int start) {
        int headerEnd = indexOf(data, start, "\n\n".getBytes(StandardCharsets.UTF_8));
        if (headerEnd < 0) {
            return -1;
        }
        String[] lines = new String(data, start, headerEnd - start, StandardCharsets.UTF_8).split("\n");
        String command = lines[0];
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = unescape(lines[i].substring(0, colon), command);
            headers.putIfAbsent(name, unescape(lines[i].substring(colon + 1), command));
        }
        int bodyStart = headerEnd + 2;
        int bodyEnd;
        if (headers.containsKey("content-length")) {
            bodyEnd = bodyStart + Integer.parseInt(headers.get("content-length"));
            if (bodyEnd >= data.length) {
                return -1;
            }
            if (data[bodyEnd] != 0) {
                throw new AssertionError("Frame not terminated by NUL after content-length: " + command);
            }
        }
        else {
            bodyEnd = indexOf(data, bodyStart, new byte[] {0});
            if (bodyEnd < 0) {
                return -1;
            }
        }
        frames.add(new Frame(command, headers, new String(data, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8)));
        return bodyEnd + 1;
    }

    private static String unescape(String value, String command) {
        if (command.equals("CONNECTED")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'c' -> out.append(':');
                case '\\' -> out.append('\\');
                default -> throw new AssertionError("Illegal escape \\" + next + " from the server");
            }
        }
        return out.toString();
    }

    private static int indexOf(byte[] data, int from, byte[] needle) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
            if (paused) {
                owed = true;
            }
            else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
