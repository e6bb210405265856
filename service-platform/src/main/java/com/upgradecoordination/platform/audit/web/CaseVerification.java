package com.upgradecoordination.platform.audit.web;

import com.upgradecoordination.platform.audit.chain.ChainVerification;
import java.util.List;

/** Every stream of a case this service holds, verified: INTACT only when each of them is. */
public record CaseVerification(String caseId, ChainVerification.Status status, List<ChainVerification> streams) {
}
