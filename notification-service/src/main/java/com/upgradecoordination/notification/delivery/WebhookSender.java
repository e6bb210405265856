package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.api.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WEBHOOK channel: a JSON POST of {@code {"text": message}}, the body Slack's incoming webhooks
 * (and Mattermost's, and Teams' workflows) accept. A 2xx answer is delivered; 408, 429 and 5xx
 * answers and network failures are worth another attempt; any other answer refuses it for good.
 * Every call carries {@code Idempotency-Key: <notification id>}: delivery is at least once (a call
 * whose outcome could not be recorded is made again), so a receiver that must act once dedupes on it.
 */
@Component
public class WebhookSender implements ChannelSender {

    private final HttpClient http;
    private final JsonMapper jsonMapper;
    private final DeliverySettings settings;

    public WebhookSender(JsonMapper jsonMapper, DeliverySettings settings) {
        this.jsonMapper = jsonMapper;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(OutgoingNotification notification) throws DeliveryFailure {
        String body = jsonMapper.writeValueAsString(Map.of("text", notification.message()));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(notification.address()))
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json")
                    // the same on every attempt: a call repeated after a crash or a lost record of
                    // its outcome can be recognised by a receiver that keeps the keys it has seen
                    .header("Idempotency-Key", notification.notificationId())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException unusable) {
            // its message would quote the URL, a secret
            throw new DeliveryFailure("the webhook URL cannot be called", true, null);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new DeliveryFailure("webhook unreachable: " + unreachable, false, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("webhook call interrupted", false, interrupted);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        // the answer's start helps whoever reads the failure; a webhook's answers carry no secrets of ours
        String answer = response.body() == null ? "" : response.body();
        String reason = "webhook answered " + status + (answer.isBlank() ? "" : ": "
                + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer));
        boolean worthRetrying = status == 408 || status == 429 || status >= 500;
        throw new DeliveryFailure(reason, !worthRetrying, null);
    }
}
