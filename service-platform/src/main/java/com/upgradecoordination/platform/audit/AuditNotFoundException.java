package com.upgradecoordination.platform.audit;

/**
 * Nothing to show (HTTP 404): an unknown aggregate, an aggregate that did not exist yet at the
 * moment asked for, a case this service holds nothing of, an unknown read model.
 */
public class AuditNotFoundException extends RuntimeException {

    public AuditNotFoundException(String message) {
        super(message);
    }
}
