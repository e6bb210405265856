package com.upgradecoordination.platform.web;

import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies may not hold the character U+0000 in any text (a JSON string written
 * {@code "\u0000"}, or a field name): PostgreSQL text cannot store it. Such a body used to be
 * accepted and its event stored; the read model that then tried to write the text stopped in
 * retry mode, behind every later event. Now it is invalid input (400) naming the field; nothing
 * is stored. Covers text fields, lists and map keys of text, and free-form JSON fields.
 */
final class NulTextRefused extends SimpleModule {

    /** The reason {@link ProblemDetailsAdvice} gives for the field. */
    static final String REASON = "must not contain the character U+0000";

    NulTextRefused() {
        super("nul-text-refused");
        addDeserializer(String.class, new Text());
        addKeyDeserializer(String.class, new Key());
        addDeserializer(JsonNode.class, new FreeForm());
    }

    /** Thrown for text holding U+0000; a {@link MismatchedInputException}, so the field's path is kept. */
    static final class NulInText extends MismatchedInputException {
        NulInText(JsonParser parser) {
            super(parser, "Text " + REASON, parser.currentTokenLocation());
        }
    }

    private static String checked(JsonParser parser, String text) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new NulInText(parser);
        }
        return text;
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return checked(parser, StringDeserializer.instance.deserialize(parser, context));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    private static final class Key extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return checked(context.getParser(), key);
        }
    }

    private static final class FreeForm extends StdDeserializer<JsonNode> {
        FreeForm() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode tree = (JsonNode) JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            check(parser, tree);
            return tree;
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return JsonNodeDeserializer.getDeserializer(JsonNode.class).getNullValue(context);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return JsonNodeDeserializer.getDeserializer(JsonNode.class).getAbsentValue(context);
        }

        private static void check(JsonParser parser, JsonNode node) {
            if (node.isString()) {
                checked(parser, node.asString());
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    checked(parser, property.getKey());
                    check(parser, property.getValue());
                }
            } else if (node.isArray()) {
                node.values().forEach(element -> check(parser, element));
            }
        }
    }
}
