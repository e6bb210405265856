package com.upgradecoordination.coordination.domain;

/** A reference component: node count and per-node vCPU and memory. */
public record ComponentSpec(String component, int nodes, double vcpu, double memoryGb) {

    /** The docs' shorthand, e.g. {@code 3x8/30}. */
    public static String describe(int nodes, double vcpu, double memoryGb) {
        return nodes + "x" + trim(vcpu) + "/" + trim(memoryGb);
    }

    public String describe() {
        return describe(nodes, vcpu, memoryGb);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
