package com.upgradecoordination.platform.audit.reads;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of recorded reads, oldest first; {@code nextAfterId} continues the listing when there is more. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditReadPage(List<AuditRead> reads, Long nextAfterId) {
}
