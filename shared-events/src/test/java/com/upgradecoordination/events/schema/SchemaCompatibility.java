package com.upgradecoordination.events.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a contract version's schema changed only additively since it was released (SPEC
 * K2): consumers built on the released schema must read the new records, and consumers built on the
 * new schema must read records already on the topic. So within a version a field may be added if it
 * is optional, and an enumeration may grow; removing or renaming a field, changing its type or
 * format, requiring a field that was not required, or dropping an enumeration value needs a new
 * version.
 */
final class SchemaCompatibility {

    private final JsonNode releasedRoot;
    private final JsonNode currentRoot;
    private final List<String> breakingChanges = new ArrayList<>();

    private SchemaCompatibility(JsonNode releasedRoot, JsonNode currentRoot) {
        this.releasedRoot = releasedRoot;
        this.currentRoot = currentRoot;
    }

    /** The changes that are not additive, each naming the JSON path of the field; empty when compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        SchemaCompatibility check = new SchemaCompatibility(released, current);
        check.compare("$", released, current);
        return check.breakingChanges;
    }

    private void compare(String path, JsonNode releasedNode, JsonNode currentNode) {
        JsonNode released = resolve(releasedRoot, releasedNode);
        JsonNode current = resolve(currentRoot, currentNode);
        if (!types(released).equals(types(current))) {
            breakingChanges.add(path + ": type changed from " + types(released) + " to " + types(current));
        }
        if (!released.path("format").equals(current.path("format"))) {
            breakingChanges.add(path + ": format changed from " + released.path("format") + " to "
                    + current.path("format"));
        }
        compareEnumerations(path, released, current);
        compareProperties(path, released, current);
        if (released.has("items") || current.has("items")) {
            compare(path + "[]", released.path("items"), current.path("items"));
        }
        compareAlternatives(path, released.path("anyOf"), current.path("anyOf"));
        compareAlternatives(path, released.path("oneOf"), current.path("oneOf"));
    }

    private void compareProperties(String path, JsonNode released, JsonNode current) {
        Set<String> releasedRequired = names(released.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        for (String name : names(released.path("properties"))) {
            if (!current.path("properties").has(name)) {
                breakingChanges.add(path + "." + name + ": removed or renamed");
            } else {
                compare(path + "." + name, released.path("properties").path(name), current.path("properties").path(name));
            }
        }
        for (String name : currentRequired) {
            if (!releasedRequired.contains(name)) {
                breakingChanges.add(path + "." + name + ": required now, but records written before may lack it");
            }
        }
    }

    private void compareEnumerations(String path, JsonNode released, JsonNode current) {
        if (!released.has("enum") && !current.has("enum")) {
            return;
        }
        if (!current.has("enum")) {
            return; // any value is accepted now: the enumeration grew
        }
        Set<String> dropped = new TreeSet<>(values(released.path("enum")));
        if (!released.has("enum")) {
            breakingChanges.add(path + ": restricted to " + values(current.path("enum")));
            return;
        }
        dropped.removeAll(values(current.path("enum")));
        if (!dropped.isEmpty()) {
            breakingChanges.add(path + ": enumeration narrowed, " + dropped + " no longer allowed");
        }
    }

    private void compareAlternatives(String path, JsonNode released, JsonNode current) {
        if (released.size() != current.size()) {
            breakingChanges.add(path + ": alternatives changed from " + released.size() + " to " + current.size());
            return;
        }
        for (int i = 0; i < released.size(); i++) {
            compare(path + "<" + i + ">", released.get(i), current.get(i));
        }
    }

    /** Follows a local {@code $ref} (the generator puts shared types under {@code $defs}). */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode resolved = node;
        Set<String> seen = new HashSet<>();
        while (resolved.has("$ref") && seen.add(resolved.get("$ref").asString())) {
            resolved = root.at(resolved.get("$ref").asString().substring(1));
        }
        return resolved;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? names(type) : type.isMissingNode() ? Set.of() : Set.of(type.asString());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(name -> names.add(name.asString()));
        } else {
            names.addAll(node.propertyNames());
        }
        return names;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.toString()));
        return values;
    }
}
