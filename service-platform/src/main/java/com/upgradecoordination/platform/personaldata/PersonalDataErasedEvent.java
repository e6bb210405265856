package com.upgradecoordination.platform.personaldata;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person's personal data was erased here: their keys were destroyed, so every stored field they
 * encrypted reads "erased". Who asked is the event's actor. It names the person by hash only.
 *
 * @param personHash SHA-256 of the identifier, in hex (the erasure stream's id)
 * @param keysErased how many of the person's keys were destroyed
 * @param erasedAt   when
 */
@Revision("1")
public record PersonalDataErasedEvent(String personHash, int keysErased, Instant erasedAt) {
}
