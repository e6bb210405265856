package com.upgradecoordination.coordination.catalog;

import com.upgradecoordination.coordination.domain.performance.GptRun;
import com.upgradecoordination.coordination.domain.performance.GptTestResult;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the GitLab Performance Tool's own {@code _results.json} as uploaded (GPT v2.x shape:
 * name, version, gpt_version, option, date, test_results[...]). Numbers may come as JSON numbers or
 * as GPT's strings with units ("197.94/s", "100.32ms", "100.00%"). Anything missing or malformed
 * is refused with the field that is wrong.
 */
public final class GptResultsReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GptResultsReader() {
    }

    public static GptRun read(byte[] resultsJson) {
        JsonNode root;
        try {
            root = JSON.readTree(resultsJson);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException("GPT results: not a JSON document (" + notJson.getOriginalMessage() + ")");
        }
        return read(root);
    }

    public static GptRun read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("GPT results: expected GPT's results object");
        }
        JsonNode tests = root.get("test_results");
        if (tests == null || !tests.isArray() || tests.isEmpty()) {
            throw new IllegalArgumentException("GPT results: test_results must list at least one test");
        }
        List<GptTestResult> results = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            results.add(test(tests.get(i), "test_results[" + i + "]"));
        }
        return new GptRun(text(root, "name", "name"), text(root, "version", "version"),
                text(root, "gpt_version", "gpt_version"), text(root, "option", "option"),
                text(root, "date", "date"), results);
    }

    private static GptTestResult test(JsonNode test, String at) {
        double target = number(test, "rps_target", at);
        double threshold = test.has("rps_threshold") ? number(test, "rps_threshold", at) : 0.8 * target;
        double ttfbThreshold = test.has("ttfb_p90_threshold") ? number(test, "ttfb_p90_threshold", at) : 200;
        double successThreshold = test.has("success_rate_threshold") ? number(test, "success_rate_threshold", at) : 99;
        if (target <= 0) {
            throw new IllegalArgumentException("GPT results: " + at + ".rps_target must be positive");
        }
        return new GptTestResult(text(test, "name", at + ".name"), target, number(test, "rps_result", at), threshold,
                number(test, "ttfb_p90", at), ttfbThreshold, number(test, "success_rate", at), successThreshold);
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("GPT results: " + at + " is missing");
        }
        return value.asString().strip();
    }

    private static double number(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("GPT results: " + at + "." + field + " is missing");
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        String text = value.asString().strip().replaceAll("(/s|ms|%)$", "");
        try {
            double parsed = Double.parseDouble(text);
            if (parsed < 0 || Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("GPT results: " + at + "." + field + " is not a number: '"
                    + value.asString() + "'");
        }
    }
}
