package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/**
 * A person's personal data was erased at coordination-service (docs/personal-data.md): every
 * consumer that keeps that person's identifier must forget it. The person is named by hash only,
 * so the record itself holds no personal data. The record key is the hash.
 *
 * @param personHash SHA-256 of the identifier (a principal name or an address), lower-case hex:
 *                   hash each identifier you keep the same way and drop or replace the matches
 * @param erasedAt   when coordination-service erased the person
 */
@EventContract(type = "PersonalDataErased", version = 1, topic = Topics.COORDINATION)
public record PersonalDataErased(String personHash, Instant erasedAt) {
}
