package com.upgradecoordination.coordination.domain;

import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationKind;
import com.upgradecoordination.coordination.api.Placement;
import com.upgradecoordination.coordination.api.ProposedComponent;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GitLab's reference architectures as versioned catalog data: sizing from requirements and
 * component-by-component comparison of a proposed architecture.
 */
public final class ReferenceArchitectureCatalog {

    private final int version;
    private final String source;
    private final String retrieved;
    private final List<ReferenceArchitecture> sizes;
    private final Set<String> statefulComponents;

    public ReferenceArchitectureCatalog(int version, String source, String retrieved,
                                        List<ReferenceArchitecture> sizes, Set<String> statefulComponents) {
        this.version = version;
        this.source = source;
        this.retrieved = retrieved;
        this.sizes = sizes.stream().sorted(Comparator.comparingInt(ReferenceArchitecture::maxUsers)).toList();
        this.statefulComponents = Set.copyOf(statefulComponents);
        validate();
    }

    public int version() {
        return version;
    }

    public String source() {
        return source;
    }

    public String retrieved() {
        return retrieved;
    }

    public List<ReferenceArchitecture> sizes() {
        return sizes;
    }

    public ReferenceArchitecture size(String name) {
        return sizes.stream().filter(s -> s.size().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown reference architecture size " + name));
    }

    /** The smallest size that covers both the expected users and the peak API RPS; the larger of the two wins. */
    public Sizing sizeFor(int expectedUsers, Integer peakApiRps) {
        ReferenceArchitecture byUsers = smallest(s -> s.maxUsers() >= expectedUsers, expectedUsers + " users");
        if (peakApiRps == null) {
            return new Sizing(byUsers, "USERS");
        }
        ReferenceArchitecture byRps = smallest(s -> s.apiRps() >= peakApiRps, peakApiRps + " API RPS");
        return byRps.maxUsers() > byUsers.maxUsers() ? new Sizing(byRps, "RPS") : new Sizing(byUsers, "USERS");
    }

    /** Every difference between the proposal and the reference, in the reference's component order, extras last. */
    public List<Deviation> compare(ReferenceArchitecture reference, List<ProposedComponent> proposal) {
        Map<String, ProposedComponent> proposed = proposal.stream()
                .collect(Collectors.toMap(ProposedComponent::component, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("component " + a.component() + " is listed twice");
                }));
        List<Deviation> deviations = new ArrayList<>();
        for (ComponentSpec expected : reference.components()) {
            ProposedComponent actual = proposed.get(expected.component());
            if (actual == null) {
                deviations.add(new Deviation(expected.component(), expected.describe(), "-", DeviationKind.MISSING));
                continue;
            }
            sizeDeviation(expected, actual).ifPresent(deviations::add);
        }
        for (ProposedComponent actual : proposal) {
            if (reference.component(actual.component()).isEmpty()) {
                deviations.add(new Deviation(actual.component(), "-", describe(actual), DeviationKind.EXTRA));
            }
            if (actual.placement() == Placement.KUBERNETES && statefulComponents.contains(actual.component())) {
                deviations.add(new Deviation(actual.component(), "VM", "KUBERNETES", DeviationKind.UNSUPPORTED_PLACEMENT));
            }
        }
        return deviations;
    }

    private static Optional<Deviation> sizeDeviation(ComponentSpec expected, ProposedComponent actual) {
        boolean smaller = actual.nodes() < expected.nodes() || actual.vcpu() < expected.vcpu()
                || actual.memoryGb() < expected.memoryGb();
        boolean larger = actual.nodes() > expected.nodes() || actual.vcpu() > expected.vcpu()
                || actual.memoryGb() > expected.memoryGb();
        if (!smaller && !larger) {
            return Optional.empty();
        }
        // Anything below the reference is undersized, even if another dimension is larger.
        DeviationKind kind = smaller ? DeviationKind.UNDERSIZED : DeviationKind.OVERSIZED;
        return Optional.of(new Deviation(expected.component(), expected.describe(), describe(actual), kind));
    }

    private static String describe(ProposedComponent component) {
        return ComponentSpec.describe(component.nodes(), component.vcpu(), component.memoryGb());
    }

    private ReferenceArchitecture smallest(java.util.function.Predicate<ReferenceArchitecture> covers, String load) {
        return sizes.stream().filter(covers).findFirst().orElseThrow(() -> new RuleViolationException(
                "beyond-reference-architectures",
                load + " is beyond the largest published reference architecture ("
                        + sizes.get(sizes.size() - 1).size() + "); such an environment needs a custom design"));
    }

    private void validate() {
        if (sizes.isEmpty()) {
            throw new IllegalStateException("Reference-architecture catalog v" + version + " lists no sizes");
        }
        Set<String> names = new HashSet<>();
        for (ReferenceArchitecture size : sizes) {
            if (!names.add(size.size())) {
                throw new IllegalStateException("Reference-architecture catalog lists size " + size.size() + " twice");
            }
            if (size.maxUsers() <= 0 || size.apiRps() <= 0 || size.components().isEmpty()) {
                throw new IllegalStateException("Reference-architecture size " + size.size()
                        + " needs positive maxUsers and apiRps and at least one component");
            }
            for (ComponentSpec component : size.components()) {
                if (component.nodes() < 1 || component.vcpu() <= 0 || component.memoryGb() <= 0) {
                    throw new IllegalStateException("Component " + component.component() + " of size " + size.size()
                            + " needs at least one node and positive vCPU and memory");
                }
            }
        }
    }
}
