package com.upgradecoordination.platform.audit.chain;

/** One link of an aggregate's hash chain: the event it covers, the previous link's hash and its own. */
public record ChainLink(long sequence, String eventId, String previousHash, String hash) {
}
