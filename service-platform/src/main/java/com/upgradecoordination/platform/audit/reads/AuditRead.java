package com.upgradecoordination.platform.audit.reads;

import java.time.Instant;

/** One recorded audit read: who, in which role, what (method, path and query), when, in which flow. */
public record AuditRead(long id, String principal, String role, String method, String target,
                        String correlationId, Instant readAt) {
}
