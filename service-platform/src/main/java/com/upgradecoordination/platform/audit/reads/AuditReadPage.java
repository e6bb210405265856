package com.upgradecoordination.platform.audit.reads;

import java.util.List;

/** A page of recorded reads, oldest first; {@code nextAfterId} continues the listing when there is more. */
public record AuditReadPage(List<AuditRead> reads, Long nextAfterId) {
}
