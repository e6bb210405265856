package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * docs/security.md lists each service's access table for readers; the table that counts is
 * {@code platform.access.rules} in the service's configuration. This keeps the two the same.
 */
class AccessTablesDocumentedTest {

    private static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` \\| (.+) \\|$");

    @ParameterizedTest
    @ValueSource(strings = {"coordination-service", "review-service", "notification-service"})
    void theDocumentedTableIsTheConfiguredOne(String service) throws IOException {
        assertDocumented(service + ".yml", "platform.access.rules", "### " + service);
    }

    @Test
    void theDocumentedAuditTableIsThePlatformsOne() throws IOException {
        assertDocumented("service-platform.yml", "platform.access.platform-rules", "### every service");
    }

    private static void assertDocumented(String configFile, String property, String sectionHeading)
            throws IOException {
        List<String> configured = configuredRules(configFile, property);
        List<String> documented = documentedRules(sectionHeading);

        assertThat(configured).isNotEmpty();
        assertThat(documented)
                .as("docs/security.md, section '%s', should read:%n%s", sectionHeading, markdownTable(configured))
                .isEqualTo(configured);
    }

    private static List<String> configuredRules(String configFile, String property) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(configFile));
        Properties properties = yaml.getObject();
        List<String> rules = new ArrayList<>();
        for (int i = 0; properties.containsKey(property + "[" + i + "]"); i++) {
            rules.add(normalised(properties.getProperty(property + "[" + i + "]")));
        }
        return rules;
    }

    private static List<String> documentedRules(String sectionHeading) throws IOException {
        List<String> rules = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(SECURITY_DOC)) {
            if (line.startsWith("#")) {
                inSection = line.startsWith(sectionHeading);
                continue;
            }
            Matcher row = DOC_ROW.matcher(line.strip());
            if (inSection && row.matches()) {
                // the document names path variables ({id}) where the table has wildcards (*)
                rules.add(normalised(row.group(1) + " " + row.group(2).replaceAll("\\{[^}]+}", "*")
                        + " = " + row.group(3)));
            }
        }
        return rules;
    }

    private static String normalised(String rule) {
        String[] sides = rule.split("=", 2);
        return sides[0].strip() + " = " + String.join(", ", sides[1].strip().split("\\s*,\\s*"));
    }

    private static String markdownTable(List<String> rules) {
        StringBuilder table = new StringBuilder("| endpoint | roles |\n|---|---|\n");
        for (String rule : rules) {
            String[] sides = rule.split(" = ", 2);
            table.append("| `").append(sides[0]).append("` | ").append(sides[1]).append(" |\n");
        }
        return table.toString();
    }
}
