package com.upgradecoordination.platform.relay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A service's translator as a table: for each domain event class, the contract it is published as
 * (and under which case, when its events have more than one kind of case id), or that it is kept
 * inside the service on purpose. A class in neither is not published either,
 * and a test can list the classes the table forgot ({@link #decidedFor}).
 */
public final class ContractTranslations implements IntegrationEventTranslator {

    private final Map<Class<?>, Function<Object, OutboundIntegrationEvent>> published;
    private final Set<Class<?>> keptInternal;

    private ContractTranslations(Map<Class<?>, Function<Object, OutboundIntegrationEvent>> published,
                                 Set<Class<?>> keptInternal) {
        this.published = Collections.unmodifiableMap(published);
        this.keptInternal = Collections.unmodifiableSet(keptInternal);
    }

    /**
     * @param caseIdOf the case every event of the service belongs to, e.g. its engagement id
     */
    public static <E> Builder<E> of(Class<E> eventType, Function<E, String> caseIdOf) {
        return new Builder<>(eventType, Objects.requireNonNull(caseIdOf, "caseIdOf"));
    }

    /** A table whose events share no case id: each published line names its own. */
    public static <E> Builder<E> of(Class<E> eventType) {
        return new Builder<>(eventType, null);
    }

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        Function<Object, OutboundIntegrationEvent> translation = published.get(domainEvent.getClass());
        return translation == null ? Optional.empty() : Optional.of(translation.apply(domainEvent));
    }

    /** The domain event classes published. */
    public Set<Class<?>> published() {
        return published.keySet();
    }

    /** Whether the table says what becomes of events of this class (published or kept inside). */
    public boolean decidedFor(Class<?> eventClass) {
        return published.containsKey(eventClass) || keptInternal.contains(eventClass);
    }

    /** Builds the table, one event class per line. */
    public static final class Builder<E> {
        private final Class<E> eventType;
        private final Function<E, String> caseIdOf;
        private final Map<Class<?>, Function<Object, OutboundIntegrationEvent>> published = new LinkedHashMap<>();
        private final Set<Class<?>> keptInternal = new LinkedHashSet<>();

        private Builder(Class<E> eventType, Function<E, String> caseIdOf) {
            this.eventType = eventType;
            this.caseIdOf = caseIdOf;
        }

        /** Events of {@code type} are published as {@code contract} (a record of shared-events). */
        public <T extends E> Builder<E> publish(Class<T> type, Function<T, ? extends Record> contract) {
            if (caseIdOf == null) {
                throw new IllegalArgumentException(type.getName() + ": this table's lines name their case");
            }
            return publish(type, caseIdOf::apply, contract);
        }

        /** Events of {@code type} are published as {@code contract} under the case {@code caseIdOf} names. */
        public <T extends E> Builder<E> publish(Class<T> type, Function<? super T, String> caseIdOf,
                                                Function<T, ? extends Record> contract) {
            decideOnce(type);
            published.put(type, event -> {
                T typed = type.cast(event);
                return new OutboundIntegrationEvent(caseIdOf.apply(typed), contract.apply(typed));
            });
            return this;
        }

        /**
         * Events of {@code type} are published as {@code contract} and, while that contract's previous
         * version is deprecated but still published, also as {@code deprecatedVersion} derived from it.
         */
        public <T extends E, C extends Record> Builder<E> publish(Class<T> type, Function<? super T, String> caseIdOf,
                                                                 Function<T, C> contract,
                                                                 Function<? super C, ? extends Record> deprecatedVersion) {
            decideOnce(type);
            published.put(type, event -> {
                T typed = type.cast(event);
                C newest = contract.apply(typed);
                return new OutboundIntegrationEvent(caseIdOf.apply(typed), newest,
                        List.of(deprecatedVersion.apply(newest)));
            });
            return this;
        }

        /** Events of these classes stay inside the service. */
        @SafeVarargs
        public final Builder<E> keepInternal(Class<? extends E>... types) {
            for (Class<? extends E> type : types) {
                decideOnce(type);
                keptInternal.add(type);
            }
            return this;
        }

        public ContractTranslations build() {
            return new ContractTranslations(published, keptInternal);
        }

        private void decideOnce(Class<?> type) {
            if (!eventType.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a " + eventType.getSimpleName());
            }
            if (published.containsKey(type) || keptInternal.contains(type)) {
                throw new IllegalArgumentException(type.getName() + " is in the table twice");
            }
        }
    }
}
