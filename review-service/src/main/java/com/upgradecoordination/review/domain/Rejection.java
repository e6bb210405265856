package com.upgradecoordination.review.domain;

import com.upgradecoordination.platform.domain.RuleViolationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a policy answers when its rule is broken, as in ddd-by-examples' library: the rule's stable
 * name and the reason, written for whoever sent the command. A policy that holds answers nothing.
 */
record Rejection(String rule, String reason) {

    static Optional<Rejection> because(String rule, String reason) {
        return Optional.of(new Rejection(rule, reason));
    }

    static Optional<Rejection> none() {
        return Optional.empty();
    }

    /** Asks the policies in their order and refuses with the first rejection; later ones are not asked. */
    static <P> void enforce(List<P> policies, Function<P, Optional<Rejection>> check) {
        for (P policy : policies) {
            Optional<Rejection> rejection = check.apply(policy);
            if (rejection.isPresent()) {
                throw rejection.get().refusal();
            }
        }
    }

    /** The refusal the command fails with; the HTTP edge answers it with 409. */
    RuleViolationException refusal() {
        return new RuleViolationException(rule, reason);
    }
}
