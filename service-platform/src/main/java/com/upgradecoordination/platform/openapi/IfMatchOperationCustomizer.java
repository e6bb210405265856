package com.upgradecoordination.platform.openapi;

import com.upgradecoordination.platform.web.IfMatch;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Declares the {@code If-Match} header on the commands whose handler takes an {@link IfMatch}
 * (springdoc itself is told to ignore that parameter); {@link PlatformOpenApiCustomizer} then
 * gives it the shared description, as for any declared If-Match.
 */
class IfMatchOperationCustomizer implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean takesIfMatch = Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == IfMatch.class);
        if (takesIfMatch) {
            operation.addParametersItem(new Parameter().in("header").name(IfMatch.HEADER).required(false));
        }
        return operation;
    }
}
