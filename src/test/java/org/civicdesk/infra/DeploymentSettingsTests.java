package org.civicdesk.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting a deployment hands the service is one the service reads. An environment variable
 * with a typo is silently ignored (a pool left at its default, Twilio never configured), so the
 * names in the Kubernetes ConfigMap and Secret, in the compose file and in the README's
 * configuration table are held to the configuration properties the service and Spring Boot
 * declare (their configuration metadata, as relaxed binding maps variables to properties) and to
 * the variables {@code application.yml} reads by name.
 */
class DeploymentSettingsTests {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Read by the JVM or the platform, not by Spring's binding. */
    private static final Set<String> OUTSIDE_SPRING = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS");

    private static final Set<String> properties = new TreeSet<>();
    private static final Set<String> placeholders = new TreeSet<>();

    @BeforeAll
    static void readWhatTheServiceReads() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(DeploymentSettingsTests.class.getClassLoader().getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    JsonNode metadata = json.readTree(in);
                    for (String section : List.of("properties", "groups")) {
                        for (JsonNode entry : metadata.path(section)) {
                            properties.add(normalised(entry.path("name").asString()));
                        }
                    }
                }
            }
        }
        String yml = Files.readString(ROOT.resolve("src/main/resources/application.yml"));
        Matcher names = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(yml);
        while (names.find()) {
            placeholders.add(names.group(1));
        }
        assertThat(properties).as("configuration metadata on the class path")
                .contains(normalised("spring.r2dbc.url"), normalised("civicdesk.platform.zone"));
    }

    @Test
    void theKubernetesConfigMapSecretAndDeploymentNameOnlySettingsTheServiceReads() throws IOException {
        Map<String, String> unknown = new TreeMap<>();
        for (String file : List.of("infra/k8s/configmap.yaml", "infra/k8s/secret.yaml")) {
            for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve(file)))) {
                Map<?, ?> resource = (Map<?, ?>) document;
                Map<?, ?> values = (Map<?, ?>) (resource.containsKey("data") ? resource.get("data") : resource.get("stringData"));
                assertThat(values).as(file + " holds settings").isNotEmpty();
                values.keySet().forEach(name -> check(String.valueOf(name), file, unknown));
            }
        }
        Map<?, ?> deployment = new Yaml().load(Files.readString(ROOT.resolve("infra/k8s/deployment.yaml")));
        Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template")).get("spec");
        for (Object container : (List<?>) pod.get("containers")) {
            for (Object variable : (List<?>) ((Map<?, ?>) container).get("env")) {
                check(String.valueOf(((Map<?, ?>) variable).get("name")), "infra/k8s/deployment.yaml", unknown);
            }
        }
        assertThat(unknown).as("settings nothing reads").isEmpty();
    }

    @Test
    void theComposeFileGivesTheInstancesOnlySettingsTheServiceReads() throws IOException {
        Map<?, ?> compose = new Yaml().load(Files.readString(ROOT.resolve("infra/compose.yaml")));
        Map<?, ?> services = (Map<?, ?>) compose.get("services");
        Map<String, String> unknown = new TreeMap<>();
        int instances = 0;
        for (Map.Entry<?, ?> service : services.entrySet()) {
            if (String.valueOf(service.getKey()).startsWith("civicdesk-")) {
                instances++;
                Map<?, ?> environment = (Map<?, ?>) ((Map<?, ?>) service.getValue()).get("environment");
                environment.keySet().forEach(name -> check(String.valueOf(name), "compose " + service.getKey(), unknown));
            }
        }
        assertThat(instances).as("CivicDesk instances in compose").isEqualTo(2);
        assertThat(unknown).as("settings nothing reads").isEmpty();
    }

    @Test
    void theReadmeConfigurationTableNamesRealPropertiesAndTheirVariables() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.-]*)` \\| `([A-Z][A-Z0-9_]*)` \\|")
                .matcher(Files.readString(ROOT.resolve("README.md")));
        Map<String, String> wrong = new TreeMap<>();
        int count = 0;
        while (rows.find()) {
            count++;
            String property = rows.group(1);
            String variable = rows.group(2);
            if (!properties.contains(normalised(property)) && !placeholders.contains(variable)) {
                wrong.put(property, "no such property");
            }
            else if (!placeholders.contains(variable) && !normalised(property).equals(variableNormalised(variable))) {
                wrong.put(property, variable + " does not bind to it");
            }
        }
        assertThat(count).as("rows of the README's configuration table").isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    private static void check(String variable, String where, Map<String, String> unknown) {
        boolean known = OUTSIDE_SPRING.contains(variable) || placeholders.contains(variable)
                || properties.contains(variableNormalised(variable));
        if (!known) {
            unknown.put(variable, where);
        }
    }

    /** An environment variable as relaxed binding reads it, compared like {@link #normalised}. */
    private static String variableNormalised(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** A property or variable name as relaxed binding compares them: lower case, no separators. */
    private static String normalised(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-._\\[\\]]", "");
    }
}
