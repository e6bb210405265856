package com.upgradecoordination.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an integration-event payload on the wire: its type name and schema version.
 * Adding optional fields keeps the version; any other change is a new version (SPEC K2).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    String type();

    int version();

    /** The topic the producing service publishes this type to. */
    String topic();
}
