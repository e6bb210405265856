package com.upgradecoordination.platform.web;

import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * The Idempotency-Key claim a request runs under, handed from {@link IdempotencyFilter} to
 * {@link CommandDispatcher} as an exchange attribute, and from there to the command as metadata, so
 * that the command's transaction can record its outcome on the key ({@link IdempotentCommandRecorder}).
 *
 * @param committed the outcome of the command an earlier run of this request committed before it
 *                  died; null when the command has not run
 */
public record IdempotencyClaim(String principal, String key, String token, IdempotencyKeys.CommittedCommand committed) {

    /** The exchange attribute that holds the claim. */
    public static final String ATTRIBUTE = IdempotencyClaim.class.getName();

    static final String PRINCIPAL = "idempotencyPrincipal";
    static final String KEY = "idempotencyKey";
    static final String TOKEN = "idempotencyClaimToken";

    public MetaData toMetaData() {
        return MetaData.from(Map.of(PRINCIPAL, principal, KEY, key, TOKEN, token));
    }

    /** The claim a command was sent under, or null when it carries none. */
    static IdempotencyClaim from(MetaData metaData) {
        Object principal = metaData.get(PRINCIPAL);
        Object key = metaData.get(KEY);
        Object token = metaData.get(TOKEN);
        return principal == null || key == null || token == null ? null
                : new IdempotencyClaim(principal.toString(), key.toString(), token.toString(), null);
    }
}
