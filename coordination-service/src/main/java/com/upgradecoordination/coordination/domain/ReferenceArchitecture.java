package com.upgradecoordination.coordination.domain;

import java.util.List;
import java.util.Optional;

/** One reference architecture size: its user ceiling, API RPS target and components. */
public record ReferenceArchitecture(String size, int maxUsers, int apiRps, List<ComponentSpec> components) {

    public ReferenceArchitecture {
        components = List.copyOf(components);
    }

    public Optional<ComponentSpec> component(String name) {
        return components.stream().filter(c -> c.component().equals(name)).findFirst();
    }
}
