package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records, in the command's own transaction, that a command sent under an Idempotency-Key claim
 * committed and what it answered. The key and the command's events then commit together or not at
 * all: a retry after a crash finds either no trace of the command (and runs it) or its outcome (and
 * answers from it without running it again).
 *
 * <p>A claim taken over by a retry in the meantime makes the command fail and roll back: the retry
 * runs it instead, so it never commits twice.
 */
public class IdempotentCommandRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyKeys keys;
    private final JsonMapper jsonMapper;

    public IdempotentCommandRecorder(IdempotencyKeys keys, JsonMapper jsonMapper) {
        this.keys = keys;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        IdempotencyClaim claim = IdempotencyClaim.from(unitOfWork.getMessage().getMetaData());
        if (claim != null) {
            unitOfWork.onPrepareCommit(committing -> {
                IdempotencyKeys.CommittedCommand outcome = outcomeOf(committing.getExecutionResult().getResult());
                if (!keys.recordCommandCommitted(claim, outcome)) {
                    throw new IllegalStateException("Idempotency-Key " + claim.key() + " of " + claim.principal()
                            + " was taken over by a retry before this command committed; the retry runs it");
                }
            });
        }
        return interceptorChain.proceed();
    }

    private IdempotencyKeys.CommittedCommand outcomeOf(ResultMessage<?> result) {
        if (result.isExceptional()) {
            // only a recorded refusal commits with an exception (the command bus's rollback rule)
            if (result.exceptionResult() instanceof RuleViolationException refusal) {
                return IdempotencyKeys.CommittedCommand.refusal(refusal);
            }
            throw new IllegalStateException("A command committed with an unexpected failure",
                    result.exceptionResult());
        }
        Object payload = result.getPayload();
        return payload == null ? IdempotencyKeys.CommittedCommand.NO_RESULT
                : new IdempotencyKeys.CommittedCommand(payload.getClass().getName(),
                jsonMapper.writeValueAsString(payload));
    }
}
