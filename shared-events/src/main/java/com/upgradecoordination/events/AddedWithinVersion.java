package com.upgradecoordination.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a contract field added after its version was first published (an additive change, SPEC K2).
 * Records written before it lack the field, so the contract's JSON Schema does not require it and
 * consumers read it as absent or null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface AddedWithinVersion {
}
